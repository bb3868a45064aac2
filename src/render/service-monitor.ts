import { ControlPlane, Etcd, ServiceMonitor } from '../../imports/chart-versions';
import { chartLabel, objectMetadata, RenderContext, RenderedObject } from './context';
import { truthy } from '../values/go-values';
import { isMap, ValueMap } from '../values/value-map';
import { chartHas } from '../values/chart-version';

/**
 * `controlPlane.serviceMonitor`: lets Prometheus scrape the control plane's API server, controller
 * manager, scheduler (when the vCluster runs one) and backing store (embedded etcd or kine).
 */
export function renderServiceMonitor(ctx: RenderContext): RenderedObject[] {
  const controlPlane: ControlPlane = ctx.values.controlPlane ?? {};
  const monitor: ServiceMonitor = controlPlane.serviceMonitor ?? {};
  if (!truthy(monitor.enabled)) return [];
  const etcd: Etcd = controlPlane.backingStore?.etcd ?? {};

  const endpoints = [endpoint(ctx, '', 'apiserver'), endpoint(ctx, '/controller-manager', 'controller-manager')];
  if (chartHas(ctx.chartVersion, '0.37.0')) endpoints.push(endpoint(ctx, '/syncer', 'syncer'));
  if (truthy(controlPlane.distro?.k8s?.scheduler?.enabled) || truthy(controlPlane.advanced?.virtualScheduler?.enabled)) {
    endpoints.push(endpoint(ctx, '/scheduler', 'scheduler'));
  }
  if (truthy(etcd.embedded?.enabled)) endpoints.push(endpoint(ctx, '/etcd', 'etcd'));
  // Without etcd the control plane stores its state through kine.
  if (!(truthy(etcd.embedded?.enabled) || truthy(etcd.deploy?.enabled) || truthy(etcd.external?.enabled))) {
    endpoints.push(endpoint(ctx, '/kine', 'kine'));
  }

  // Prometheus operators often select monitors by a `release` label, so the user may set their own.
  const ownRelease = isMap(monitor.labels) && 'release' in monitor.labels;
  const labels: ValueMap = { app: 'vcluster', chart: chartLabel(ctx), ...(ownRelease ? {} : { release: ctx.release.name }), heritage: 'Helm' };
  return [{
    id: 'ServiceMonitor',
    manifest: {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      // The monitor's own labels follow the chart's; its own annotations win over the global ones.
      metadata: objectMetadata(ctx, {
        name: `vc-${ctx.release.name}`,
        labels,
        section: monitor,
        path: 'controlPlane.serviceMonitor',
        annotationsFirst: 'own',
      }),
      spec: {
        selector: {
          matchLabels: {
            app: 'vcluster',
            release: ctx.release.name,
            chart: chartLabel(ctx),
            heritage: 'Helm',
            'vcluster.loft.sh/service': 'true',
          },
        },
        endpoints,
      },
    },
  }];
}

/** One scrape endpoint, authenticated with the vCluster's admin client certificate. */
function endpoint(ctx: RenderContext, pathSuffix: string, name: string): ValueMap {
  const secret = `vc-${ctx.release.name}`;
  return {
    interval: '30s',
    port: 'https',
    path: `/metrics${pathSuffix}`,
    scheme: 'https',
    relabelings: [{ targetLabel: 'endpoint', replacement: name }],
    tlsConfig: {
      ca: { secret: { name: secret, key: 'certificate-authority' } },
      cert: { secret: { name: secret, key: 'client-certificate' } },
      keySecret: { name: secret, key: 'client-key' },
    },
  };
}
