import {
  budgetAgainst, containerField, Defaults, describeUnset, describeUser, HostPod, limitRangeDefaults, PolicyObject, QuotaBudgetLine,
} from '../analysis/quota-budget';
import { RenderContext, RenderedObject } from '../render/context';
import { formatPath } from '../values/errors';
import { addQuantities, compareQuantities, formatQuantity, Quantity } from '../values/quantity';
import { PreflightFinding } from './finding';

/** A ResourceQuota of the namespace: the chart's own or one of the host's. */
interface Quota {
  readonly object: PolicyObject;
  /** The chart's quota, whose entries the user sets through `policies.resourceQuota.quota`. */
  readonly own: boolean;
}

/**
 * Every ResourceQuota of the namespace against the virtual cluster, with its pods admitted under
 * every LimitRange (the Kubernetes documentation, "Resource Quotas": a quota on cpu or memory makes
 * every container state it, after the LimitRanges' defaults): a resource a container leaves unset,
 * or more than the quota holds, is refused (an error); what remains for the workloads, if less than
 * the LimitRange gives a workload container by default, refuses the first such pod inside the
 * virtual cluster (a warning). `pods`: the virtual cluster's pods admitted under these LimitRanges.
 * `hostKnown`: whether the host's LimitRanges are known, so that a resource left unset is known to
 * be refused. `ownBudget`: the chart quota's budget against these LimitRanges, when the caller has it.
 */
export function quotaFindings(
  ctx: RenderContext,
  objects: readonly RenderedObject[],
  hostQuotas: readonly PolicyObject[],
  limitRanges: readonly PolicyObject[],
  pods: readonly HostPod[],
  hostKnown: boolean,
  ownBudget?: readonly QuotaBudgetLine[],
): PreflightFinding[] {
  const own = objects.find((o) => o.id === 'ResourceQuota');
  const quotas: Quota[] = [
    ...hostQuotas.map((object) => ({ object, own: false })),
    ...(own ? [{ object: { manifest: own.manifest, where: 'policies.resourceQuota.quota' }, own: true }] : []),
  ];
  const chartLimitRange = objects.some((o) => o.id === 'LimitRange');
  const budget = (quota: Quota) => (quota.own && ownBudget) || budgetAgainst(ctx, objects, quota.object, limitRanges, pods);
  const defaults = givenDefaults(limitRanges);
  return quotas.flatMap((quota) => budget(quota).flatMap((line) => [
    ...unsetFinding(quota, line, hostKnown, chartLimitRange),
    ...overFinding(quota, line),
    ...workloadFinding(quota, line, defaults),
  ]));
}

function pathOf(quota: Quota, resource: string): string {
  return quota.own ? formatPath(['policies', 'resourceQuota', 'quota', resource])
    : `ResourceQuota ${quota.object.manifest.metadata.name}: ${formatPath(['spec', 'hard', resource])}`;
}

function ruleOf(quota: Quota): string {
  return `ResourceQuota ${quota.object.manifest.metadata.name}${quota.own ? ' (policies.resourceQuota)' : ''}`;
}

/** A quota resource some container leaves unset, with no LimitRange default to fill it in. */
function unsetFinding(quota: Quota, line: QuotaBudgetLine, hostKnown: boolean, chartLimitRange: boolean): PreflightFinding[] {
  // The chart's quota with the chart's own LimitRange: the render already refused it.
  if (line.unset.length === 0 || (quota.own && chartLimitRange && !hostKnown)) return [];
  const [kind, name] = containerField(line.resource);
  const amount = kind === 'limits' ? 'limit' : 'request';
  const defaultKey = kind === 'limits' ? 'default' : 'defaultRequest';
  const refusal = `("failed quota: ${quota.object.manifest.metadata.name}: must specify ${line.resource}")`;
  const message = `a quota on ${line.resource} makes the API server require a ${name} ${amount} on every container, but ` +
    `${describeUnset(line.unset)} none`;
  const give = `give ${line.unset.length === 1 ? 'the container' : 'each of them'} a ${name} ${amount}`;
  if (hostKnown) {
    return [{
      severity: 'error', path: pathOf(quota, line.resource), rule: ruleOf(quota),
      message: `${message}, and no LimitRange of the namespace gives a default: the API server refuses the pod ${refusal}.`,
      fix: `Set policies.limitRange.${defaultKey}.${name} (with policies.limitRange enabled), or ${give}.`,
    }];
  }
  return [{
    severity: 'warning', path: pathOf(quota, line.resource), rule: ruleOf(quota),
    message: `${message}, and policies.limitRange, whose default would fill it in, is disabled: unless a LimitRange of the host namespace ` +
      `gives a default ${name} ${amount}, the API server refuses the virtual cluster's own pods ${refusal}.`,
    fix: `Enable policies.limitRange, or ${give}; or give the host namespace's LimitRanges (host / --host) to know.`,
  }];
}

