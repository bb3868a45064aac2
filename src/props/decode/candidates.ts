import { isDeepStrictEqual } from 'node:util';
import { Duration, Size } from 'cdk8s';
import { cdk8sPlus } from '../cdk8s-plus';
import { BackingStore, ExternalEtcdOptions } from '../backing-store';
import { plainJson } from '../fragment';
import { RetentionPolicy } from '../persistence';
import { UnhealthyPodEvictionPolicy } from '../pod-disruption-budget';
import { PodSecurityStandard } from '../policies';
import { LogEncoding } from '../logging';
import { isMap, valueAt, ValueMap } from '../../values/value-map';
import { ResourceQuotaScope } from '../resource-quota';
import { SyncMode } from '../sync-mode';
import { booleanExpr, Candidate, factory, leaf, object } from './candidate';
import { arrayExpr, atom, Expr, Import, literal, objectExpr, quote } from './expr';

/** The module the generated program imports the library from. */
export const LIBRARY = 'cdk8s-vcluster';
const CDK8S = 'cdk8s';
// What `cdk8s init typescript-app` installs; the value types work from any cdk8s-plus-XX.
const PLUS = 'cdk8s-plus-33';

/** Every name a decoded prop may import into the generated program, and the module it comes from. */
const IMPORTABLE = {
  BackingStore: LIBRARY, RetentionPolicy: LIBRARY, PodSecurityStandard: LIBRARY, LogEncoding: LIBRARY, ResourceQuotaScope: LIBRARY,
  SyncMode: LIBRARY, ResourceScope: LIBRARY, UnhealthyPodEvictionPolicy: LIBRARY, Size: CDK8S, Cpu: PLUS, k8s: PLUS, ImagePullPolicy: PLUS,
    ServiceType: PLUS, PodManagementPolicy: PLUS,
  HttpIngressPathType: PLUS, PersistentVolumeAccessMode: PLUS,
  Duration: CDK8S, NodeTypeOperator: LIBRARY, ConsolidationPolicy: LIBRARY,
  AccessResourcesMode: LIBRARY, FromNamespaces: LIBRARY, SnapshotStorage: LIBRARY,
} as const;
export type Importable = keyof typeof IMPORTABLE;

/** The names decoded props may import (which the generated program's own names must not clash with). */
export const IMPORTABLE_NAMES: readonly string[] = Object.keys(IMPORTABLE);

export const imp = (name: Importable): Import => ({ module: IMPORTABLE[name], name });

/** The value under the keys (`at(u, 'controlPlane', 'service')`). */
export const at = (v: unknown, ...keys: string[]): unknown => valueAt(v, keys);

// -------------------------------------------------------------------------------------------------
// Leaves: a YAML value as a typed prop value, or undefined where it has no typed form.

export const str = (v: unknown) => leaf(typeof v === 'string' ? literal(v) : undefined);
export const bool = (v: unknown) => leaf(typeof v === 'boolean' ? booleanExpr(v) : undefined);
export const num = (v: unknown) => leaf(typeof v === 'number' && Number.isFinite(v) ? literal(v) : undefined);

export const isString = (v: unknown): v is string => typeof v === 'string';

/** A list entry's keys, each with the test of its value's type. */
export type Shape = Readonly<Record<string, (v: unknown) => boolean>>;

/** Whether the map has only the shape's keys, each with a value of its type. */
export const hasShape = (v: unknown, shape: Shape) => isMap(v) && Object.entries(v).every(([k, x]) => shape[k]?.(x) === true);

/** A list of named entries, whole, where each has its name and only the shape's keys. */
export function namedList(v: unknown, shape: Shape) {
  const ok = Array.isArray(v) && v.length > 0 && v.every((n) => isString(at(n, 'name')) && hasShape(n, shape));
  return ok ? leaf(literal(v)) : undefined;
}

export function strList(v: unknown, shrinkable = false) {
  if (!Array.isArray(v) || !v.every((i) => typeof i === 'string')) return undefined;
  const items = v.map((i) => literal(i));
  return leaf(arrayExpr(items), shrinkable ? items : undefined);
}

/** A map of strings (labels, annotations, mappings); empty maps add nothing and stay out. */
export function strMap(v: unknown) {
  if (!isMap(v) || Object.keys(v).length === 0 || !Object.values(v).every((i) => typeof i === 'string')) return undefined;
  return leaf(literal(v));
}

