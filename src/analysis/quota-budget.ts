import { Manifest, RenderContext, RenderedObject } from '../render/context';
import { truthy } from '../values/go-values';
import { corednsPod } from './coredns-pod';
import { isMap, Value, ValueMap } from '../values/value-map';
import { describeValue, diagnostic, valuesError } from '../values/diagnostic';
import { Diagnostic } from '../values/errors';
import {
  addQuantities, compareQuantities, formatQuantity, maxQuantity, multiplyQuantity, parseQuantity, Quantity, quantityOf,
  subtractQuantities, ZERO,
} from '../values/quantity';

/**
 * The chart's ResourceQuota against what the virtual cluster itself puts into the host namespace:
 * its control plane and etcd pods, the CoreDNS pods vCluster syncs there, their volume claims and
 * the chart's other objects. Computed the way the API server does: Kubernetes' defaulting and the
 * chart's LimitRange fill in unset resources, each pod counts the larger of its containers' sum
 * and its largest init container, and quota scopes select the pods they apply to.
 */

/** One resource of the quota. */
export interface QuotaBudgetLine {
  /** The quota key, e.g. `limits.memory` or `count/pods`. */
  readonly resource: string;
  readonly hard: Quantity;
  /** What the virtual cluster's own pods, claims and objects take. */
  readonly used: Quantity;
  /** What is left for the workloads; negative when even the virtual cluster does not fit. */
  readonly remaining: Quantity;
  /** Who takes it, largest first. */
  readonly users: readonly QuotaUser[];
  /**
   * Containers that leave a resource the quota requires (cpu or memory requests or limits) unset,
   * with no LimitRange of the chart's to fill it in. Kubernetes rejects their pods, unless a
   * LimitRange the chart does not render gives a default; their share is not in `used`.
   */
  readonly unset: readonly UnsetResource[];
}

export interface QuotaUser {
  /** e.g. `control plane StatefulSet vc1`, `CoreDNS`, `Service vc1`. */
  readonly what: string;
  readonly amount: Quantity;
  /** Pods or claims the amount is made of (amount = replicas × each). */
  readonly replicas: number;
}

export interface UnsetResource {
  /** e.g. `control plane StatefulSet vc1`. */
  readonly pod: string;
  readonly container: string;
  /** Where the container's resources come from in the values, when the chart sets them from one key. */
  readonly valuesPath?: string;
}

/**
 * A line of the budget as plain data that `JSON.stringify` writes as it is: the quantities as
 * Kubernetes writes them ("12", "342Mi", "-1500m"), in the quota's own style.
 */
export interface QuotaBudgetEntry {
  /** The quota key, e.g. `limits.memory` or `count/pods`. */
  readonly resource: string;
  readonly hard: string;
  /** What the virtual cluster's own pods, claims and objects take. */
  readonly used: string;
  /** What is left for the workloads; negative when even the virtual cluster does not fit. */
  readonly remaining: string;
  /** Who takes it, largest first. */
  readonly users: readonly QuotaBudgetUser[];
  /** Containers that leave a resource the quota requires unset (see QuotaBudgetLine.unset). */
  readonly unset: readonly UnsetResource[];
}

export interface QuotaBudgetUser {
  /** e.g. `control plane StatefulSet vc1`, `CoreDNS`, `Service vc1`. */
  readonly what: string;
  readonly amount: string;
  /** Pods or claims the amount is made of. */
  readonly replicas: number;
}

/** The budget as plain data (no BigInt). */
export function budgetEntries(lines: readonly QuotaBudgetLine[]): QuotaBudgetEntry[] {
  return lines.map((l) => ({
    resource: l.resource,
    hard: formatQuantity(l.hard),
    used: formatQuantity(l.used),
    remaining: formatQuantity(l.remaining),
    users: l.users.map((u) => ({ what: u.what, amount: formatQuantity(u.amount), replicas: u.replicas })),
    unset: l.unset.map((u) => ({ ...u })),
  }));
}

