import { Claim, Container, HostPod, limitItems, PolicyObject, podTotal, quantities } from '../analysis/quota-budget';
import { compareQuantities, formatQuantity, Quantity } from '../values/quantity';
import { ValueMap } from '../values/value-map';
import { PreflightFinding } from './finding';

/**
 * The LimitRanges' constraints, as the LimitRanger admission plugin checks them once it has filled
 * in the defaults (Kubernetes documentation, "Limit Ranges"): per Container and per Pod, every
 * request at least `min`, every limit at most `max`, and limit / request at most
 * `maxLimitRequestRatio`; per PersistentVolumeClaim, the storage request between `min` and `max`.
 * What breaks one is refused by the API server: an error.
 */
export function limitRangeFindings(pods: readonly HostPod[], claims: readonly Claim[], limitRanges: readonly PolicyObject[]): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  for (const lr of limitRanges) {
    const name = `LimitRange ${lr.manifest.metadata.name}${lr.where.startsWith('policies.') ? ` (${lr.where})` : ''}`;
    for (const item of limitItems(lr.manifest, 'Container')) {
      const rule = constraints(item, lr.where);
      for (const pod of pods) {
        for (const c of pod.containers) {
          out.push(...check(rule, c.resources, { where: `${pod.what}: container ${c.name}`, per: 'Container', name, fixPath: c.valuesPath }));
        }
      }
    }
    for (const item of limitItems(lr.manifest, 'Pod')) {
      const rule = constraints(item, lr.where);
      for (const pod of pods) {
        const resources = { requests: podTotal(pod.containers, 'requests'), limits: podTotal(pod.containers, 'limits') };
        out.push(...check(rule, resources, { where: `${pod.what}: pod`, per: 'Pod', name, fixPath: undefined }));
      }
    }
    for (const item of limitItems(lr.manifest, 'PersistentVolumeClaim')) {
      const rule = constraints(item, lr.where);
      for (const claim of claims) {
        const storage = quantities(claim.spec.resources?.requests, `${claim.what}: resources.requests`);
        out.push(...check({ ...rule, ratio: new Map() }, { requests: storage, limits: storage }, {
          where: claim.what, per: 'PersistentVolumeClaim', name, fixPath: undefined, claim: true,
        }));
      }
    }
  }
  return out;
}

interface Constraints {
  readonly min: Map<string, Quantity>;
  readonly max: Map<string, Quantity>;
  readonly ratio: Map<string, Quantity>;
}

function constraints(item: ValueMap, where: string): Constraints {
  return {
    min: quantities(item.min, `${where}.min`),
    max: quantities(item.max, `${where}.max`),
    ratio: quantities(item.maxLimitRequestRatio, `${where}.maxLimitRequestRatio`),
  };
}

interface Subject {
  /** e.g. `etcd StatefulSet vc1-etcd: container etcd`. */
  readonly where: string;
  readonly per: 'Container' | 'Pod' | 'PersistentVolumeClaim';
  /** e.g. `LimitRange limits`. */
  readonly name: string;
  /** The values key of the container's resources, when the chart sets them from one. */
  readonly fixPath: string | undefined;
  readonly claim?: boolean;
}

function check(rule: Constraints, resources: Container['resources'], s: Subject): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const finding = (field: string, message: string, fix: string): PreflightFinding => ({
    severity: 'error', path: `${s.where}: ${field}`, message, rule: s.name,
    fix: s.fixPath ? `${fix.replace('{key}', `${s.fixPath}.${field.slice('resources.'.length)}`)}` : fix.replace('{key}', field),
  });
  const field = (kind: 'requests' | 'limits', resource: string) => (s.claim ? `resources.requests.${resource}` : `resources.${kind}.${resource}`);
  const refused = 'so the API server refuses the pod';
  for (const [resource, min] of rule.min) {
    const request = resources.requests.get(resource);
    if (request === undefined) {
      out.push(finding(field('requests', resource), `is unset, but ${s.name} sets a minimum ${resource} of ${formatQuantity(min)} per ` +
        `${s.per} and gives no default, ${refused} ` +
        `("minimum ${resource} usage per ${s.per} is ${formatQuantity(min)}. No request is ` +
          `specified").`, `Set {key} to at least ${formatQuantity(min)}.`));
    } else if (compareQuantities(request, min) < 0) {
      out.push(finding(field('requests', resource), `got ${formatQuantity(request)}, but ${s.name} sets a minimum ${resource} of ` +
        `${formatQuantity(min)} per ${s.per}, ${refused} ` +
        `("minimum ${resource} usage per ${s.per} is ${formatQuantity(min)}, but request is ` +
          `${formatQuantity(request)}").`, `Set {key} to at least ${formatQuantity(min)}.`));
    }
  }
  for (const [resource, max] of rule.max) {
    const limit = (s.claim ? resources.requests : resources.limits).get(resource);
    const kind = s.claim ? 'request' : 'limit';
    if (limit === undefined) {
      out.push(finding(field('limits', resource), `is unset, but ${s.name} sets a maximum ${resource} of ${formatQuantity(max)} per ` +
        `${s.per}, ${refused} ` +
        `("maximum ${resource} usage per ${s.per} is ${formatQuantity(max)}. No ${kind} is ` +
          `specified").`, `Set {key} to at most ${formatQuantity(max)}.`));
    } else if (compareQuantities(limit, max) > 0) {
      out.push(finding(field('limits', resource), `got ${formatQuantity(limit)}, but ${s.name} sets a maximum ${resource} of ` +
        `${formatQuantity(max)} per ${s.per}, ${refused} ` +
        `("maximum ${resource} usage per ${s.per} is ${formatQuantity(max)}, but ${kind} is ` +
          `${formatQuantity(limit)}").`, `Set {key} to at most ${formatQuantity(max)}.`));
    }
  }
  for (const [resource, ratio] of rule.ratio) {
    const limit = resources.limits.get(resource);
    const request = resources.requests.get(resource);
    if (limit === undefined || request === undefined || request.nanos === 0n) continue;
    // limit / request > ratio, in whole numbers: the ratio's nanos are ratio × 10^9.
    if (limit.nanos * 1_000_000_000n > ratio.nanos * request.nanos) {
      out.push(finding(field('limits', resource), `got ${formatQuantity(limit)} over a request of ${formatQuantity(request)}, but ${s.name} ` +
        `sets a maximum limit to request ratio ` +
        `of ${formatQuantity(ratio)} for ${resource} per ${s.per}, ${refused} ("${resource} max limit to request ratio per ${s.per} is ` +
          `${formatQuantity(ratio)}").`,
      `Lower {key}, or raise the request, to a ratio of at most ${formatQuantity(ratio)}.`));
    }
  }
  return out;
}
