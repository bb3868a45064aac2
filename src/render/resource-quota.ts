import { objectMetadata, RenderContext, RenderedObject } from './context';
import { isTrueString, quotedMap } from './go-template';
import { goString, truthy } from '../values/go-values';
import { clone, Value, ValueMap } from '../values/value-map';

/**
 * Whether one of the paired policies (resource quota, limit range) renders: when it is enabled,
 * or when the other one is enabled and it is not switched off ("auto" follows its partner).
 */
export function pairedPolicyEnabled(own: Value, partner: Value): boolean {
  return (isTrueString(own) || isTrueString(partner)) && goString(own) !== 'false';
}

/** `resourcequota.yaml`: renders when enabled, or when "auto" and the limit range is enabled. */
export function renderResourceQuota(ctx: RenderContext): RenderedObject[] {
  const rq = ctx.values.policies?.resourceQuota ?? {};
  if (!pairedPolicyEnabled(rq.enabled, ctx.values.policies?.limitRange?.enabled)) return [];

  const spec: ValueMap = {};
  if (truthy(rq.quota)) spec.hard = quotedMap(rq.quota);
  if (truthy(rq.scopeSelector?.matchExpressions)) {
    spec.scopeSelector = { matchExpressions: clone(rq.scopeSelector?.matchExpressions) };
  }
  if (truthy(rq.scopes)) spec.scopes = clone(rq.scopes);
  return [{
    id: 'ResourceQuota',
    manifest: {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: objectMetadata(ctx, { name: `vc-${ctx.release.name}`, section: rq, path: 'policies.resourceQuota', annotationsFirst: 'global' }),
      spec,
    },
  }];
}
