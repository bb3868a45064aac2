import { CHART_DEFAULTS } from '../../imports/chart-defaults';
import { SchemaNode, VALUES_SCHEMA } from '../../imports/values-schema';
import { truthy } from './go-values';
import { isMap, Value, valueAt, ValueMap } from './value-map';
import { formatPath, Segment, ValuesError } from './errors';
import { compareQuantities, formatQuantity, isWholeQuantity, parseQuantity, Quantity } from './quantity';

/**
 * Checks beyond the chart's own: values that Helm renders without complaint, but that give a
 * virtual cluster the API server or the kubelet refuses (a malformed quantity, a request above
 * its limit, zero replicas, a port out of range, `runAsNonRoot` with user 0) or one that silently
 * misbehaves (a toggle set to "maybe", read as false). Throws one ValuesError listing every
 * problem, one per line, each naming the key path, the value found and the fix.
 */
export function validateBeyondChart(values: ValueMap): void {
  const problems: Problem[] = [];
  checkFields(FIELD_TREE, values, [], problems);
  checkKubernetesFields(values, [], problems);
  checkPolicies(values, problems);
  checkRunAsNonRoot(values, problems);
  if (problems.length > 0) {
    throw new ValuesError(problems[0].path, problems.map((p) => p.text).join('\n'));
  }
}

interface Problem {
  readonly path: string;
  readonly text: string;
}

function problem(path: readonly Segment[], text: string): Problem {
  const at = formatPath(path);
  return { path: at, text: `${at}: ${text}` };
}

function json(v: Value): string {
  return JSON.stringify(v) ?? String(v);
}

/** ` (the chart's default)` when the value at the path is the chart's own, so users see where it came from. */
function defaultNote(path: readonly Segment[], v: Value): string {
  const d = valueAt(CHART_DEFAULTS as ValueMap, path);
  return d !== undefined && json(d) === json(v) ? " (the chart's default)" : '';
}

// ---------------------------------------------------------------------------------------------
// Fields the values schema declares: derived from the schema once, when the module loads.

type FieldCheck = (value: Value, path: readonly Segment[], out: Problem[]) => void;

/** The part of the schema that leads to a checked field; subtrees without one are left out. */
interface FieldTree {
  check?: FieldCheck;
  readonly props: Map<string, FieldTree>;
  readonly patterns: [RegExp, FieldTree][];
  others?: FieldTree;
  items?: FieldTree;
}

const TOGGLE_TEXT = 'expected true, false or "auto"';

/**
 * Three-valued toggles. vCluster reads the strings "true" and "false" like the booleans, but the
 * chart's templates test some toggles for truth, where the string "false" counts as enabled;
 * so "true" is fine, "false" is refused, and any other string reads as false in both.
 */
const checkToggle: FieldCheck = (v, path, out) => {
  if (typeof v === 'boolean' || v === 'auto' || v === 'true') return;
  if (v === 'false') {
    out.push(problem(path, `${TOGGLE_TEXT}, got "false" (quoted); the chart's templates read that string as enabled while vCluster reads it as false. Write false without quotes.`));
    return;
  }
  out.push(problem(path, `${TOGGLE_TEXT}, got ${json(v)}; vCluster reads any other string as false. Use true, false, or "auto" to let vCluster decide.`));
};

const checkReplicas: FieldCheck = (v, path, out) => {
  if (typeof v === 'number' && v < 1) {
    out.push(problem(path, `expected at least 1 replica, got ${json(v)}; with none, nothing runs. Set 1, or 3 or more for high availability.`));
  }
};

const checkPort: FieldCheck = (v, path, out) => {
  if (typeof v === 'number' && (v < 1 || v > 65535)) {
    out.push(problem(path, `expected a port from 1 to 65535, got ${json(v)}. Choose a port in that range.`));
  }
};

const checkNodePort: FieldCheck = (v, path, out) => {
  if (typeof v === 'number' && v !== 0 && (v < 30000 || v > 32767)) {
    out.push(problem(path, `expected 0 (Kubernetes picks the port) or a node port from 30000 to 32767 (Kubernetes' default --service-node-port-range), got ${json(v)}. Use 0 or a port in that range.`));
  }
};

