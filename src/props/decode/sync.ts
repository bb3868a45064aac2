import { cdk8sPlus } from '../cdk8s-plus';
import { ResourceScope } from '../sync-to-host';
import { isMap } from '../../values/value-map';
import { booleanExpr, Candidate, leaf, object } from './candidate';
import { FromNamespaces } from '../sync-gateways';
import {
  at, bool, enumExpr, enumLeaf, image, resources, str, strList, strMap, structLeaf, switchAutoOf, switchOf, toggle,
} from './candidates';
import { arrayExpr, Expr, literal } from './expr';

const PATCH_KINDS = ['expression', 'reverseExpression', 'reference', 'labels'];
const REFERENCE_KEYS = ['apiVersion', 'kind', 'apiVersionPath', 'kindPath', 'namePath', 'namespacePath'];

/** A patch as a SyncPatch literal: `labels: {}` as `labels: true`; undefined where a key is unknown or of another type. */
function patch(v: unknown): Expr | undefined {
  if (!isMap(v) || typeof v.path !== 'string') return undefined;
  const entries = Object.entries(v);
  const plain = (k: string, x: unknown) => (k === 'path' || k === 'expression' || k === 'reverseExpression') && typeof x === 'string';
  const reference = (k: string, x: unknown) => k === 'reference' && isMap(x)
    && Object.entries(x).every(([rk, rv]) => REFERENCE_KEYS.includes(rk) && typeof rv === 'string');
  const labels = (k: string, x: unknown) => k === 'labels' && isMap(x) && Object.keys(x).length === 0;
  if (!entries.every(([k, x]) => plain(k, x) || reference(k, x) || labels(k, x))) return undefined;
  if (!entries.some(([k]) => PATCH_KINDS.includes(k))) return undefined;
  return literal(Object.fromEntries(entries.map(([k, x]) => [k, k === 'labels' ? true : x])));
}

/** A `patches` list; an empty one says nothing and stays out. */
function patches(v: unknown) {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const items = v.map(patch);
  return items.every((i): i is Expr => i !== undefined) ? leaf(arrayExpr(items)) : undefined;
}

/** A Gateway's routes policy, its `from` as the enum; undefined where `from` is none of it. */
function policy(v: unknown): Expr | undefined {
  if (!isMap(v) || Object.keys(v).length === 0 || enumExpr(FromNamespaces, 'FromNamespaces', v.from) === undefined) return undefined;
  return literal(v, (k, x) => (k === 'from' ? enumExpr(FromNamespaces, 'FromNamespaces', x) : undefined));
}

/** `sync.fromHost.gateways`: `false`, or the Gateways its mappings import. */
function gateways(g: unknown) {
  const enabled = at(g, 'enabled');
  if (enabled !== true) return enabled === false ? leaf(booleanExpr(false)) : undefined;
  const routes = at(g, 'allowedRoutes');
  const list = at(routes, 'overrides');
  const overrides = Array.isArray(list) && list.length > 0 ? list.map((o) => {
    const p = at(o, 'virtualNamespacePolicy');
    if (!isMap(o) || (p !== undefined && policy(p) === undefined)) return undefined;
    return literal(o, (k, x) => (k === 'virtualNamespacePolicy' ? policy(x) : undefined));
  }) : undefined;
  return object({
    mappings: strMap(at(g, 'mappings', 'byName')),
    selector: structLeaf(at(g, 'selector'), cdk8sPlus().k8s.toJson_LabelSelector),
    allowedRoutes: object({
      defaultVirtualNamespacePolicy: leaf(policy(at(routes, 'defaultVirtualNamespacePolicy'))),
      overrides: overrides?.every((o): o is Expr => o !== undefined) ? leaf(arrayExpr(overrides)) : undefined,
    }),
    patches: patches(at(g, 'patches')),
  }, { required: ['mappings'] });
}

/** A resource switched by `enabled`, with the patches of its objects. */
const withPatches = (v: unknown) => toggle(v, (o) => ({ patches: patches(o.patches) }));

/** `rewriteHosts`: `false`, or its init container's image and resources (`true` when neither is taken). */
function rewriteHosts(v: unknown) {
  const init = at(v, 'initContainer');
  if (at(v, 'enabled') === false || !isMap(init)) return bool(at(v, 'enabled'));
  return object({ initContainer: object({ image: image(at(init, 'image')), resources: resources(at(init, 'resources')) }) }, {
    whenEmpty: booleanExpr(true),
  });
}

const TO_HOST_PLAIN: ReadonlyArray<readonly [string, string]> = [
  ['services', 'services'], ['endpoints', 'endpoints'], ['endpointSlices', 'endpointSlices'],
  ['persistentVolumeClaims', 'persistentVolumeClaims'], ['ingresses', 'ingresses'],
];
const TO_HOST_PLAIN_LATE = [
  'networkPolicies', 'persistentVolumes', 'storageClasses', 'serviceAccounts', 'podDisruptionBudgets',
  'priorityClasses', 'resourceClaims', 'resourceClaimTemplates',
];