const SIZE_UNITS: Readonly<Record<string, [string, (n: number) => Size]>> = {
  Ki: ['kibibytes', Size.kibibytes], Mi: ['mebibytes', Size.mebibytes], Gi: ['gibibytes', Size.gibibytes],
  Ti: ['tebibytes', Size.tebibytes], Pi: ['pebibyte', Size.pebibyte],
};

/** "5Gi" as `Size.gibibytes(5)`. */
export function sizeExpr(v: unknown): Expr | undefined {
  const m = typeof v === 'string' ? /^([1-9]\d{0,14})(Ki|Mi|Gi|Ti|Pi)$/.exec(v) : null;
  if (!m) return undefined;
  const [method, make] = SIZE_UNITS[m[2]];
  return atom(make(Number(m[1])), `Size.${method}(${m[1]})`, [imp('Size')]);
}

/** "4" as `Cpu.units(4)`, "100m" as `Cpu.millis(100)`, "0.5" as `Cpu.units(0.5)`. */
export function cpuExpr(v: unknown): Expr | undefined {
  if (typeof v !== 'string') return undefined;
  let m = /^([1-9]\d{0,14})m$/.exec(v);
  if (m) return atom(cdk8sPlus().Cpu.millis(Number(m[1])), `Cpu.millis(${m[1]})`, [imp('Cpu')]);
  m = /^(0|[1-9]\d{0,14})(\.\d{1,3})?$/.exec(v);
  if (m && String(Number(v)) === v) return atom(cdk8sPlus().Cpu.units(Number(v)), `Cpu.units(${v})`, [imp('Cpu')]);
  return undefined;
}

const GO_DURATION = /^(?:([1-9]\d{0,6})h)?(?:([1-9]\d?)m)?(?:([1-9]\d?)s)?$/;

/** "30s" as `Duration.seconds(30)`, "2h" as `Duration.hours(2)`: only where goDuration writes the same text back. */
export function durationExpr(v: unknown): Expr | undefined {
  const m = typeof v === 'string' && v !== '' ? GO_DURATION.exec(v) : null;
  if (!m || Number(m[2] ?? 0) >= 60 || Number(m[3] ?? 0) >= 60) return undefined;
  const s = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  const [method, n] = s % 3600 === 0 ? ['hours', s / 3600] : s % 60 === 0 ? ['minutes', s / 60] : ['seconds', s];
  const make = { hours: Duration.hours, minutes: Duration.minutes, seconds: Duration.seconds }[method]!;
  return atom(make(n), `Duration.${method}(${n})`, [imp('Duration')]);
}

/** A quota count: the chart's "15" as 15. */
function countExpr(v: unknown): Expr | undefined {
  return typeof v === 'string' && /^(0|[1-9]\d{0,14})$/.test(v) ? literal(Number(v)) : undefined;
}

/** An enum member, e.g. `ImagePullPolicy.ALWAYS` for "Always". */
export function enumExpr(e: object, name: Importable, v: unknown): Expr | undefined {
  const members = e as Record<string, string>;
  const member = Object.keys(members).find((k) => members[k] === v);
  return member === undefined ? undefined : atom(members[member], `${name}.${member}`, [imp(name)]);
}

export const enumLeaf = (e: object, name: Importable, v: unknown) => leaf(enumExpr(e, name, v));

/** `true`, `false` or "auto" (`SyncMode.AUTO`). */
function switchAuto(v: unknown) {
  return typeof v === 'boolean' ? leaf(booleanExpr(v)) : enumLeaf(SyncMode, 'SyncMode', v);
}

/** `{ enabled: true|false }` as that switch. */
export const switchOf = (v: unknown) => bool(at(v, 'enabled'));
export const switchAutoOf = (v: unknown) => switchAuto(at(v, 'enabled'));

/** A port of a NetworkPolicy rule, which cdk8s-plus types as IntOrString. */
function intOrString(key: string, v: unknown): Expr | undefined {
  if (key !== 'port') return undefined;
  const k8sImport = [imp('k8s')];
  if (typeof v === 'number' && Number.isInteger(v))
    return atom(cdk8sPlus().k8s.IntOrString.fromNumber(v), `k8s.IntOrString.fromNumber(${v})`, k8sImport);
  if (typeof v === 'string') return atom(cdk8sPlus().k8s.IntOrString.fromString(v), `k8s.IntOrString.fromString(${quote(v)})`, k8sImport);
  return undefined;
}

