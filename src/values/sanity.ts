import type { SchemaNode } from '../../imports/chart-versions';
import { chartData, ChartVersion } from './chart-version';
import { truthy } from './go-values';
import { isInt64, numberValue } from './int64';
import { isMap, Value, valueAt, ValueMap } from './value-map';
import { diagnostic } from './diagnostic';
import { Diagnostic, formatPath, Segment, ValuesError } from './errors';
import { compileFieldTree, FieldTree, fieldPatterns, visitFields } from './schema-fields';
import { compareQuantities, formatQuantity, isWholeQuantity, parseQuantity, Quantity } from './quantity';

/**
 * Checks beyond the chart's own: values that Helm renders without complaint, but that give a
 * virtual cluster the API server or the kubelet refuses (a malformed quantity, a request above
 * its limit, zero replicas, a port out of range, `runAsNonRoot` with user 0) or one that silently
 * misbehaves (a toggle set to "maybe", read as false). Throws one ValuesError listing every
 * problem, one per line, each naming the key path, the value found and the fix. `user` are the
 * values given (before the chart's defaults), so that a message blames the chart's default only
 * for what the user did not set; `version` is the chart version rendered, whose schema and
 * defaults the checks follow.
 */
export function validateBeyondChart(values: ValueMap, user: ValueMap, version: ChartVersion): void {
  const found = beyondChartDiagnostics(values, user, version);
  if (found.length > 0) throw new ValuesError(found);
}

/** What `validateBeyondChart` refuses, as diagnostics. */
export function beyondChartDiagnostics(values: ValueMap, user: ValueMap, version: ChartVersion): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const note = defaultNote(user, chartData(version).defaults as ValueMap);
  visitFields(fieldTree(version), values, (check, v, path) => check(v, path, problems));
  checkKubernetesFields(values, [], problems, note);
  checkPolicies(values, problems);
  checkRunAsNonRoot(values, problems, note);
  checkHighAvailability(values, problems);
  return problems;
}

/** A problem at the path, with the value found there and the other values paths the text names. */
function problem(path: readonly Segment[], value: Value, text: string, mentions?: readonly (readonly Segment[])[]): Diagnostic {
  return diagnostic({ path, value, message: text, ...(mentions ? { mentions: mentions.map(formatPath) } : {}) });
}

function json(v: Value): string {
  return isInt64(v) ? v.digits : JSON.stringify(v) ?? String(v);
}

/** Says where a value came from: ` (the chart's default)` when the user set nothing there and it is the chart's own. */
type DefaultNote = (path: readonly Segment[], v: Value) => string;

function defaultNote(user: ValueMap, defaults: ValueMap): DefaultNote {
  return (path, v) => {
    if (valueAt(user, path) !== undefined) return '';
    const d = valueAt(defaults, path);
    return d !== undefined && json(d) === json(v) ? " (the chart's default)" : '';
  };
}

// ---------------------------------------------------------------------------------------------
// Fields the values schema declares: derived from each version's schema once, when first asked for.

type FieldCheck = (value: Value, path: readonly Segment[], out: Diagnostic[]) => void;

const TOGGLE_TEXT = 'expected true, false or "auto"';

/**
 * Three-valued toggles. vCluster reads the strings "true" and "false" like the booleans, but the
 * chart's templates test some toggles for truth, where the string "false" counts as enabled;
 * so "true" is fine, "false" is refused, and any other string reads as false in both.
 */
const checkToggle: FieldCheck = (v, path, out) => {
  if (typeof v === 'boolean' || v === 'auto' || v === 'true') return;
  if (v === 'false') {
    out.push(problem(path, v, `${TOGGLE_TEXT}, got "false" (quoted); the chart's templates read that string as enabled while vCluster reads ` +
      `it as false. Write false without quotes.`));
    return;
  }
  out.push(problem(path, v, `${TOGGLE_TEXT}, got ${json(v)}; vCluster reads any other string as false. Use true, false, or "auto" to let ` +
    `vCluster decide.`));
};