/** More of a resource than the quota holds, taken by the virtual cluster itself. */
function overFinding(quota: Quota, line: QuotaBudgetLine): PreflightFinding[] {
  if (compareQuantities(line.used, line.hard) <= 0) return [];
  const shown = line.users.slice(0, 3).map(describeUser).join(', ');
  const more = line.users.length > 3 ? ` and ${line.users.length - 3} more` : '';
  return [{
    severity: 'error', path: pathOf(quota, line.resource), rule: ruleOf(quota),
    message: `got ${formatQuantity(line.hard)}, but the virtual cluster itself needs ${formatQuantity(line.used)} of ${line.resource} ` +
      `(${shown}${more}): ` +
      'the API server refuses what does not fit ("exceeded quota").',
    fix: `Raise the quota to at least ${formatQuantity(line.used)}, or lower what the biggest users ask for.`,
  }];
}

const COMPUTE = new Set(['cpu', 'memory', 'ephemeral-storage']);

/**
 * What remains for the workloads against what a LimitRange gives a workload container that sets
 * nothing (or, for pod counts, nothing left at all): the first such pod inside the virtual cluster is refused.
 */
function workloadFinding(quota: Quota, line: QuotaBudgetLine, defaults: readonly GivenDefaults[]): PreflightFinding[] {
  if (compareQuantities(line.remaining, { nanos: 0n, binary: false }) < 0) return [];
  const path = pathOf(quota, line.resource);
  const name = quota.object.manifest.metadata.name;
  // Written only for a finding: most lines leave enough.
  const taken = () => `of which the virtual cluster itself takes ${formatQuantity(line.used)} ` +
    `(${line.users.slice(0, 3).map(describeUser).join(', ')})`;
  if (line.resource === 'pods' || line.resource === 'count/pods') {
    if (line.remaining.nanos > 0n) return [];
    return [{
      severity: 'warning', path, rule: ruleOf(quota),
      message: `got ${formatQuantity(line.hard)}, ${taken()}, leaving no pod for its workloads: the first pod inside the virtual cluster is ` +
        `refused ("exceeded quota: ${name}").`,
      fix: `Raise ${line.resource} to at least ${formatQuantity(addQuantities(line.used, { nanos: 1_000_000_000n, binary: false }))}.`,
    }];
  }
  const [kind, resource] = containerField(line.resource);
  if (!COMPUTE.has(resource)) return [];
  const given = defaultFrom(defaults, kind, resource);
  if (!given || compareQuantities(line.remaining, given.amount) >= 0) return [];
  const amount = kind === 'limits' ? 'limit' : 'request';
  const needed = addQuantities(line.used, given.amount);
  const shownNeeded = formatQuantity({ ...needed, binary: line.hard.binary });
  return [{
    severity: 'warning', path, rule: `${ruleOf(quota)} and ${given.where}`,
    message: `got ${formatQuantity(line.hard)}, ${taken()}, leaving ${formatQuantity(line.remaining)} for its workloads; but ${given.where} ` +
      `gives every container ` +
      `that sets no ${resource} ${amount} ${formatQuantity(given.amount)}, so the first such pod inside the virtual cluster is refused ` +
      `("exceeded quota: ${name}, requested: ${line.resource}=${formatQuantity(given.amount)}, used: ` +
        `${line.resource}=${formatQuantity(line.used)}, ` +
      `limited: ${line.resource}=${formatQuantity(line.hard)}").`,
    fix: `Raise ${line.resource} to at least ${shownNeeded}, or lower ${given.key} to at most ${formatQuantity(line.remaining)}.`,
  }];
}

/** A LimitRange with the defaults it gives a container that sets nothing. */
interface GivenDefaults {
  readonly lr: PolicyObject;
  readonly defaults: Defaults | undefined;
}

/** Each LimitRange's defaults, read once for every quota line. */
function givenDefaults(limitRanges: readonly PolicyObject[]): GivenDefaults[] {
  return limitRanges.map((lr) => ({ lr, defaults: limitRangeDefaults([lr]) }));
}

/** The default a LimitRange gives a container that sets nothing: the first LimitRange's that has one wins. */
function defaultFrom(
  limitRanges: readonly GivenDefaults[],
  kind: 'limits' | 'requests',
  resource: string,
): { amount: Quantity; where: string; key: string } | undefined {
  for (const { lr, defaults } of limitRanges) {
    const amount = defaults?.[kind].get(resource);
    if (amount) {
      const field = `${kind === 'limits' ? 'default' : 'defaultRequest'}.${resource}`;
      const own = lr.where.startsWith('policies.');
      const where = own ? lr.where : `LimitRange ${lr.manifest.metadata.name}`;
      const key = own ? `${lr.where}.${field}` : `the ${field} of ${where}`;
      return { amount, where, key };
    }
  }
  return undefined;
}
