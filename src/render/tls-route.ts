import { ControlPlaneTLSRoute } from '../../imports/chart-versions';
import { objectMetadata, RenderContext, RenderedObject } from './context';
import { plainString, quoted, readMap } from './go-template';
import { truthy } from '../values/go-values';
import { clone, ValueMap } from '../values/value-map';
import { tplValue } from './tpl';
import { diagnostic } from '../values/diagnostic';
import { ValuesError } from '../values/errors';

/**
 * `controlPlane.tlsRoute`: exposes the control plane through a Gateway API TLSRoute. The user's
 * spec goes through `tpl`; parent refs, hostnames and rules default only where the spec has none.
 */
export function renderTlsRoute(ctx: RenderContext): RenderedObject[] {
  const route: ControlPlaneTLSRoute = ctx.values.controlPlane?.tlsRoute ?? {};
  if (!truthy(route.enabled)) return [];
  if (!truthy(route.apiVersion)) {
    throw new ValuesError([diagnostic({
      path: ['controlPlane', 'tlsRoute', 'apiVersion'],
      value: route.apiVersion,
      message: `the TLSRoute needs an API version, got ${JSON.stringify(route.apiVersion ?? null)}.`,
      fix: 'Set it to the Gateway API version your cluster serves, e.g. gateway.networking.k8s.io/v1.',
    })]);
  }

  const own: ValueMap = readMap(route.spec, 'controlPlane.tlsRoute.spec', 'parentRefs');
  const spec: ValueMap = truthy(own) ? tplValue(own, ctx, 'controlPlane.tlsRoute.spec') : {};
  if (!truthy(own.parentRefs) && truthy(route.parentRefs)) spec.parentRefs = clone(route.parentRefs);
  if (!truthy(own.hostnames)) spec.hostnames = [quoted(route.host)];
  if (!truthy(own.rules)) spec.rules = [{ backendRefs: [{ name: ctx.release.name, port: 443 }] }];

  return [{
    id: 'TLSRoute',
    manifest: {
      apiVersion: plainString(route.apiVersion, 'controlPlane.tlsRoute.apiVersion', 'the Gateway API version your cluster serves, e.g. ' +
        'gateway.networking.k8s.io/v1'),
      kind: 'TLSRoute',
      // The route's own annotations win over the global ones.
      metadata: objectMetadata(ctx, { name: ctx.release.name, section: route, path: 'controlPlane.tlsRoute', annotationsFirst: 'own' }),
      spec,
    },
  }];
}
