import { objectMetadata, RenderContext, RenderedObject } from './context';
import { quotedMap } from './go-template';
import { truthy } from '../values/go-values';
import { ValueMap } from '../values/value-map';
import { pairedPolicyEnabled } from './resource-quota';

/**
 * `limitrange.yaml`. Renders when enabled, or when "auto" and the resource quota is enabled
 * (a quota on limits needs defaults for containers that set none).
 */
export function renderLimitRange(ctx: RenderContext): RenderedObject[] {
  const lr = ctx.values.policies?.limitRange ?? {};
  if (!pairedPolicyEnabled(lr.enabled, ctx.values.policies?.resourceQuota?.enabled)) return [];

  const limit: ValueMap = {
    default: quotedMap(lr.default),
    defaultRequest: quotedMap(lr.defaultRequest),
  };
  if (truthy(lr.min)) limit.min = quotedMap(lr.min);
  if (truthy(lr.max)) limit.max = quotedMap(lr.max);
  limit.type = 'Container';
  return [{
    id: 'LimitRange',
    manifest: {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: objectMetadata(ctx, { name: `vc-${ctx.release.name}`, section: lr, path: 'policies.limitRange', annotationsFirst: 'global' }),
      spec: { limits: [limit] },
    },
  }];
}
