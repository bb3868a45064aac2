import { volumeClaimEnabled } from './backing-store';
import { RenderContext } from './context';
import { interpolated, plain } from './go-template';
import { truthy } from '../values/go-values';
import { clone, ValueMap } from '../values/value-map';

/**
 * `vcluster.persistence` (`_persistence.tpl`): the control plane StatefulSet's volume claim
 * templates. The user's own templates replace the chart's `data` claim; without either, none.
 */
export function volumeClaimTemplates(ctx: RenderContext): ValueMap[] | undefined {
  const persistence = ctx.values.controlPlane?.statefulSet?.persistence ?? {};
  if (truthy(persistence.volumeClaimTemplates)) return clone(persistence.volumeClaimTemplates);
  if (!volumeClaimEnabled(ctx)) return undefined;
  const claim = persistence.volumeClaim ?? {};
  const spec: ValueMap = {
    accessModes: interpolated(claim.accessModes, 'controlPlane.statefulSet.persistence.volumeClaim.accessModes'),
  };
  if (truthy(claim.storageClass)) spec.storageClassName = plain(claim.storageClass);
  spec.resources = { requests: { storage: plain(claim.size) } };
  return [{ metadata: { name: 'data' }, spec }];
}
