import { RenderContext, RenderedObject, standardLabels } from './context';
import { clone, goString, isMap, mergeMaps, plain, truthy, Value, ValueMap } from './go-template';
import { tplValue } from './tpl';

/** `controlPlane.ingress`: exposes the control plane's API through an ingress controller. */
export function renderIngress(ctx: RenderContext): RenderedObject[] {
  const ingress: ValueMap = ctx.values.controlPlane?.ingress ?? {};
  if (!truthy(ingress.enabled)) return [];

  // The user's spec goes through `tpl`, so it may name the release; the default rule follows it
  // only when the spec has no rules of its own.
  const spec: ValueMap = truthy(ingress.spec) && isMap(ingress.spec)
    ? tplValue(ingress.spec, ctx, 'controlPlane.ingress.spec')
    : {};
  if (!truthy(ingress.spec?.rules)) {
    spec.rules = [{
      host: quoted(ingress.host),
      http: {
        paths: [{
          backend: { service: { name: ctx.release.name, port: { name: 'https' } } },
          path: '/',
          pathType: plain(ingress.pathType),
        }],
      },
    }];
  }

  // The ingress's own annotations win over the global ones.
  const annotations = mergeMaps(ingress.annotations, ctx.values.controlPlane?.advanced?.globalMetadata?.annotations);
  return [{
    id: 'Ingress',
    manifest: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        ...(truthy(annotations) ? { annotations } : {}),
        name: ctx.release.name,
        namespace: ctx.release.namespace,
        labels: { ...standardLabels(ctx), ...(truthy(ingress.labels) ? clone(ingress.labels) : {}) },
      },
      spec,
    },
  }];
}

/** Sprig `quote`: the value as a string; a missing value prints nothing, which YAML reads as null. */
export function quoted(v: Value): string | null {
  return v === null || v === undefined ? null : goString(v);
}