/**
 * The budget of every resource the chart's ResourceQuota limits, or undefined when the chart
 * renders none. `objects` are the pipeline's rendered objects.
 */
export function quotaBudget(ctx: RenderContext, objects: readonly RenderedObject[]): QuotaBudgetLine[] | undefined {
  const quota = objects.find((o) => o.id === QUOTA_ID)?.manifest;
  if (!quota) return undefined;
  const limitRange = objects.find((o) => o.id === LIMIT_RANGE_ID)?.manifest;
  return budgetAgainst(
    ctx,
    objects,
    { manifest: quota, where: 'policies.resourceQuota.quota' },
    limitRange ? [{ manifest: limitRange, where: 'policies.limitRange' }] : [],
  );
}

/** A ResourceQuota or LimitRange, and how messages name where its entries come from. */
export interface PolicyObject {
  readonly manifest: Manifest;
  /** e.g. `policies.limitRange` for the chart's, `LimitRange limits` for one of the host's. */
  readonly where: string;
}

/**
 * The budget of every resource a ResourceQuota limits, for the virtual cluster's own pods, claims
 * and objects admitted under the given LimitRanges (the chart's, the host namespace's, or both);
 * `pods`, when the caller has them admitted under these LimitRanges already.
 */
export function budgetAgainst(
  ctx: RenderContext,
  objects: readonly RenderedObject[],
  quota: PolicyObject,
  limitRanges: readonly PolicyObject[],
  pods?: readonly HostPod[],
): QuotaBudgetLine[] {
  const spec: ValueMap = isMap(quota.manifest.spec) ? quota.manifest.spec : {};
  const hard = quantities(spec.hard, quota.where);
  const required = [...hard.keys()].filter((k) => REQUIRED_PER_CONTAINER.has(k));
  const scoped = truthy(spec.scopes) || truthy(spec.scopeSelector?.matchExpressions);

  const usage = new Map<string, QuotaUser[]>();
  const unset = new Map<string, UnsetResource[]>();
  const take = (resource: string, user: QuotaUser): void => {
    if (!hard.has(resource) || user.amount.nanos === 0n) return;
    const users = usage.get(resource);
    if (users) users.push(user);
    else usage.set(resource, [user]);
  };

  for (const pod of pods ?? admittedPods(ctx, objects, limitRanges)) {
    if (!matchesScopes(pod, spec)) continue;
    for (const [resource, amount] of podUsage(pod.containers)) {
      take(resource, { what: pod.what, amount: multiplyQuantity(amount, pod.replicas), replicas: pod.replicas });
    }
    for (const container of pod.containers) {
      const has = containerUsage(container);
      for (const resource of required) {
        if (!has.has(resource)) {
          const entry = { pod: pod.what, container: container.name, valuesPath: container.valuesPath };
          unset.set(resource, [...(unset.get(resource) ?? []), entry]);
        }
      }
    }
  }
  // Scopes select pods only; a scoped quota does not count claims or other objects.
  if (!scoped) {
    for (const claim of volumeClaims(ctx, objects)) {
      for (const [resource, amount] of claimUsage(claim)) {
        take(resource, { what: claim.what, amount: multiplyQuantity(amount, claim.replicas), replicas: claim.replicas });
      }
    }
    for (const o of objects) {
      if (o.manifest.metadata.namespace !== ctx.release.namespace) continue;
      for (const [resource, amount] of objectUsage(o.manifest))
        take(resource, { what: `${o.manifest.kind} ${o.manifest.metadata.name}`, amount, replicas: 1 });
    }
  }

  return [...hard].map(([resource, limit]) => {
    const users = (usage.get(resource) ?? []).sort((a, b) => compareQuantities(b.amount, a.amount));
    // Printed in the quota's own style: memory in Mi/Gi when the quota says 5Gi.
    const used = { nanos: users.reduce((sum, u) => sum + u.amount.nanos, 0n), binary: limit.binary };
    return { resource, hard: limit, used, remaining: subtractQuantities(limit, used), users, unset: unset.get(resource) ?? [] };
  });
}