const checkVolumeSize: FieldCheck = (v, path, out) => checkQuantity(v, path, out, 'positive');

function enumCheck(allowed: readonly string[], why: string): FieldCheck {
  return (v, path, out) => {
    if (typeof v === 'string' && allowed.includes(v)) return;
    const near = typeof v === 'string' ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
    const fix = near ? `Did you mean ${near}? Values are case-sensitive.` : `Use one of ${allowed.filter((a) => a !== '').join(', ')}.`;
    const shown = allowed.map((a) => (a === '' ? '"" (unset)' : a)).join(', ');
    out.push(problem(path, `expected one of ${shown}, got ${json(v)}; ${why}. ${fix}`));
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

function compileFieldTree(): FieldTree {
  const defs = new Map<string, FieldTree | undefined>();
  const resolve = (node: SchemaNode): SchemaNode => (node.$ref ? def(node.$ref) : node);
  const def = (ref: string): SchemaNode => {
    const found = VALUES_SCHEMA.$defs[ref.slice('#/$defs/'.length)];
    if (!found) throw new Error(`values schema: cannot resolve $ref ${ref}`);
    return found;
  };
  const compile = (node: SchemaNode | boolean): FieldTree | undefined => {
    if (typeof node === 'boolean') return undefined;
    if (node.$ref !== undefined) {
      if (!defs.has(node.$ref)) {
        // Marked before compiling, so that a recursive definition fails loudly instead of looping.
        defs.set(node.$ref, undefined);
        defs.set(node.$ref, compile(def(node.$ref)) ?? EMPTY);
      }
      const tree = defs.get(node.$ref);
      if (tree === undefined) throw new Error(`values schema: recursive $ref ${node.$ref} is not supported by the field checks`);
      return tree === EMPTY ? undefined : tree;
    }
    const tree: FieldTree = { props: new Map(), patterns: [] };
    for (const [name, sub] of Object.entries(node.properties ?? {})) {
      const check = ruleFor(name, resolve(sub));
      const child = check ? { check, props: new Map(), patterns: [] } : compile(sub);
      if (child) tree.props.set(name, child);
    }
    for (const [pattern, sub] of Object.entries(node.patternProperties ?? {})) {
      const child = compile(sub);
      if (child) tree.patterns.push([new RegExp(pattern, 'u'), child]);
    }
    if (node.additionalProperties !== undefined) tree.others = compile(node.additionalProperties);
    if (node.items !== undefined) tree.items = compile(node.items);
    let result: FieldTree = tree;
    for (const alt of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) result = merge(result, compile(alt))!;
    return isEmpty(result) ? undefined : result;
  };
  return compile(VALUES_SCHEMA) ?? { props: new Map(), patterns: [] };
}

const EMPTY: FieldTree = { props: new Map(), patterns: [] };

function isEmpty(tree: FieldTree): boolean {
  return !tree.check && tree.props.size === 0 && tree.patterns.length === 0 && !tree.others && !tree.items;
}

/** The union of two trees (alternatives of oneOf/anyOf); new nodes, as definitions are shared. */
function merge(a: FieldTree | undefined, b: FieldTree | undefined): FieldTree | undefined {
  if (!a || a === b) return b ?? a;
  if (!b) return a;
  const props = new Map(a.props);
  for (const [k, sub] of b.props) props.set(k, merge(props.get(k), sub)!);
  return { check: a.check ?? b.check, props, patterns: [...a.patterns, ...b.patterns], others: merge(a.others, b.others), items: merge(a.items, b.items) };
}

/** Compiled once: the checks run for every virtual cluster of a synth. */
const FIELD_TREE = compileFieldTree();

/** Every values path with a three-valued toggle (`sync.fromHost.storageClasses.enabled`, ...), for tests. */
export function toggleFieldPaths(): string[] {
  const out: string[] = [];
  const walk = (tree: FieldTree, path: string): void => {
    if (tree.check === checkToggle) out.push(path);
    for (const [k, sub] of tree.props) walk(sub, path ? `${path}.${k}` : k);
    for (const [re, sub] of tree.patterns) walk(sub, `${path}.<${re.source}>`);
    if (tree.others) walk(tree.others, `${path}.*`);
    if (tree.items) walk(tree.items, `${path}[]`);
  };
  walk(FIELD_TREE, '');
  return out.sort();
}

function checkFields(tree: FieldTree, value: Value, path: Segment[], out: Problem[]): void {
  if (tree.check) {
    tree.check(value, path, out);
    return;
  }
  if (Array.isArray(value)) {
    if (!tree.items) return;
    value.forEach((item, i) => {
      path.push(i);
      checkFields(tree.items!, item, path, out);
      path.pop();
    });
    return;
  }
  if (!isMap(value)) return;
  for (const key of Object.keys(value)) {
    // Null deletes a key when Helm coalesces; it is not a value.
    if (value[key] === null || value[key] === undefined) continue;
    const child = tree.props.get(key) ?? tree.patterns.find(([re]) => re.test(key))?.[1] ?? tree.others;
    if (!child) continue;
    path.push(key);
    checkFields(child, value[key], path, out);
    path.pop();
  }
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

function checkKubernetesFields(value: Value, path: Segment[], out: Problem[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      path.push(i);
      checkKubernetesFields(item, path, out);
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
      checkResources(v, path, out);
    } else if (key === 'type' && path.length >= 3 && path[path.length - 2] === 'spec' && path[path.length - 3] === 'service') {
      // controlPlane.service.spec and controlPlane.coredns.service.spec become Service specs.
      checkServiceType(v, path, out);
    } else {
      checkKubernetesFields(v, path, out);
    }
    path.pop();
  }
}

/** Every quantity well-formed and not negative, and no request above its limit (the API server refuses both). */
function checkResources(resources: ValueMap, path: Segment[], out: Problem[]): void {
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
      out.push(problem(at,
        `the request ${json(raw)}${defaultNote(at, raw)} is more than the limit ${formatQuantity(limit)} (${formatPath([...path, 'limits', name])}); ` +
          `Kubernetes refuses a container whose request exceeds its limit. Lower the request to at most ${formatQuantity(limit)}, or raise the limit.`));
    }
  }
}

