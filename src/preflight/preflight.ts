import { admittedPods, PolicyObject } from '../analysis/quota-budget';
import { RenderContext, RenderedObject } from '../render/context';
import { PreflightFinding, sortFindings } from './finding';
import { hostModel, HostOptions } from './host';
import { podSecurityFindings } from './pod-security-findings';

/**
 * What the host would refuse, or let in and fail later, of the rendered virtual cluster: its pods
 * against the host namespace's Pod Security labels, LimitRanges and ResourceQuotas (when the host is
 * given), the chart's own quota against its own LimitRange, and license-only features. Reads the
 * rendered objects; changes nothing.
 */
export function preflight(ctx: RenderContext, objects: readonly RenderedObject[], host: HostOptions | undefined): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  if (host !== undefined) {
    const model = hostModel(host, ctx.release.namespace, ctx.kubeVersion.minor);
    const limitRanges: PolicyObject[] = [
      ...model.limitRanges.map((manifest) => ({ manifest, where: `host LimitRange ${manifest.metadata.name}` })),
      ...objects.filter((o) => o.id === 'LimitRange').map(({ manifest }) => ({ manifest, where: 'policies.limitRange' })),
    ];
    const pods = admittedPods(ctx, objects, limitRanges);
    findings.push(...podSecurityFindings(pods, model));
  }
  return sortFindings(findings);
}