/**
 * A ResourceQuota the virtual cluster cannot run under: one that requires a resource some
 * container leaves unset while the chart's LimitRange gives no default for it, and one whose
 * limit the virtual cluster's own pods, claims or objects already exceed.
 */
export function quotaBudgetDiagnostics(
  ctx: RenderContext,
  objects: readonly RenderedObject[],
  budget: readonly QuotaBudgetLine[] | undefined = quotaBudget(ctx, objects),
): Diagnostic[] {
  if (!budget) return [];
  // Without the chart's LimitRange, defaults may come from one the namespace already has.
  const limitRange = objects.some((o) => o.id === LIMIT_RANGE_ID);
  const quotaName = objects.find((o) => o.id === QUOTA_ID)!.manifest.metadata.name;
  const problems: Diagnostic[] = [];
  for (const line of budget) {
    const path = ['policies', 'resourceQuota', 'quota', line.resource];
    const value = ctx.values.policies?.resourceQuota?.quota?.[line.resource];
    const got = `got ${describeValue(value)}`;
    if (limitRange && line.unset.length > 0) {
      const [kind, name] = containerField(line.resource);
      const defaultKey = kind === 'limits' ? 'default' : 'defaultRequest';
      const amount = kind === 'limits' ? 'limit' : 'request';
      problems.push(diagnostic({
        path,
        value,
        mentions: [`policies.limitRange.${defaultKey}`, `policies.limitRange.${defaultKey}.${name}`],
        message: `${got}; a quota on ${line.resource} makes Kubernetes require it on every container, but ${describeUnset(line.unset)} ` +
          `no ${amount} for ${name}, and policies.limitRange.${defaultKey} has no ${name} to fill in. ` +
          `Kubernetes rejects the pod ("failed quota: ${quotaName}: must specify ${line.resource}"). ` +
          `Set policies.limitRange.${defaultKey}.${name}, or give ${line.unset.length === 1 ? 'the container' : 'each of them'} a ${name} ${amount}.`,
      }));
    }
    if (compareQuantities(line.used, line.hard) > 0) {
      const shown = line.users.slice(0, 3).map(describeUser).join(', ');
      const more = line.users.length > 3 ? ` and ${line.users.length - 3} more` : '';
      problems.push(diagnostic({
        path,
        value,
        message: `${got}, but the virtual cluster itself needs ${formatQuantity(line.used)} of ${line.resource} ` +
          `(${shown}${more}), so Kubernetes would refuse part of it. ` +
          `Raise the quota to at least ${formatQuantity(line.used)}, or lower what the biggest users ask for.`,
      }));
    }
  }
  return problems;
}

const QUOTA_ID = 'ResourceQuota';
const LIMIT_RANGE_ID = 'LimitRange';

export function describeUser(u: QuotaUser): string {
  const each = u.replicas > 1 ? ` (${u.replicas} × ${formatQuantity({ ...u.amount, nanos: u.amount.nanos / BigInt(u.replicas) })})` : '';
  return `${u.what} ${formatQuantity(u.amount)}${each}`;
}