const QUANTITY_HELP = 'a number with an optional suffix: m (milli), k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei, or an exponent such as 1e3';

/** Parses a quantity, reporting it when malformed, negative, or (for sizes) zero. */
function checkQuantity(v: Value, path: readonly Segment[], out: Problem[], sign: 'non-negative' | 'positive'): Quantity | undefined {
  const q = parseQuantity(v);
  if (!q) {
    out.push(problem(path, `expected a Kubernetes quantity such as 500m, 2, 512Mi or 5Gi, got ${json(v)}. Write ${QUANTITY_HELP}.`));
    return undefined;
  }
  if (q.nanos < 0n || (sign === 'positive' && q.nanos === 0n)) {
    const least = sign === 'positive' ? 'more than 0' : 'at least 0';
    out.push(problem(path, `expected a quantity of ${least}, got ${json(v)}; Kubernetes refuses ${sign === 'positive' ? 'an empty size' : 'negative amounts'}. Give a ${sign === 'positive' ? 'size such as 5Gi' : 'positive amount'}.`));
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

function checkPolicies(values: ValueMap, out: Problem[]): void {
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
        out.push(problem(path, `expected a whole number of objects (0 or more), got ${json(v)}; ${key} counts objects. Give a count such as 20.`));
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
function checkRunAsNonRoot(values: ValueMap, out: Problem[]): void {
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
      out.push(problem(nonRootAt,
        `true, but the ${pod.what} container ${container.name} runs as root: runAsUser is 0 from ${formatPath(userAt)}${defaultNote(userAt, 0)}. ` +
          `The kubelet refuses to start it ("container has runAsNonRoot and image will run as root"). ` +
          `Set ${formatPath([...container.path, 'runAsUser'])} to a non-zero UID (e.g. 1000), or drop runAsNonRoot.`));
    }
  }
}