/** A cdk8s-plus `k8s.toJson_*` converter; each takes its own struct type. */
type StructToJson = (x: never) => unknown;

/**
 * A Kubernetes structure (security context, affinity, selector) as a cdk8s-plus `k8s.*` literal:
 * only where the library's converter gives back exactly the same value (an unknown field would
 * be dropped).
 */
function struct(v: unknown, toJson: StructToJson, special?: (key: string, v: unknown) => Expr | undefined): Expr | undefined {
  if (!isMap(v) || Object.keys(v).length === 0) return undefined;
  const e = literal(v, special);
  try {
    return isDeepStrictEqual(plainJson(toJson(e.value as never)), v) ? e : undefined;
  } catch {
    return undefined;
  }
}

export function structList(v: unknown, toJson: StructToJson, special?: (key: string, v: unknown) => Expr | undefined) {
  if (!Array.isArray(v)) return undefined;
  const items = v.map((i) => struct(i, toJson, special));
  return items.every((i): i is Expr => i !== undefined) ? leaf(arrayExpr(items)) : undefined;
}

export const structLeaf = (v: unknown, toJson: StructToJson) => leaf(struct(v, toJson));

/**
 * An integration or sync resource switched by `enabled`: `false` as `false`, `true` as options
 * (or `true` where none is taken). Undefined without an `enabled` switch.
 */
export function toggle(v: unknown, fields: (v: ValueMap) => Record<string, Candidate | undefined>): Candidate | undefined {
  const enabled = at(v, 'enabled');
  if (typeof enabled !== 'boolean') return undefined;
  if (!enabled) return leaf(booleanExpr(false));
  return object(fields(v as ValueMap), { whenEmpty: booleanExpr(true) });
}

// -------------------------------------------------------------------------------------------------
// Shared shapes

export function image(v: unknown) {
  return object({ registry: str(at(v, 'registry')), repository: str(at(v, 'repository')), tag: str(at(v, 'tag')) });
}

export function resources(v: unknown) {
  const pair = (make: (x: unknown) => Expr | undefined, key: string) => object({
    request: leaf(make(at(v, 'requests', key))),
    limit: leaf(make(at(v, 'limits', key))),
  });
  return object({ cpu: pair(cpuExpr, 'cpu'), memory: pair(sizeExpr, 'memory'), ephemeralStorage: pair(sizeExpr, 'ephemeral-storage') });
}

function accessMode(v: unknown) {
  if (!Array.isArray(v) || v.length !== 1) return undefined;
  return enumLeaf(cdk8sPlus().PersistentVolumeAccessMode, 'PersistentVolumeAccessMode', v[0]);
}

/** A `volumeClaim` section as volume claim options with `enabled`. */
export function volumeClaim(v: unknown) {
  return object({
    enabled: bool(at(v, 'enabled')),
    storageClass: str(at(v, 'storageClass')),
    size: leaf(sizeExpr(at(v, 'size'))),
    retentionPolicy: enumLeaf(RetentionPolicy, 'RetentionPolicy', at(v, 'retentionPolicy')),
    accessMode: accessMode(at(v, 'accessModes')),
  });
}

export function scheduling(v: unknown) {
  return object({
    nodeSelector: strMap(at(v, 'nodeSelector')),
    tolerations: structList(at(v, 'tolerations'), cdk8sPlus().k8s.toJson_Toleration),
    affinity: structLeaf(at(v, 'affinity'), cdk8sPlus().k8s.toJson_Affinity),
    topologySpreadConstraints: structList(at(v, 'topologySpreadConstraints'), cdk8sPlus().k8s.toJson_TopologySpreadConstraint),
    priorityClassName: str(at(v, 'priorityClassName')),
    podManagementPolicy: enumLeaf(cdk8sPlus().PodManagementPolicy, 'PodManagementPolicy', at(v, 'podManagementPolicy')),
  });
}

const podSecurity = (v: unknown) => structLeaf(v, cdk8sPlus().k8s.toJson_PodSecurityContext);
const containerSecurity = (v: unknown) => structLeaf(v, cdk8sPlus().k8s.toJson_SecurityContext);

// -------------------------------------------------------------------------------------------------
// The props, section by section

