import { ControlPlaneHeadlessService, ControlPlaneService } from '../../imports/chart-versions';
import { controlPlaneKind } from './backing-store';
import { objectMetadata, RenderContext, RenderedObject, standardLabels } from './context';
import { plain, readMap } from './go-template';
import { truthy } from '../values/go-values';
import { clone, ValueMap } from '../values/value-map';

/**
 * `service.yaml`: the control plane's API endpoint. The user's spec comes first and the chart
 * only adds ports and a selector when the spec has none (a later duplicate key would win).
 */
export function renderService(ctx: RenderContext): RenderedObject[] {
  const values = ctx.values;
  const service: ControlPlaneService = values.controlPlane?.service ?? {};
  if (!truthy(service.enabled)) return [];

  const spec: ValueMap = clone(readMap(service.spec, 'controlPlane.service.spec', 'ports'));
  if (!truthy(spec.ports)) {
    const nodePort = plain(service.httpsNodePort);
    const ports: ValueMap[] = [{ name: 'https', port: 443, targetPort: 8443, nodePort, protocol: 'TCP' }];
    if (truthy(values.integrations?.istio?.enabled)) {
      ports.push({ name: 'wake-http', port: 9090, nodePort, protocol: 'TCP' });
    }
    // A LoadBalancer cannot carry the kubelet port the nodes are reached at by hostname.
    if (truthy(values.networking?.advanced?.proxyKubelets?.byHostname) && spec.type !== 'LoadBalancer') {
      ports.push({ name: 'kubelet', port: 10250, targetPort: 8443, nodePort: plain(service.kubeletNodePort), protocol: 'TCP' });
    }
    spec.ports = ports;
  }
  if (!truthy(spec.selector)) spec.selector = { app: 'vcluster', release: ctx.release.name };

  return [{
    id: 'Service',
    manifest: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: objectMetadata(ctx, {
        name: ctx.release.name,
        labels: { ...standardLabels(ctx), 'vcluster.loft.sh/service': 'true' },
        section: service,
        path: 'controlPlane.service',
        annotationsFirst: 'global',
      }),
      spec,
    },
  }];
}

/** `headless-service.yaml`: stable pod DNS names for a StatefulSet control plane (and its embedded etcd peers). */
export function renderHeadlessService(ctx: RenderContext): RenderedObject[] {
  if (controlPlaneKind(ctx) !== 'StatefulSet') return [];
  const controlPlane = ctx.values.controlPlane ?? {};
  const headless: ControlPlaneHeadlessService = controlPlane.advanced?.headlessService ?? {};
  const ports: ValueMap[] = [{ name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' }];
  if (truthy(controlPlane.backingStore?.etcd?.embedded?.enabled)) {
    ports.push(
      { name: 'etcd', port: 2379, targetPort: 2379, protocol: 'TCP' },
      { name: 'peer', port: 2380, targetPort: 2380, protocol: 'TCP' },
    );
  }
  return [{
    id: 'HeadlessService',
    manifest: {
      apiVersion: 'v1',
      kind: 'Service',
      // Unlike the service's, the headless service's own annotations win over the global ones.
      metadata: objectMetadata(ctx, {
        name: `${ctx.release.name}-headless`,
        section: headless,
        path: 'controlPlane.advanced.headlessService',
        annotationsFirst: 'own',
      }),
      spec: {
        publishNotReadyAddresses: true,
        ports,
        clusterIP: 'None',
        selector: { app: 'vcluster', release: ctx.release.name },
      },
    },
  }];
}
