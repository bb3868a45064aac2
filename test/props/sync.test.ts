import { ResourceScope, SyncMode } from '../../src';
import { manifest, synthVCluster } from '../typed-helper';

describe('the sync props', () => {
  test('the tutorial\'s storage-class, ingress-class and ingress sync read as switches', () => {
    const { vc } = synthVCluster({ sync: { fromHost: { storageClasses: true, ingressClasses: true }, toHost: { ingresses: true } } });
    expect(vc.values.sync.fromHost.storageClasses.enabled).toBe(true);
    expect(vc.values.sync.fromHost.ingressClasses.enabled).toBe(true);
    expect(vc.values.sync.toHost.ingresses.enabled).toBe(true);
  });

  test('SyncMode.AUTO is the third state where the chart has one', () => {
    const { vc } = synthVCluster({
      sync: {
        fromHost: { storageClasses: SyncMode.AUTO, csiDrivers: false, csiNodes: SyncMode.AUTO },
        toHost: { gatewayApi: { httpRoutes: true, referenceGrants: SyncMode.AUTO } },
      },
    });
    const { fromHost, toHost } = vc.values.sync;
    expect([fromHost.storageClasses.enabled, fromHost.csiDrivers.enabled, fromHost.csiNodes.enabled]).toEqual(['auto', false, 'auto']);
    expect(toHost.gatewayApi).toMatchObject({ enabled: true, httpRoutes: { enabled: true }, referenceGrants: { enabled: 'auto' } });
  });

  test('selectors, node options and mappings are typed where the schema has them', () => {
    const { vc } = synthVCluster({
      sync: {
        fromHost: {
          ingressClasses: { selector: { matchLabels: { shared: 'true' } } },
          storageClasses: { selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['nfs'] }] } },
          nodes: { all: true, labels: { pool: 'tenants' } },
          secrets: { mappings: { 'shared/registry-credentials': 'default/registry-credentials' } },
          customResources: { 'clusterissuers.cert-manager.io': { scope: ResourceScope.CLUSTER } },
        },
      },
    });
    const fromHost = vc.values.sync.fromHost;
    expect(fromHost.ingressClasses).toMatchObject({ enabled: true, selector: { matchLabels: { shared: 'true' } } });
    expect(fromHost.storageClasses).toMatchObject({
      enabled: true,
      selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['nfs'] }] },
    });
    expect(fromHost.nodes).toMatchObject({ enabled: true, selector: { all: true, labels: { pool: 'tenants' } } });
    expect(fromHost.secrets).toEqual({ enabled: true, mappings: { byName: { 'shared/registry-credentials': 'default/registry-credentials' } } });
    expect(fromHost.customResources).toEqual({ 'clusterissuers.cert-manager.io': { enabled: true, scope: 'Cluster' } });
  });

  test('pod sync options and custom resources reach the values', () => {
    const { vc } = synthVCluster({
      sync: {
        toHost: {
          pods: { translateImage: { 'nginx:1.27': 'mirror.example.com/nginx:1.27' }, enforceTolerations: ['team=a:NoSchedule'], rewriteHosts: false },
          secrets: { all: true },
          customResources: { 'certificates.cert-manager.io': true },
        },
      },
    });
    const toHost = vc.values.sync.toHost;
    expect(toHost.pods).toMatchObject({
      enabled: true,
      translateImage: { 'nginx:1.27': 'mirror.example.com/nginx:1.27' },
      enforceTolerations: ['team=a:NoSchedule'],
      rewriteHosts: { enabled: false },
    });
    expect(toHost.secrets).toEqual({ enabled: true, all: true });
    expect(toHost.customResources).toEqual({ 'certificates.cert-manager.io': { enabled: true } });
  });

  test('syncing ingresses grants the control plane access to them', () => {
    const { manifests } = synthVCluster({ sync: { toHost: { ingresses: true } } });
    expect(JSON.stringify(manifest(manifests, 'Role').rules)).toContain('ingresses');
  });

  test('fails when a resource without an automatic mode is given SyncMode.AUTO', () => {
    expect(() => synthVCluster({ sync: { toHost: { ingresses: SyncMode.AUTO as any } } })).toThrow(
      'sync.toHost.ingresses: expected a boolean (true or false), got a string.',
    );
  });

  test('fails when a host object mapping does not name a namespace', () => {
    expect(() => synthVCluster({ sync: { fromHost: { configMaps: { mappings: { 'ca-bundle': 'default/ca-bundle' } } } } })).toThrow(
      /\[test\/vc1\] release vc1: sync\.fromHost\.configMaps\.mappings: keys are host objects as "namespace\/name"/,
    );
  });

  test('fails when a cluster-wide custom resource is synced to the host', () => {
    expect(() =>
      synthVCluster({ sync: { toHost: { customResources: { 'clusterissuers.cert-manager.io': { scope: ResourceScope.CLUSTER } } } } }),
    ).toThrow(
      /\[test\/vc1\] release vc1: sync\.toHost\.customResources\.clusterissuers\.cert-manager\.io\.scope: only namespaced custom resources sync to the host/,
    );
  });
});