export function decodeRootless(u: ValueMap) {
  const security = at(u, 'controlPlane', 'statefulSet', 'security');
  const user = at(security, 'containerSecurityContext', 'runAsUser');
  const group = at(security, 'containerSecurityContext', 'runAsGroup');
  const fsGroup = at(security, 'podSecurityContext', 'fsGroup');
  if (![user, group, fsGroup].every((x) => typeof x === 'number' && Number.isInteger(x))) return undefined;
  // One value: the ids depend on each other (the group defaults to the user, fsGroup to the group).
  const options: [string, Expr][] = [['user', literal(user)]];
  if (group !== user) options.push(['group', literal(group)]);
  if (fsGroup !== group) options.push(['fsGroup', literal(fsGroup)]);
  return leaf(options.length === 1 && user === 12345 ? booleanExpr(true) : objectExpr(options));
}

const STORE = [imp('BackingStore')];

export function decodeBackingStore(bs: unknown): Candidate | undefined {
  const extraArgs = (v: unknown) => strList(at(v, 'extraArgs'));
  const embeddedEtcd = at(bs, 'etcd', 'embedded');
  if (at(embeddedEtcd, 'enabled') === true) {
    return factory('BackingStore.embeddedEtcd', STORE, (o) => BackingStore.embeddedEtcd(o), object({
      migrateFromDeployedEtcd: bool(at(embeddedEtcd, 'migrateFromDeployedEtcd')),
      snapshotCount: num(at(embeddedEtcd, 'snapshotCount')),
      extraArgs: extraArgs(embeddedEtcd),
    }));
  }
  const deploy = at(bs, 'etcd', 'deploy');
  if (at(deploy, 'enabled') === true) {
    const ss = at(deploy, 'statefulSet');
    return factory('BackingStore.deployedEtcd', STORE, (o) => BackingStore.deployedEtcd(o), object({
      replicas: num(at(ss, 'highAvailability', 'replicas')),
      persistence: volumeClaim(at(ss, 'persistence', 'volumeClaim')),
      ...workload(ss),
      extraArgs: extraArgs(ss),
      service: object({ enabled: bool(at(deploy, 'service', 'enabled')), annotations: strMap(at(deploy, 'service', 'annotations')) }),
      headlessService: object({ annotations: strMap(at(deploy, 'headlessService', 'annotations')) }),
    }));
  }
  const external = at(bs, 'etcd', 'external');
  if (at(external, 'enabled') === true) {
    const tls = at(external, 'tls');
    const options = object({
      endpoint: str(at(external, 'endpoint')),
      tls: object({ caFile: str(at(tls, 'caFile')), certFile: str(at(tls, 'certFile')), keyFile: str(at(tls, 'keyFile')) }),
    }, { required: ['endpoint'] });
    const make = (o: Record<string, unknown>) => BackingStore.externalEtcd(o as unknown as ExternalEtcdOptions);
    return options && factory('BackingStore.externalEtcd', STORE, make, options, true);
  }
  const embeddedDb = at(bs, 'database', 'embedded');
  if (at(embeddedDb, 'enabled') === true) {
    return factory('BackingStore.embeddedDatabase', STORE, (o) => BackingStore.embeddedDatabase(o), object({ extraArgs: extraArgs(embeddedDb) }));
  }
  const externalDb = at(bs, 'database', 'external');
  if (at(externalDb, 'enabled') === true) {
    const options = object({
      dataSource: str(at(externalDb, 'dataSource')),
      connector: str(at(externalDb, 'connector')),
      identityProvider: str(at(externalDb, 'identityProvider')),
      caFile: str(at(externalDb, 'caFile')),
      certFile: str(at(externalDb, 'certFile')),
      keyFile: str(at(externalDb, 'keyFile')),
      extraArgs: extraArgs(externalDb),
    });
    return options && factory('BackingStore.externalDatabase', STORE, (o) => BackingStore.externalDatabase(o), options, true);
  }
  return undefined;
}

/** Candidates for the WorkloadOptions of a `statefulSet` section (control plane or deployed etcd). */
export function workload(ss: unknown) {
  return {
    image: image(at(ss, 'image')),
    imagePullPolicy: enumLeaf(cdk8sPlus().ImagePullPolicy, 'ImagePullPolicy', at(ss, 'imagePullPolicy')),
    resources: resources(at(ss, 'resources')),
    scheduling: scheduling(at(ss, 'scheduling')),
    podSecurityContext: podSecurity(at(ss, 'security', 'podSecurityContext')),
    containerSecurityContext: containerSecurity(at(ss, 'security', 'containerSecurityContext')),
    labels: strMap(at(ss, 'labels')),
    annotations: strMap(at(ss, 'annotations')),
    podLabels: strMap(at(ss, 'pods', 'labels')),
    podAnnotations: strMap(at(ss, 'pods', 'annotations')),
  };
}