const checkReplicas: FieldCheck = (v, path, out) => {
  const n = numberValue(v);
  if (n !== undefined && n < 1) {
    out.push(problem(path, v, `expected at least 1 replica, got ${json(v)}; with none, nothing runs. Set 1, or 3 or more for high availability.`));
  }
};

const checkPort: FieldCheck = (v, path, out) => {
  const n = numberValue(v);
  if (n !== undefined && (n < 1 || n > 65535)) {
    out.push(problem(path, v, `expected a port from 1 to 65535, got ${json(v)}. Choose a port in that range.`));
  }
};

const checkNodePort: FieldCheck = (v, path, out) => {
  const n = numberValue(v);
  if (n !== undefined && n !== 0 && (n < 30000 || n > 32767)) {
    out.push(problem(path, v, `expected 0 (Kubernetes picks the port) or a node port from 30000 to 32767 (Kubernetes' default ` +
      `--service-node-port-range), got ${json(v)}. Use 0 or a port in that range.`));
  }
};

const checkVolumeSize: FieldCheck = (v, path, out) => checkQuantity(v, path, out, 'positive');

function enumCheck(allowed: readonly string[], why: string): FieldCheck {
  return (v, path, out) => {
    if (typeof v === 'string' && allowed.includes(v)) return;
    const near = typeof v === 'string' ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
    const fix = near ? `Did you mean ${near}? Values are case-sensitive.` : `Use one of ${allowed.filter((a) => a !== '').join(', ')}.`;
    const shown = allowed.map((a) => (a === '' ? '"" (unset)' : a)).join(', ');
    out.push(problem(path, v, `expected one of ${shown}, got ${json(v)}; ${why}. ${fix}`));
  };
}

const checkRetentionPolicy = enumCheck(['Retain', 'Delete'], 'Kubernetes knows no other retention policy for a StatefulSet\'s claims');
const checkLogEncoding = enumCheck(['console', 'json'], 'vCluster only writes logs in these formats');

/** Which check a property of the schema gets, by its name and type. */
function ruleFor(name: string, node: SchemaNode): FieldCheck | undefined {
  if (name === 'enabled' && isStringOrBoolean(node)) return checkToggle;
  if (node.type === 'integer') {
    if (name === 'replicas') return checkReplicas;
    if (name === 'port') return checkPort;
    if (name.endsWith('NodePort')) return checkNodePort;
  }
  if (node.type === 'string') {
    if (name === 'size') return checkVolumeSize;
    if (name === 'retentionPolicy') return checkRetentionPolicy;
    if (name === 'encoding') return checkLogEncoding;
  }
  return undefined;
}

/** `oneOf: [{type: string}, {type: boolean}]`, the schema's form of a three-valued toggle. */
function isStringOrBoolean(node: SchemaNode): boolean {
  const types = (node.oneOf ?? []).map((alt) => alt.type).sort();
  return types.length === 2 && types[0] === 'boolean' && types[1] === 'string';
}

const TREES = new Map<ChartVersion, FieldTree<FieldCheck>>();
function fieldTree(version: ChartVersion): FieldTree<FieldCheck> {
  let tree = TREES.get(version);
  if (tree === undefined) TREES.set(version, (tree = compileFieldTree(ruleFor, version)));
  return tree;
}

/** Every values path of the version with a three-valued toggle (`sync.fromHost.storageClasses.enabled`, ...), for tests. */
export function toggleFieldPaths(version: ChartVersion): string[] {
  return fieldPatterns(fieldTree(version)).filter(([, check]) => check === checkToggle).map(([path]) => path);
}


// ---------------------------------------------------------------------------------------------
// Kubernetes fields wherever they appear: in the chart's own keys and in the containers, specs
// and claim templates users pass through (initContainers, sidecarContainers, plugins, ...).

