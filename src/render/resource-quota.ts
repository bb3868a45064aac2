import { RenderContext, RenderedObject, standardLabels } from './context';
import { clone, goString, isTrueString, mergeMaps, truthy, ValueMap } from './go-template';

/**
 * `resourcequota.yaml`. The quota renders when it is enabled, or when it is "auto" and the
 * limit range is enabled: policies come as a pair.
 */
export function renderResourceQuota(ctx: RenderContext): RenderedObject[] {
  const policies = ctx.values.policies ?? {};
  const rq = policies.resourceQuota ?? {};
  const wanted = isTrueString(rq.enabled) || isTrueString(policies.limitRange?.enabled);
  if (!wanted || goString(rq.enabled) === 'false') return [];

  const annotations = mergeMaps(ctx.values.controlPlane?.advanced?.globalMetadata?.annotations, rq.annotations);
  const spec: ValueMap = {};
  if (truthy(rq.quota)) spec.hard = quotedMap(rq.quota);
  if (truthy(rq.scopeSelector?.matchExpressions)) {
    spec.scopeSelector = { matchExpressions: clone(rq.scopeSelector.matchExpressions) };
  }
  if (truthy(rq.scopes)) spec.scopes = clone(rq.scopes);
  return [{
    id: 'ResourceQuota',
    manifest: {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: {
        name: `vc-${ctx.release.name}`,
        namespace: ctx.release.namespace,
        labels: { ...standardLabels(ctx), ...(truthy(rq.labels) ? clone(rq.labels) : {}) },
        ...(truthy(annotations) ? { annotations } : {}),
      },
      spec,
    },
  }];
}

/** `{{ $key }}: {{ $val | quote }}` over a map: every quantity becomes a string. */
export function quotedMap(m: ValueMap | undefined): ValueMap {
  const out: ValueMap = {};
  for (const k of Object.keys(m ?? {}).sort()) out[k] = goString(m![k]);
  return out;
}