export function decodeService(s: unknown) {
  return object({
    enabled: bool(at(s, 'enabled')),
    type: enumLeaf(cdk8sPlus().ServiceType, 'ServiceType', at(s, 'spec', 'type')),
    httpsNodePort: num(at(s, 'httpsNodePort')),
    kubeletNodePort: num(at(s, 'kubeletNodePort')),
    annotations: strMap(at(s, 'annotations')),
    labels: strMap(at(s, 'labels')),
  });
}

export function decodeIngress(i: unknown) {
  const tlsList = at(i, 'spec', 'tls');
  const tls = Array.isArray(tlsList) && tlsList.length === 1 && isMap(tlsList[0])
    && Object.keys(tlsList[0]).every((k) => k === 'secretName' || k === 'hosts')
    ? object({ secretName: str(at(tlsList[0], 'secretName')), hosts: strList(at(tlsList[0], 'hosts')) }, { required: ['secretName'] })
    : undefined;
  return object({
    // First: where the values do not list the host in extraSANs, only the ingress without it fits.
    extraSan: bool(false),
    host: str(at(i, 'host')),
    ingressClassName: str(at(i, 'spec', 'ingressClassName')),
    pathType: enumLeaf(cdk8sPlus().HttpIngressPathType, 'HttpIngressPathType', at(i, 'pathType')),
    tls,
    annotations: strMap(at(i, 'annotations')),
    labels: strMap(at(i, 'labels')),
  }, { required: ['host'] });
}

export function decodeIntegrations(i: unknown) {
  const selector = (v: unknown) => structLeaf(v, cdk8sPlus().k8s.toJson_LabelSelector);
  return object({
    metricsServer: toggle(at(i, 'metricsServer'), (v) => {
      const service = at(v, 'apiService', 'service');
      return {
        nodes: bool(v.nodes),
        pods: bool(v.pods),
        service: object({ name: str(at(service, 'name')), namespace: str(at(service, 'namespace')), port: num(at(service, 'port')) }),
      };
    }),
    certManager: toggle(at(i, 'certManager'), (v) => ({
      certificates: switchOf(at(v, 'sync', 'toHost', 'certificates')),
      issuers: switchOf(at(v, 'sync', 'toHost', 'issuers')),
      clusterIssuers: switchOf(at(v, 'sync', 'fromHost', 'clusterIssuers')),
      clusterIssuerLabels: strMap(at(v, 'sync', 'fromHost', 'clusterIssuers', 'selector', 'labels')),
    })),
    externalSecrets: toggle(at(i, 'externalSecrets'), (v) => ({
      version: str(v.version),
      webhook: switchOf(at(v, 'webhook')),
      externalSecretSelector: selector(at(v, 'sync', 'toHost', 'externalSecrets', 'selector')),
      stores: switchOf(at(v, 'sync', 'toHost', 'stores')),
      storeSelector: selector(at(v, 'sync', 'toHost', 'stores', 'selector')),
      clusterStores: switchOf(at(v, 'sync', 'fromHost', 'clusterStores')),
      clusterStoreSelector: selector(at(v, 'sync', 'fromHost', 'clusterStores', 'selector')),
    })),
    istio: toggle(at(i, 'istio'), (v) => ({
      destinationRules: switchOf(at(v, 'sync', 'toHost', 'destinationRules')),
      gateways: switchOf(at(v, 'sync', 'toHost', 'gateways')),
      virtualServices: switchOf(at(v, 'sync', 'toHost', 'virtualServices')),
    })),
    kubeVirt: toggle(at(i, 'kubeVirt'), (v) => ({
      webhook: switchOf(at(v, 'webhook')),
      dataVolumes: switchOf(at(v, 'sync', 'dataVolumes')),
      virtualMachines: switchOf(at(v, 'sync', 'virtualMachines')),
      virtualMachineInstances: switchOf(at(v, 'sync', 'virtualMachineInstances')),
      virtualMachinePools: switchOf(at(v, 'sync', 'virtualMachinePools')),
      virtualMachineClones: switchOf(at(v, 'sync', 'virtualMachineClones')),
      virtualMachineInstanceMigrations: switchOf(at(v, 'sync', 'virtualMachineInstanceMigrations')),
    })),
    netris: toggle(at(i, 'netris'), (v) => ({
      connector: str(v.connector),
      kubeVip: object({
        serverCluster: str(at(v, 'kubeVip', 'serverCluster')),
        bridge: str(at(v, 'kubeVip', 'bridge')),
        ipRange: str(at(v, 'kubeVip', 'ipRange')),
      }),
    })),
    argoCD: toggle(at(i, 'argoCD'), (v) => ({ connector: str(v.connector) })),
  });
}