export function describeUnset(unset: readonly UnsetResource[]): string {
  const names = unset.map((u) => `container ${u.container} of the ${u.pod}${u.valuesPath ? ` (${u.valuesPath})` : ''}`);
  return names.length === 1 ? `${names[0]} sets` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} set`;
}

/** `limits.cpu` → limits of cpu; `cpu` and `requests.cpu` → requests of cpu. */
export function containerField(resource: string): ['limits' | 'requests', string] {
  if (resource.startsWith('limits.')) return ['limits', resource.slice('limits.'.length)];
  return ['requests', resource.startsWith('requests.') ? resource.slice('requests.'.length) : resource];
}

// ---------------------------------------------------------------------------------------------
// Containers and pods as the API server sees them.

export interface Resources {
  readonly requests: Map<string, Quantity>;
  readonly limits: Map<string, Quantity>;
}

export interface Container {
  readonly name: string;
  /** A restartable init container (`restartPolicy: Always`): runs beside the main containers. */
  readonly sidecar: boolean;
  readonly init: boolean;
  readonly resources: Resources;
  readonly valuesPath?: string;
}

export interface HostPod {
  /** The construct id of the workload (`ControlPlane`, `EtcdStatefulSet`), or `CoreDNS`. */
  readonly id: string;
  /** e.g. `control plane StatefulSet vc1`, `CoreDNS`. */
  readonly what: string;
  /** The pod template's metadata (annotations). */
  readonly metadata?: ValueMap;
  readonly replicas: number;
  readonly spec: ValueMap;
  readonly containers: readonly Container[];
}

/** Where the chart takes a container's resources from, for the messages' fixes. */
const RESOURCES_PATHS: ReadonlyMap<string, string> = new Map([
  ['ControlPlane/syncer', 'controlPlane.statefulSet.resources'],
  ['ControlPlane/kubernetes', 'controlPlane.distro.k8s.resources'],
  ['EtcdStatefulSet/etcd', 'controlPlane.backingStore.etcd.deploy.statefulSet.resources'],
  ['CoreDNS/coredns', 'controlPlane.coredns.deployment.resources'],
]);

/** What the LimitRanges (type Container) fill into containers that leave a resource unset. */
export type Defaults = Resources;

/**
 * What the LimitRanges (type Container) fill in, each as the API server stores it: a missing
 * default limit falls back to max, a missing default request to the default limit, then to min.
 * The API server applies them in turn to what is still unset, so the first one's default wins.
 */
export function limitRangeDefaults(limitRanges: readonly PolicyObject[]): Defaults | undefined {
  if (limitRanges.length === 0) return undefined;
  const out: Defaults = { requests: new Map(), limits: new Map() };
  for (const { manifest, where } of limitRanges) {
    for (const item of containerItems(manifest)) {
      const limits = quantities(item.default, `${where}.default`);
      const requests = quantities(item.defaultRequest, `${where}.defaultRequest`);
      for (const [k, v] of quantities(item.max, `${where}.max`)) if (!limits.has(k)) limits.set(k, v);
      for (const [k, v] of limits) if (!requests.has(k)) requests.set(k, v);
      for (const [k, v] of quantities(item.min, `${where}.min`)) if (!requests.has(k)) requests.set(k, v);
      for (const [k, v] of limits) if (!out.limits.has(k)) out.limits.set(k, v);
      for (const [k, v] of requests) if (!out.requests.has(k)) out.requests.set(k, v);
    }
  }
  return out;
}

/** The `limits` items of a LimitRange of the given type (Container, Pod, PersistentVolumeClaim). */
export function limitItems(limitRange: Manifest, type: string): ValueMap[] {
  const items: Value = isMap(limitRange.spec) ? limitRange.spec.limits : undefined;
  return (Array.isArray(items) ? items : []).filter((i): i is ValueMap => isMap(i) && i.type === type);
}

function containerItems(limitRange: Manifest): ValueMap[] {
  return limitItems(limitRange, 'Container');
}

/**
 * A container's resources once admitted: an unset request takes the container's own limit
 * (API defaulting), then the LimitRange fills what is still unset.
 */
function admitted(c: ValueMap, defaults: Defaults | undefined, where: string): Resources {
  const resources: Value = c.resources;
  const requests = quantities(isMap(resources) ? resources.requests : undefined, `${where}.resources.requests`);
  const limits = quantities(isMap(resources) ? resources.limits : undefined, `${where}.resources.limits`);
  for (const [k, v] of limits) if (!requests.has(k)) requests.set(k, v);
  for (const [k, v] of defaults?.limits ?? []) if (!limits.has(k)) limits.set(k, v);
  for (const [k, v] of defaults?.requests ?? []) if (!requests.has(k)) requests.set(k, v);
  return { requests, limits };
}

function containersOf(spec: ValueMap, id: string, defaults: Defaults | undefined, what: string): Container[] {
  const list = (key: string, init: boolean): Container[] => {
    const items: Value = spec[key];
    return (Array.isArray(items) ? items : []).filter(isMap).map((c) => {
      const name = String(c.name);
      return {
        name,
        init,
        sidecar: init && c.restartPolicy === 'Always',
        resources: admitted(c, defaults, `${what}: container ${name}`),
        valuesPath: RESOURCES_PATHS.get(`${id}/${name}`),
      };
    });
  };
  return [...list('initContainers', true), ...list('containers', false)];
}

/**
 * The pods the chart's workloads and CoreDNS run in the host namespace, their containers' resources
 * as admitted under the LimitRanges.
 */
export function admittedPods(ctx: RenderContext, objects: readonly RenderedObject[], limitRanges: readonly PolicyObject[]): HostPod[] {
  const defaults = limitRangeDefaults(limitRanges);
  const pods: HostPod[] = [];
  for (const { id, manifest } of objects) {
    const owner = WORKLOADS.get(id);
    if (!owner) continue;
    const spec: ValueMap = isMap(manifest.spec) ? manifest.spec : {};
    const podSpec: ValueMap = isMap(spec.template?.spec) ? spec.template.spec : {};
    const what = `${owner} ${manifest.kind} ${manifest.metadata.name}`;
    // An unset replica count means one, as for any Deployment or StatefulSet.
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    const metadata: ValueMap = isMap(spec.template?.metadata) ? spec.template.metadata : {};
    pods.push({ id, what, replicas, metadata, spec: podSpec, containers: containersOf(podSpec, id, defaults, what) });
  }
  const coredns = corednsPod(ctx.values);
  if (coredns) pods.push({ id: 'CoreDNS', what: 'CoreDNS', ...coredns, containers: containersOf(coredns.spec, 'CoreDNS', defaults, 'CoreDNS') });
  return pods;
}

/** The chart's workloads, by construct id, and how messages call them. */
export const WORKLOADS: ReadonlyMap<string, string> = new Map([['ControlPlane', 'control plane'], ['EtcdStatefulSet', 'etcd']]);

/**
 * Kubernetes' pod requests (and likewise limits): the larger of the containers' sum and the
 * largest init container, where restartable init containers (sidecars) run beside everything
 * after them.
 */
export function podTotal(containers: readonly Container[], kind: keyof Resources): Map<string, Quantity> {
  const total = new Map<string, Quantity>();
  const add = (into: Map<string, Quantity>, from: Map<string, Quantity>): void => {
    for (const [k, v] of from) into.set(k, addQuantities(into.get(k) ?? ZERO, v));
  };
  for (const c of containers) if (!c.init) add(total, c.resources[kind]);
  const sidecars = new Map<string, Quantity>();
  const initPeak = new Map<string, Quantity>();
  for (const c of containers) {
    if (!c.init) continue;
    let during: Map<string, Quantity>;
    if (c.sidecar) {
      add(total, c.resources[kind]);
      add(sidecars, c.resources[kind]);
      during = sidecars;
    } else {
      during = new Map(c.resources[kind]);
      add(during, sidecars);
    }
    for (const [k, v] of during) initPeak.set(k, maxQuantity(initPeak.get(k) ?? ZERO, v));
  }
  for (const [k, v] of initPeak) total.set(k, maxQuantity(total.get(k) ?? ZERO, v));
  return total;
}

const COMPUTE = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** The quota keys a pod (or one container) uses, as Kubernetes' pod evaluator names them. */
function usageOf(requests: Map<string, Quantity>, limits: Map<string, Quantity>): Map<string, Quantity> {
  const one = quantityOf(1);
  const out = new Map<string, Quantity>([['pods', one], ['count/pods', one]]);
  for (const [name, q] of requests) {
    if (COMPUTE.has(name) || name.startsWith('hugepages-')) out.set(name, q);
    // Extended resources (vendor.com/gpu) are only quota'd as requests.
    if (COMPUTE.has(name) || name.startsWith('hugepages-') || name.includes('/')) out.set(`requests.${name}`, q);
  }
  for (const [name, q] of limits) if (COMPUTE.has(name)) out.set(`limits.${name}`, q);
  return out;
}

export function podUsage(containers: readonly Container[]): Map<string, Quantity> {
  return usageOf(podTotal(containers, 'requests'), podTotal(containers, 'limits'));
}

function containerUsage(c: Container): Map<string, Quantity> {
  return usageOf(c.resources.requests, c.resources.limits);
}

/** A quota on these makes the API server require them on every container ("must specify ..."). */
const REQUIRED_PER_CONTAINER = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

// ---------------------------------------------------------------------------------------------
// Quota scopes: which pods a scoped quota applies to.

interface ScopeRequirement {
  readonly scopeName: string;
  readonly operator: string;
  readonly values: readonly string[];
}

function matchesScopes(pod: HostPod, spec: ValueMap): boolean {
  const requirements: ScopeRequirement[] = [
    ...(Array.isArray(spec.scopes) ? spec.scopes : []).map((s: Value) => ({ scopeName: String(s), operator: 'Exists', values: [] })),
    ...(Array.isArray(spec.scopeSelector?.matchExpressions) ? spec.scopeSelector.matchExpressions : []).filter(isMap).map((e: ValueMap) => ({
      scopeName: String(e.scopeName),
      operator: String(e.operator),
      values: Array.isArray(e.values) ? e.values.map(String) : [],
    })),
  ];
  return requirements.every((r) => matchesScope(pod, r));
}

function matchesScope(pod: HostPod, r: ScopeRequirement): boolean {
  switch (r.scopeName) {
    case 'Terminating': return terminating(pod);
    case 'NotTerminating': return !terminating(pod);
    case 'BestEffort': return bestEffort(pod);
    case 'NotBestEffort': return !bestEffort(pod);
    case 'CrossNamespacePodAffinity': return crossNamespaceAffinity(pod.spec.affinity);
    case 'PriorityClass': {
      const name = typeof pod.spec.priorityClassName === 'string' ? pod.spec.priorityClassName : '';
      if (r.operator === 'Exists') return name !== '';
      if (r.operator === 'In') return r.values.includes(name);
      if (r.operator === 'NotIn') return !r.values.includes(name);
      // Kubernetes matches against {PriorityClass: name}, where the key always exists.
      return false;
    }
    default: return false; // e.g. VolumeAttributesClass: a claim scope, never a pod's.
  }
}

function terminating(pod: HostPod): boolean {
  return typeof pod.spec.activeDeadlineSeconds === 'number' && pod.spec.activeDeadlineSeconds >= 0;
}

/** QoS BestEffort: no container requests or limits cpu or memory, after defaulting. */
function bestEffort(pod: HostPod): boolean {
  return pod.containers.every((c) => ['cpu', 'memory'].every((r) => !c.resources.requests.has(r) && !c.resources.limits.has(r)));
}

function crossNamespaceAffinity(affinity: Value): boolean {
  if (!isMap(affinity)) return false;
  return [affinity.podAffinity, affinity.podAntiAffinity].some((a) => {
    if (!isMap(a)) return false;
    const terms: Value[] = [
      ...(Array.isArray(a.requiredDuringSchedulingIgnoredDuringExecution) ? a.requiredDuringSchedulingIgnoredDuringExecution : []),
      ...(Array.isArray(a.preferredDuringSchedulingIgnoredDuringExecution) ? a.preferredDuringSchedulingIgnoredDuringExecution : [])
        .map((w: Value) => (isMap(w) ? w.podAffinityTerm : undefined)),
    ];
    return terms.some((t) => isMap(t) && (truthy(t.namespaces) || (t.namespaceSelector !== undefined && t.namespaceSelector !== null)));
  });
}

// ---------------------------------------------------------------------------------------------
// Volume claims and other objects.

export interface Claim {
  readonly what: string;
  readonly replicas: number;
  readonly spec: ValueMap;
}

/** The claims the chart's StatefulSets create from their templates, one per replica. */
export function volumeClaims(ctx: RenderContext, objects: readonly RenderedObject[]): Claim[] {
  const claims: Claim[] = [];
  for (const { id, manifest } of objects) {
    const owner = WORKLOADS.get(id);
    const spec: Value = manifest.spec;
    if (!owner || !isMap(spec) || manifest.kind !== 'StatefulSet' || manifest.metadata.namespace !== ctx.release.namespace) continue;
    for (const t of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) {
      if (!isMap(t) || !isMap(t.spec)) continue;
      claims.push({
        what: `${owner} ${manifest.kind} ${manifest.metadata.name} claim ${String(t.metadata?.name)}`,
        replicas: typeof spec.replicas === 'number' ? spec.replicas : 1,
        spec: t.spec,
      });
    }
  }
  return claims;
}

function claimUsage(claim: Claim): Map<string, Quantity> {
  const one = quantityOf(1);
  const out = new Map<string, Quantity>([['persistentvolumeclaims', one], ['count/persistentvolumeclaims', one]]);
  const storage = quantities(claim.spec.resources?.requests, `${claim.what}: resources.requests`).get('storage');
  const byClass = typeof claim.spec.storageClassName === 'string' ? `${claim.spec.storageClassName}.storageclass.storage.k8s.io/` : undefined;
  if (byClass) out.set(`${byClass}persistentvolumeclaims`, one);
  if (storage) {
    out.set('requests.storage', storage);
    if (byClass) out.set(`${byClass}requests.storage`, storage);
  }
  return out;
}

/** Object counts (`count/services`, `services`, ...) and a Service's node ports and load balancer. */
function objectUsage(m: Manifest): Map<string, Quantity> {
  const one = quantityOf(1);
  const slash = m.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : m.apiVersion.slice(0, slash);
  const plural = pluralOf(m.kind);
  const out = new Map<string, Quantity>([[`count/${plural}${group ? `.${group}` : ''}`, one]]);
  if (!group) out.set(plural, one);
  const spec: Value = m.spec;
  if (m.kind === 'Service' && !group && isMap(spec)) {
    const ports = Array.isArray(spec.ports) ? spec.ports.filter(isMap) : [];
    if (spec.type === 'NodePort') out.set('services.nodeports', quantityOf(ports.length));
    if (spec.type === 'LoadBalancer') {
      out.set('services.loadbalancers', one);
      // Without node port allocation only ports that name a node port take one.
      const taking = spec.allocateLoadBalancerNodePorts === false ? ports.filter((p) => truthy(p.nodePort)).length : ports.length;
      out.set('services.nodeports', quantityOf(taking));
    }
  }
  return out;
}

/** The resource name of a kind, as quota keys spell it (Ingress → ingresses, NetworkPolicy → networkpolicies). */
function pluralOf(kind: string): string {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(k)) return `${k}es`;
  return `${k}s`;
}

/**
 * A rendered map of quantities. The values were validated before rendering; a value that does not
 * parse here reached the objects some other way, and is refused the same.
 */
export function quantities(list: Value, where: string): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (!isMap(list)) return out;
  for (const [name, v] of Object.entries(list)) {
    if (v === null || v === undefined) continue;
    const q = parseQuantity(v);
    if (!q) {
      throw valuesError({ path: where, value: v, message: `${name} is not a Kubernetes quantity, got ${JSON.stringify(v)}.`,
        fix: 'Write a number with an optional suffix, such as 500m or 512Mi.' });
    }
    out.set(name, q);
  }
  return out;
}
