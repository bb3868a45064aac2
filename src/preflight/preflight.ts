import { admittedPods, PolicyObject, QuotaBudgetLine, volumeClaims } from '../analysis/quota-budget';
import { RenderContext, RenderedObject } from '../render/context';
import { PreflightFinding, sortFindings } from './finding';
import { hostModel, HostOptions } from './host';
import { limitRangeFindings } from './limit-ranges';
import { podSecurityFindings } from './pod-security-findings';
import { proFeatureFindings } from './pro-features';
import { quotaFindings } from './quotas';

/**
 * What the host would refuse, or let in and fail later, of the rendered virtual cluster: its pods
 * against the host namespace's Pod Security labels, LimitRanges and ResourceQuotas (when the host is
 * given), the chart's own quota against its own LimitRange, and license-only features. Reads the
 * rendered objects; changes nothing. `budget` is the chart quota's budget (`quotaBudget`) when the
 * caller has it: without host LimitRanges it is the own quota's budget here too, not made again.
 */
export function preflight(
  ctx: RenderContext,
  objects: readonly RenderedObject[],
  host: HostOptions | undefined,
  budget?: readonly QuotaBudgetLine[],
): PreflightFinding[] {
  const model = host === undefined ? undefined : hostModel(host, ctx.release.namespace, ctx.kubeVersion.minor);
  // The host's LimitRanges and the chart's own apply together; the host's first.
  const limitRanges: PolicyObject[] = [
    ...(model?.limitRanges ?? []).map((manifest) => ({ manifest, where: `host LimitRange ${manifest.metadata.name}` })),
    ...objects.filter((o) => o.id === 'LimitRange').map(({ manifest }) => ({ manifest, where: 'policies.limitRange' })),
  ];
  const pods = admittedPods(ctx, objects, limitRanges);
  // Without the host's LimitRanges, the chart quota's budget was made with these.
  const ownBudget = (model?.limitRanges ?? []).length === 0 ? budget : undefined;
  const hostQuotas = (model?.resourceQuotas ?? []).map((manifest) => ({ manifest, where: `ResourceQuota ${manifest.metadata.name}: spec.hard` }));
  return sortFindings([
    ...(model ? podSecurityFindings(pods, model) : []),
    ...(model && model.otherNamespaces.length > 0 ? [missingNamespace(ctx.release.namespace, model.otherNamespaces)] : []),
    ...limitRangeFindings(pods, volumeClaims(ctx, objects), limitRanges),
    ...quotaFindings(ctx, objects, hostQuotas, limitRanges, pods, host?.objects !== undefined, ownBudget),
    ...proFeatureFindings(ctx.values, ctx.chartVersion),
  ]);
}

/** Host objects with other Namespaces than the virtual cluster's: its Pod Security labels go unchecked. */
function missingNamespace(namespace: string, others: readonly string[]): PreflightFinding {
  return {
    severity: 'warning',
    path: 'host.objects',
    message: `hold the Namespace${others.length === 1 ? '' : 's'} ${others.map((n) => `"${n}"`).join(', ')} but none named "${namespace}", ` +
      'so its Pod Security labels are not checked.',
    fix: `Add the output of \`kubectl get ns ${namespace} -o yaml\`.`,
    rule: 'host model',
  };
}