const QUOTA_CPUS: ReadonlyArray<readonly [string, string]> = [['cpu', 'cpu'], ['requestsCpu', 'requests.cpu'], ['limitsCpu', 'limits.cpu']];
const QUOTA_SIZES: ReadonlyArray<readonly [string, string]> = [
  ['memory', 'memory'], ['requestsMemory', 'requests.memory'], ['limitsMemory', 'limits.memory'],
  ['requestsStorage', 'requests.storage'], ['requestsEphemeralStorage', 'requests.ephemeral-storage'],
  ['limitsEphemeralStorage', 'limits.ephemeral-storage'],
];
const QUOTA_COUNTS: ReadonlyArray<readonly [string, string]> = [
  ['pods', 'pods'], ['services', 'services'], ['servicesNodePorts', 'services.nodeports'],
  ['servicesLoadBalancers', 'services.loadbalancers'], ['persistentVolumeClaims', 'persistentvolumeclaims'],
];
const STORAGE_CLASS_QUOTA = /^(.+)\.storageclass\.storage\.k8s\.io\/(requests\.storage|persistentvolumeclaims)$/;

/** The quota entries as typed fields, in the order the values give them. */
function quota(q: unknown) {
  if (!isMap(q)) return undefined;
  const fields: Record<string, Candidate | undefined> = {};
  const counts: Record<string, Candidate | undefined> = {};
  const classes: Record<string, Record<string, Candidate | undefined>> = {};
  const cpus = new Map(QUOTA_CPUS.map(([name, key]) => [key, name]));
  const sizes = new Map(QUOTA_SIZES.map(([name, key]) => [key, name]));
  const plain = new Map(QUOTA_COUNTS.map(([name, key]) => [key, name]));
  for (const [key, v] of Object.entries(q)) {
    const m = STORAGE_CLASS_QUOTA.exec(key);
    if (cpus.has(key)) fields[cpus.get(key)!] = leaf(cpuExpr(v));
    else if (sizes.has(key)) fields[sizes.get(key)!] = leaf(sizeExpr(v));
    else if (plain.has(key)) fields[plain.get(key)!] = leaf(countExpr(v));
    else if (key.startsWith('count/')) {
      counts[key.slice('count/'.length)] = leaf(countExpr(v));
      fields.objectCounts ??= undefined;
    } else if (m) {
      const entry = (classes[m[1]] ??= {});
      if (m[2] === 'requests.storage') entry.requestsStorage = leaf(sizeExpr(v));
      else entry.persistentVolumeClaims = leaf(countExpr(v));
      fields.storageClasses ??= undefined;
    }
  }
  if ('objectCounts' in fields) fields.objectCounts = object(counts);
  if ('storageClasses' in fields) fields.storageClasses = object(Object.fromEntries(Object.entries(classes).map(([k, c]) => [k, object(c)])));
  return object(fields);
}

