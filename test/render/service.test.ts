import { contextFor } from './context-helper';
import { ValueMap } from '../../src/values/value-map';
import { renderHeadlessService, renderService } from '../../src/render/service';

const service = (user: ValueMap = {}): any => {
  const objects = renderService(contextFor(user));
  expect(objects.map((o) => o.id)).toEqual(['Service']);
  return objects[0].manifest;
};

const headless = (user: ValueMap = {}): any => {
  const objects = renderHeadlessService(contextFor(user));
  expect(objects.map((o) => o.id)).toEqual(['HeadlessService']);
  return objects[0].manifest;
};

describe('service', () => {
  test('renders the control plane service only when it is enabled', () => {
    expect(renderService(contextFor({ controlPlane: { service: { enabled: false } } }))).toEqual([]);
    expect(service().metadata).toMatchObject({ name: 'vc1', namespace: 'team-a', labels: { 'vcluster.loft.sh/service': 'true' } });
  });

  test('exposes https and, by default, the kubelet port', () => {
    expect(service().spec).toEqual({
      type: 'ClusterIP',
      ports: [
        { name: 'https', port: 443, targetPort: 8443, nodePort: 0, protocol: 'TCP' },
        { name: 'kubelet', port: 10250, targetPort: 8443, nodePort: 0, protocol: 'TCP' },
      ],
      selector: { app: 'vcluster', release: 'vc1' },
    });
  });

  test('leaves out the kubelet port for a LoadBalancer or without proxying kubelets by hostname', () => {
    expect(service({ controlPlane: { service: { spec: { type: 'LoadBalancer' } } } }).spec.ports.map((p: any) => p.name)).toEqual(['https']);
    expect(service({ networking: { advanced: { proxyKubelets: { byHostname: false } } } }).spec.ports.map((p: any) => p.name)).toEqual(['https']);
  });

  test('adds the wake port for istio', () => {
    expect(service({ integrations: { istio: { enabled: true } } }).spec.ports.map((p: any) => p.name)).toEqual(['https', 'wake-http', 'kubelet']);
  });

  test('keeps the ports and selector of the user spec', () => {
    const spec = service({ controlPlane: { service: { spec: { ports: [{ name: 'x', port: 1 }], selector: { mine: 'yes' } } } } }).spec;
    expect(spec.ports).toEqual([{ name: 'x', port: 1 }]);
    expect(spec.selector).toEqual({ mine: 'yes' });
  });

  test('writes node ports unquoted, so numeric strings become numbers', () => {
    expect(service({ controlPlane: { service: { httpsNodePort: '30443' } } }).spec.ports[0].nodePort).toBe(30443);
  });

  test('lets the service annotations yield to the global ones', () => {
    const md = service({
      controlPlane: { service: { annotations: { a: 'own', b: 'own' } }, advanced: { globalMetadata: { annotations: { a: 'global' } } } },
    }).metadata;
    expect(md.annotations).toEqual({ a: 'global', b: 'own' });
  });
});

describe('headless service', () => {
  test('renders the headless service only for a StatefulSet control plane', () => {
    expect(renderHeadlessService(contextFor({}))).toHaveLength(1);
    expect(renderHeadlessService(contextFor({ controlPlane: { backingStore: { etcd: { deploy: { enabled: true } } } } }))).toEqual([]);
    expect(renderHeadlessService(contextFor({ controlPlane: { backingStore: { database: { external: { enabled: true } } } } }))).toEqual([]);
  });

  test('publishes the etcd ports for embedded etcd', () => {
    const spec = headless({ controlPlane: { backingStore: { etcd: { embedded: { enabled: true } } } } }).spec;
    expect(spec.ports.map((p: any) => p.name)).toEqual(['https', 'etcd', 'peer']);
    expect(spec.clusterIP).toBe('None');
  });

  test('lets its own annotations win over the global ones', () => {
    const md = headless({
      controlPlane: {
        advanced: { headlessService: { annotations: { a: 'own' }, labels: { x: 'y' } }, globalMetadata: { annotations: { a: 'global', g: '1' } } },
      },
    }).metadata;
    expect(md.annotations).toEqual({ a: 'own', g: '1' });
    expect(md.labels).toMatchObject({ app: 'vcluster', x: 'y' });
  });
});