const KUBERNETES_ENUMS: ReadonlyMap<string, FieldCheck> = new Map([
  ['imagePullPolicy', enumCheck(['', 'Always', 'IfNotPresent', 'Never'], 'Kubernetes refuses any other pull policy')],
  ['pathType', enumCheck(['Exact', 'Prefix', 'ImplementationSpecific'], 'Kubernetes refuses an Ingress path of any other type')],
  ['podManagementPolicy', enumCheck(['OrderedReady', 'Parallel'], 'Kubernetes refuses a StatefulSet with any other policy')],
]);

const checkServiceType = enumCheck(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], 'Kubernetes refuses a Service of any other type');

function checkKubernetesFields(value: Value, path: Segment[], out: Diagnostic[], note: DefaultNote): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      path.push(i);
      checkKubernetesFields(item, path, out, note);
      path.pop();
    });
    return;
  }
  if (!isMap(value)) return;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === null || v === undefined) continue;
    path.push(key);
    const enumCheckFor = KUBERNETES_ENUMS.get(key);
    if (enumCheckFor) {
      enumCheckFor(v, path, out);
    } else if (key === 'resources' && isMap(v)) {
      // A container's (or a claim's) requests and limits; RBAC rules also have `resources`, as a list.
      checkResources(v, path, out, note);
    } else if (key === 'type' && path.length >= 3 && path[path.length - 2] === 'spec' && path[path.length - 3] === 'service') {
      // controlPlane.service.spec and controlPlane.coredns.service.spec become Service specs.
      checkServiceType(v, path, out);
    } else {
      checkKubernetesFields(v, path, out, note);
    }
    path.pop();
  }
}

/** Every quantity well-formed and not negative, and no request above its limit (the API server refuses both). */
function checkResources(resources: ValueMap, path: Segment[], out: Diagnostic[], note: DefaultNote): void {
  const parsed: { [kind: string]: Map<string, Quantity> } = {};
  for (const kind of ['limits', 'requests']) {
    parsed[kind] = new Map();
    const list = resources[kind];
    if (!isMap(list)) continue;
    for (const name of Object.keys(list)) {
      if (list[name] === null || list[name] === undefined) continue;
      const q = checkQuantity(list[name], [...path, kind, name], out, 'non-negative');
      if (q) parsed[kind].set(name, q);
    }
  }
  for (const [name, request] of parsed.requests) {
    const limit = parsed.limits.get(name);
    if (limit && compareQuantities(request, limit) > 0) {
      const at = [...path, 'requests', name];
      const raw = resources.requests[name];
      out.push(problem(at, raw,
        `the request ${json(raw)}${note(at, raw)} is more than the limit ${formatQuantity(limit)} (${formatPath([...path, 'limits', name])}); ` +
          `Kubernetes refuses a container whose request exceeds its limit. Lower the request to at most ${formatQuantity(limit)}, or raise ` +
            `the limit.`, [[...path, 'limits', name]]));
    }
  }
}

const QUANTITY_HELP = 'a number with an optional suffix: m (milli), k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei, or an exponent such as 1e3';

/** Parses a quantity, reporting it when malformed, negative, or (for sizes) zero. */
function checkQuantity(v: Value, path: readonly Segment[], out: Diagnostic[], sign: 'non-negative' | 'positive'): Quantity | undefined {
  const q = parseQuantity(v);
  if (!q) {
    out.push(problem(path, v, `expected a Kubernetes quantity such as 500m, 2, 512Mi or 5Gi, got ${json(v)}. Write ${QUANTITY_HELP}.`));
    return undefined;
  }
  if (q.nanos < 0n || (sign === 'positive' && q.nanos === 0n)) {
    const least = sign === 'positive' ? 'more than 0' : 'at least 0';
    out.push(problem(path, v, `expected a quantity of ${least}, got ${json(v)}; Kubernetes refuses ` +
      `${sign === 'positive' ? 'an empty size' : 'negative amounts'}. Give a ${sign === 'positive' ? 'size such as 5Gi' : 'positive amount'}.`));
    return undefined;
  }
  return q;
}