export function decodePolicies(p: unknown, effective: unknown) {
  const enabled = (section: string) => {
    const v = at(p, section, 'enabled') ?? at(effective, section, 'enabled');
    return bool(v);
  };
  const rq = at(p, 'resourceQuota');
  const lr = at(p, 'limitRange');
  const np = at(p, 'networkPolicy');
  // In the order the values give them.
  const amounts = (v: unknown) => (isMap(v) ? object(Object.fromEntries(Object.entries(v).map(([k, x]) => (
    k === 'cpu' ? [k, leaf(cpuExpr(x))] : [k === 'ephemeral-storage' ? 'ephemeralStorage' : k,
      k === 'memory' || k === 'ephemeral-storage' ? leaf(sizeExpr(x)) : undefined]
  )))) : undefined);
  const rules = (v: unknown) => object({
    ingress: structList(at(v, 'ingress'), cdk8sPlus().k8s.toJson_NetworkPolicyIngressRule, intOrString),
    egress: structList(at(v, 'egress'), cdk8sPlus().k8s.toJson_NetworkPolicyEgressRule, intOrString),
  });
  const publicEgress = at(np, 'workload', 'publicEgress');
  const scopes = at(rq, 'scopes');
  const scopeExprs = Array.isArray(scopes)
    ? scopes.map((s) => enumExpr(ResourceQuotaScope, 'ResourceQuotaScope', s))
    : undefined;
  return object({
    resourceQuota: isMap(rq) ? object({
      enabled: enabled('resourceQuota'),
      quota: quota(at(rq, 'quota')),
      scopes: scopeExprs?.every((s): s is Expr => s !== undefined) ? leaf(arrayExpr(scopeExprs)) : undefined,
      scopeSelector: structLeaf(at(rq, 'scopeSelector'), cdk8sPlus().k8s.toJson_ScopeSelector),
      labels: strMap(at(rq, 'labels')),
      annotations: strMap(at(rq, 'annotations')),
    }) : undefined,
    limitRange: isMap(lr) ? object({
      enabled: enabled('limitRange'),
      default: amounts(at(lr, 'default')),
      defaultRequest: amounts(at(lr, 'defaultRequest')),
      min: amounts(at(lr, 'min')),
      max: amounts(at(lr, 'max')),
      labels: strMap(at(lr, 'labels')),
      annotations: strMap(at(lr, 'annotations')),
    }) : undefined,
    networkPolicy: isMap(np) ? object({
      enabled: enabled('networkPolicy'),
      // Switched on by default: a range without the switch is options too.
      publicEgress: at(publicEgress, 'enabled') === false || !isMap(publicEgress) ? switchOf(publicEgress) : object({
        cidr: str(publicEgress.cidr), except: strList(publicEgress.except),
      }, { whenEmpty: booleanExpr(true) }),
      workload: rules(at(np, 'workload')),
      controlPlane: rules(at(np, 'controlPlane')),
      fallbackDns: str(at(np, 'fallbackDns')),
      labels: strMap(at(np, 'labels')),
      annotations: strMap(at(np, 'annotations')),
    }) : undefined,
    podSecurityStandard: enumLeaf(PodSecurityStandard, 'PodSecurityStandard', at(p, 'podSecurityStandard')),
  });
}

/** A count of pods as the PodCount type takes it: a whole number, or a percentage string. */
function podCount(v: unknown) {
  return (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^[1-9]\d*%$/.test(v)) ? leaf(literal(v)) : undefined;
}

export function decodePodDisruptionBudget(pdb: unknown) {
  return toggle(pdb, (v) => ({
    minAvailable: podCount(v.minAvailable),
    maxUnavailable: podCount(v.maxUnavailable),
    unhealthyPodEvictionPolicy: enumLeaf(UnhealthyPodEvictionPolicy, 'UnhealthyPodEvictionPolicy', v.unhealthyPodEvictionPolicy),
  }));
}

export function decodeServiceMonitor(sm: unknown) {
  return toggle(sm, (v) => ({ labels: strMap(v.labels), annotations: strMap(v.annotations) }));
}

/** `[{ name: "a" }]` as `["a"]`. */
function secretNames(v: unknown) {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const names = v.map((i) => (isMap(i) && Object.keys(i).length === 1 && typeof i.name === 'string' && i.name.trim() !== '' ? i.name : undefined));
  return names.every((n): n is string => n !== undefined) ? strList(names) : undefined;
}

export function decodeImagePullSecrets(u: ValueMap) {
  const advanced = at(u, 'controlPlane', 'advanced');
  return object({
    controlPlane: secretNames(at(advanced, 'serviceAccount', 'imagePullSecrets')),
    workload: secretNames(at(advanced, 'workloadServiceAccount', 'imagePullSecrets')),
  });
}

export const decodeDefaultImageRegistry = str;

/** The certificate's names; the ingress host among them may be left out, as the ingress adds it. */
export const decodeExtraSans = (u: ValueMap) => strList(at(u, 'controlPlane', 'proxy', 'extraSANs'), true);

export const decodeLogging = (logging: unknown) => object({
  encoding: enumLeaf(LogEncoding, 'LogEncoding', at(logging, 'encoding')),
  file: bool(at(logging, 'file', 'enabled')),
});
