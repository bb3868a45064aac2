import { RenderContext, RenderedObject, standardLabels } from './context';
import { clone, goString, isTrueString, mergeMaps, truthy, ValueMap } from './go-template';
import { quotedMap } from './resource-quota';

/**
 * `limitrange.yaml`. Renders when enabled, or when "auto" and the resource quota is enabled
 * (a quota on limits needs defaults for containers that set none).
 */
export function renderLimitRange(ctx: RenderContext): RenderedObject[] {
  const policies = ctx.values.policies ?? {};
  const lr = policies.limitRange ?? {};
  const wanted = isTrueString(lr.enabled) || isTrueString(policies.resourceQuota?.enabled);
  if (!wanted || goString(lr.enabled) === 'false') return [];

  const annotations = mergeMaps(ctx.values.controlPlane?.advanced?.globalMetadata?.annotations, lr.annotations);
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
      metadata: {
        name: `vc-${ctx.release.name}`,
        namespace: ctx.release.namespace,
        labels: { ...standardLabels(ctx), ...(truthy(lr.labels) ? clone(lr.labels) : {}) },
        ...(truthy(annotations) ? { annotations } : {}),
      },
      spec: { limits: [limit] },
    },
  }];
}