// ---------------------------------------------------------------------------------------------
// The quota and limit range the chart renders from policies.

/** Quota keys counted in objects, not measured (Kubernetes' integer resources and object counts). */
const COUNTED = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'services.nodeports', 'services.loadbalancers',
]);

function isObjectCount(resource: string): boolean {
  return resource.startsWith('count/') || COUNTED.has(resource) || resource.endsWith('.storageclass.storage.k8s.io/persistentvolumeclaims');
}

function checkPolicies(values: ValueMap, out: Diagnostic[]): void {
  const quota = values.policies?.resourceQuota?.quota;
  if (isMap(quota)) {
    for (const key of Object.keys(quota)) {
      const v = quota[key];
      if (v === null || v === undefined) continue;
      const path = ['policies', 'resourceQuota', 'quota', key];
      if (!isObjectCount(key)) {
        checkQuantity(v, path, out, 'non-negative');
        continue;
      }
      const q = parseQuantity(v);
      if (!q || q.nanos < 0n || !isWholeQuantity(q)) {
        out.push(problem(path, v, `expected a whole number of objects (0 or more), got ${json(v)}; ${key} counts objects. Give a count such as 20.`));
      }
    }
  }
  const limitRange = values.policies?.limitRange;
  for (const kind of ['default', 'defaultRequest', 'min', 'max']) {
    const list = limitRange?.[kind];
    if (!isMap(list)) continue;
    for (const name of Object.keys(list)) {
      if (list[name] !== null && list[name] !== undefined) checkQuantity(list[name], ['policies', 'limitRange', kind, name], out, 'non-negative');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// runAsNonRoot with user 0: the kubelet refuses to start such a container.

interface ContainerSecurity {
  readonly name: string;
  readonly path: readonly Segment[];
  /** What the container runs with when its security context is empty (CoreDNS has one built in). */
  readonly builtIn?: 'non-root';
}

interface PodSecurity {
  readonly what: string;
  readonly podPath: readonly Segment[];
  readonly containers: readonly ContainerSecurity[];
}

const STS = ['controlPlane', 'statefulSet'];
const ETCD = ['controlPlane', 'backingStore', 'etcd', 'deploy', 'statefulSet'];

/** The pods the chart (and, for CoreDNS, vCluster) runs, with where their security contexts come from. */
function podsWithSecurity(values: ValueMap): PodSecurity[] {
  const containers: ContainerSecurity[] = [{ name: 'syncer', path: [...STS, 'security', 'containerSecurityContext'] }];
  if (!truthy(values.experimental?.syncSettings?.disableSync)) {
    containers.push({ name: 'kubernetes (init)', path: ['controlPlane', 'distro', 'k8s', 'securityContext'] });
  }
  for (const list of ['initContainers', 'sidecarContainers']) {
    const items: Value = values.controlPlane?.statefulSet?.[list];
    if (!Array.isArray(items)) continue;
    items.forEach((c, i) => {
      if (isMap(c)) containers.push({ name: `${String(c.name ?? i)} (${list})`, path: [...STS, list, i, 'securityContext'] });
    });
  }
  for (const key of ['plugins', 'plugin']) {
    const plugins: Value = values[key];
    if (!isMap(plugins)) continue;
    for (const name of Object.keys(plugins)) {
      // A plugin without an image renders no container.
      if (isMap(plugins[name]) && truthy(plugins[name].image)) containers.push({ name: `plugin ${name}`, path: [key, name, 'securityContext'] });
    }
  }
  const pods: PodSecurity[] = [{ what: 'control plane', podPath: [...STS, 'security', 'podSecurityContext'], containers }];

  const etcd = values.controlPlane?.backingStore?.etcd ?? {};
  // As the etcd templates decide: deployed, or kept while the embedded etcd migrates away from it.
  const etcdRuns = truthy(etcd.deploy?.enabled) || (truthy(etcd.embedded?.enabled) && truthy(etcd.embedded?.migrateFromDeployedEtcd));
  if (etcdRuns && truthy(etcd.deploy?.statefulSet?.enabled)) {
    pods.push({
      what: 'etcd',
      podPath: [...ETCD, 'security', 'podSecurityContext'],
      containers: [{ name: 'etcd', path: [...ETCD, 'security', 'containerSecurityContext'] }],
    });
  }
  const coredns = values.controlPlane?.coredns ?? {};
  // Embedded CoreDNS runs inside the syncer; overwritten manifests bring their own pods.
  if (truthy(coredns.enabled) && !truthy(coredns.embedded) && !truthy(coredns.overwriteManifests)) {
    pods.push({
      what: 'CoreDNS',
      podPath: ['controlPlane', 'coredns', 'security', 'podSecurityContext'],
      containers: [{ name: 'coredns', path: ['controlPlane', 'coredns', 'security', 'containerSecurityContext'], builtIn: 'non-root' }],
    });
  }
  return pods;
}

/**
 * A container runs with its own runAsNonRoot and runAsUser, else the pod's. With runAsNonRoot
 * true and user 0 the kubelet refuses it ("container has runAsNonRoot and image will run as
 * root"). The chart's default syncer context sets runAsUser 0, so `runAsNonRoot: true` alone fails.
 */
function checkRunAsNonRoot(values: ValueMap, out: Diagnostic[], note: DefaultNote): void {
  for (const pod of podsWithSecurity(values)) {
    const podContext: Value = valueAt(values, pod.podPath);
    for (const container of pod.containers) {
      const own: Value = valueAt(values, container.path);
      // vCluster gives CoreDNS a non-root context of its own when none is set.
      if (container.builtIn && !truthy(own)) continue;
      const source = (field: string): Segment[] | undefined => {
        if (isMap(own) && own[field] !== undefined && own[field] !== null) return [...container.path, field];
        if (isMap(podContext) && podContext[field] !== undefined && podContext[field] !== null) return [...pod.podPath, field];
        return undefined;
      };
      const nonRootAt = source('runAsNonRoot');
      const userAt = source('runAsUser');
      if (!nonRootAt || !userAt || valueAt(values, nonRootAt) !== true || valueAt(values, userAt) !== 0) continue;
      out.push(problem(nonRootAt, true,
        `true, but the ${pod.what} container ${container.name} runs as root: runAsUser is 0 from ${formatPath(userAt)}${note(userAt, 0)}. ` +
          `The kubelet refuses to start it ("container has runAsNonRoot and image will run as root"). ` +
          `Set ${formatPath([...container.path, 'runAsUser'])} to a non-zero UID (e.g. 1000), or drop runAsNonRoot.`,
        [userAt, [...container.path, 'runAsUser']]));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Several control plane replicas on the embedded database.

const REPLICAS = [...STS, 'highAvailability', 'replicas'];

/**
 * Several control plane replicas share their state through the backing store; the embedded
 * database (SQLite) is a file of one pod, so each replica would run a cluster of its own.
 */
function checkHighAvailability(values: ValueMap, out: Diagnostic[]): void {
  const replicas: Value = valueAt(values, REPLICAS);
  const n = numberValue(replicas);
  if (n === undefined || n <= 1) return;
  const store = values.controlPlane?.backingStore ?? {};
  const shared = [store.etcd?.embedded, store.etcd?.deploy, store.etcd?.external, store.database?.external].some((s) => truthy(s?.enabled));
  if (shared) return;
  out.push(problem(REPLICAS, replicas,
    `several control plane replicas need a backing store they share, and the embedded database (SQLite) is not one; got ${replicas}. ` +
      'Choose etcd or an external database: backingStore: BackingStore.embeddedEtcd(), BackingStore.deployedEtcd(), BackingStore.externalEtcd(...) ' +
      'or BackingStore.externalDatabase(...) in the typed props, enabled: true under controlPlane.backingStore.etcd.embedded (or etcd.deploy, ' +
      'etcd.external, database.external) in the values; or set replicas to 1.'));
}
