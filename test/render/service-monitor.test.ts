import { contextFor } from './context-helper';
import { ValueMap } from '../../src/values/value-map';
import { renderServiceMonitor } from '../../src/render/service-monitor';

const monitor = (user: ValueMap): any => {
  const objects = renderServiceMonitor(contextFor(user));
  expect(objects.map((o) => o.id)).toEqual(['ServiceMonitor']);
  return objects[0].manifest;
};

const paths = (user: ValueMap): string[] => monitor(user).spec.endpoints.map((e: any) => e.path);
const enabled = (controlPlane: ValueMap = {}): ValueMap => ({
  controlPlane: { ...controlPlane, serviceMonitor: { enabled: true, ...(controlPlane.serviceMonitor ?? {}) } },
});

describe('service monitor', () => {
  test('renders the ServiceMonitor only when it is enabled', () => {
    expect(renderServiceMonitor(contextFor({}))).toEqual([]);
    expect(monitor(enabled()).metadata).toMatchObject({ name: 'vc-vc1', namespace: 'team-a', labels: { release: 'vc1' } });
  });

  test('scrapes kine without etcd, and the embedded etcd with it', () => {
    expect(paths(enabled())).toEqual(['/metrics', '/metrics/controller-manager', '/metrics/kine']);
    expect(paths(enabled({ backingStore: { etcd: { embedded: { enabled: true } } } })))
      .toEqual(['/metrics', '/metrics/controller-manager', '/metrics/etcd']);
    expect(paths(enabled({ backingStore: { etcd: { deploy: { enabled: true } } } })))
      .toEqual(['/metrics', '/metrics/controller-manager']);
  });

  test('scrapes the scheduler when the vCluster runs one', () => {
    expect(paths(enabled({ advanced: { virtualScheduler: { enabled: true } } }))).toContain('/metrics/scheduler');
    expect(paths(enabled({ distro: { k8s: { scheduler: { enabled: true } } } }))).toContain('/metrics/scheduler');
  });

  test('lets the user set the release label Prometheus selects by', () => {
    const labels = monitor(enabled({ serviceMonitor: { labels: { release: 'kube-prometheus-stack' } } })).metadata.labels;
    expect(labels.release).toBe('kube-prometheus-stack');
    expect(labels.app).toBe('vcluster');
  });

  test('authenticates every endpoint with the admin client certificate', () => {
    for (const e of monitor(enabled()).spec.endpoints) {
      expect(e.tlsConfig.keySecret).toEqual({ name: 'vc-vc1', key: 'client-key' });
    }
  });
});
