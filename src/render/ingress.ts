import { ControlPlaneIngress } from '../../imports/chart-versions';
import { objectMetadata, RenderContext, RenderedObject } from './context';
import { plain, quoted, readMap } from './go-template';
import { truthy } from '../values/go-values';
import { ValueMap } from '../values/value-map';
import { tplValue } from './tpl';

/** `controlPlane.ingress`: exposes the control plane's API through an ingress controller. */
export function renderIngress(ctx: RenderContext): RenderedObject[] {
  const ingress: ControlPlaneIngress = ctx.values.controlPlane?.ingress ?? {};
  if (!truthy(ingress.enabled)) return [];

  // The user's spec goes through `tpl`, so it may name the release; the default rule follows it
  // only when the spec has no rules of its own.
  const own = readMap(ingress.spec, 'controlPlane.ingress.spec', 'rules');
  const spec: ValueMap = truthy(own) ? tplValue(own, ctx, 'controlPlane.ingress.spec') : {};
  if (!truthy(own.rules)) {
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

  return [{
    id: 'Ingress',
    manifest: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      // The ingress's own annotations win over the global ones.
      metadata: objectMetadata(ctx, { name: ctx.release.name, section: ingress, path: 'controlPlane.ingress', annotationsFirst: 'own' }),
      spec,
    },
  }];
}