function toHost(t: unknown, effective: unknown) {
  if (!isMap(t)) return undefined;
  const fields: Record<string, Candidate | undefined> = {};
  const pods = at(t, 'pods');
  const hybrid = at(pods, 'hybridScheduling');
  const podFields = {
    translateImage: strMap(at(pods, 'translateImage')),
    enforceTolerations: strList(at(pods, 'enforceTolerations')),
    useSecretsForServiceAccountTokens: bool(at(pods, 'useSecretsForSATokens')),
    runtimeClassName: str(at(pods, 'runtimeClassName')),
    priorityClassName: str(at(pods, 'priorityClassName')),
    rewriteHosts: rewriteHosts(at(pods, 'rewriteHosts')),
    patches: patches(at(pods, 'patches')),
    // Hybrid scheduling switched on without schedulers keeps the chart's (none).
    hostSchedulers: at(hybrid, 'enabled') === true
      ? strList(at(hybrid, 'hostSchedulers') ?? at(effective, 'pods', 'hybridScheduling', 'hostSchedulers'))
      : undefined,
  };
  fields.pods = Object.values(podFields).some((f) => f !== undefined)
    ? object({ enabled: switchOf(pods), ...podFields }, { collapseEnabled: true })
    : switchOf(pods);
  fields.secrets = toggle(at(t, 'secrets'), (v) => ({ all: bool(v.all), patches: patches(v.patches) }));
  fields.configMaps = toggle(at(t, 'configMaps'), (v) => ({ all: bool(v.all), patches: patches(v.patches) }));
  for (const [name, key] of TO_HOST_PLAIN) fields[name] = withPatches(at(t, key));
  const gatewayApi = at(t, 'gatewayApi');
  // The umbrella switch only as given: options without it choose resource by resource.
  fields.gatewayApi = isMap(gatewayApi) ? object({
    enabled: bool(gatewayApi.enabled),
    httpRoutes: switchOf(gatewayApi.httpRoutes),
    gateways: switchOf(gatewayApi.gateways),
    tlsRoutes: switchOf(gatewayApi.tlsRoutes),
    backendTlsPolicies: switchOf(gatewayApi.backendTLSPolicies),
    referenceGrants: switchAutoOf(gatewayApi.referenceGrants),
  }, { collapseEnabled: true }) : undefined;
  for (const key of TO_HOST_PLAIN_LATE) fields[key] = withPatches(at(t, key));
  const ns = at(t, 'namespaces');
  fields.namespaces = at(ns, 'enabled') === true ? object({
    mappings: strMap(at(ns, 'mappings', 'byName')),
    mappingsOnly: bool(at(ns, 'mappingsOnly')),
    extraLabels: strMap(at(ns, 'extraLabels')),
  }, { required: ['mappings'] }) : undefined;
  const crs = at(t, 'customResources');
  if (isMap(crs)) {
    fields.customResources = object(Object.fromEntries(Object.entries(crs).map(([k, v]) => [k, toggle(v, (o) => ({
      scope: enumLeaf(ResourceScope, 'ResourceScope', o.scope),
      patches: patches(o.patches),
    }))])));
  }
  return object(fields);
}

/** `sync.fromHost.nodes`: `true`/`false`, or options (with `enabled: false` for pseudo nodes on selected host nodes). */
function nodes(v: unknown) {
  const enabled = at(v, 'enabled');
  if (!isMap(v) || typeof enabled !== 'boolean') return undefined;
  return object({
    enabled: bool(enabled),
    all: bool(at(v, 'selector', 'all')),
    labels: strMap(at(v, 'selector', 'labels')),
    syncBackChanges: bool(v.syncBackChanges),
    clearImageStatus: bool(v.clearImageStatus),
    patches: patches(v.patches),
  }, { collapseEnabled: true });
}

function fromHost(f: unknown) {
  if (!isMap(f)) return undefined;
  const selector = (v: unknown) => structLeaf(at(v, 'selector'), cdk8sPlus().k8s.toJson_LabelSelector);
  const selectable = (key: string) => toggle(at(f, key), (v) => ({ selector: selector(v), patches: patches(v.patches) }));
  const byName = (v: unknown) => strMap(at(v, 'mappings', 'byName'));
  const sc = at(f, 'storageClasses');
  const mapped = (key: string) => (at(f, key, 'enabled') === true
    ? object({ mappings: byName(at(f, key)), patches: patches(at(f, key, 'patches')) }, { required: ['mappings'] })
    : undefined);
  const crs = at(f, 'customResources');
  return object({
    nodes: nodes(at(f, 'nodes')),
    events: switchOf(at(f, 'events')),
    storageClasses: at(sc, 'enabled') !== false && (selector(sc) !== undefined || patches(at(sc, 'patches')) !== undefined)
      ? object({ enabled: switchAutoOf(sc), selector: selector(sc), patches: patches(at(sc, 'patches')) }, { collapseEnabled: true })
      : switchAutoOf(sc),
    ingressClasses: selectable('ingressClasses'),
    gatewayClasses: selectable('gatewayClasses'),
    gateways: gateways(at(f, 'gateways')),
    runtimeClasses: selectable('runtimeClasses'),
    priorityClasses: selectable('priorityClasses'),
    deviceClasses: selectable('deviceClasses'),
    csiNodes: switchAutoOf(at(f, 'csiNodes')),
    csiDrivers: switchAutoOf(at(f, 'csiDrivers')),
    csiStorageCapacities: switchAutoOf(at(f, 'csiStorageCapacities')),
    configMaps: mapped('configMaps'),
    secrets: mapped('secrets'),
    customResources: isMap(crs) ? object(Object.fromEntries(Object.entries(crs).map(([k, v]) => [k, at(v, 'enabled') === true ? object({
      scope: enumLeaf(ResourceScope, 'ResourceScope', at(v, 'scope')),
      mappings: byName(v),
      patches: patches(at(v, 'patches')),
    }, { required: ['scope'] }) : undefined]))) : undefined,
  });
}

export const decodeSync = (sync: unknown, effective: unknown) => object({
  toHost: toHost(at(sync, 'toHost'), at(effective, 'toHost')),
  fromHost: fromHost(at(sync, 'fromHost')),
});
