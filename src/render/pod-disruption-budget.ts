import { RenderContext, RenderedObject } from './context';
import { plain } from './go-template';
import { truthy } from '../values/go-values';
import { ValueMap } from '../values/value-map';

/** `pod-disruption-budget.yaml`: guards the control-plane pods. */
export function renderPodDisruptionBudget(ctx: RenderContext): RenderedObject[] {
  const pdb = ctx.values.controlPlane?.advanced?.podDisruptionBudget ?? {};
  if (!truthy(pdb.enabled)) return [];
  const spec: ValueMap = {};
  if (truthy(pdb.minAvailable)) spec.minAvailable = plain(pdb.minAvailable);
  else if (truthy(pdb.maxUnavailable)) spec.maxUnavailable = plain(pdb.maxUnavailable);
  if (truthy(pdb.unhealthyPodEvictionPolicy)) spec.unhealthyPodEvictionPolicy = plain(pdb.unhealthyPodEvictionPolicy);
  spec.selector = { matchLabels: { app: 'vcluster', release: ctx.release.name } };
  return [{
    id: 'PodDisruptionBudget',
    manifest: {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: ctx.release.name },
      spec,
    },
  }];
}
