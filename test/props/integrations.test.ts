import { expectTypedImport } from '../import/import-helper';
import { synthVCluster } from '../typed-helper';


describe('the integration props', () => {
  test('true turns an integration on with the chart\'s settings', () => {
    const { vc } = synthVCluster({ integrations: { metricsServer: true, certManager: true, istio: true } });
    const integrations = vc.values.integrations;
    expect(integrations.metricsServer).toMatchObject({ enabled: true, nodes: true, pods: true });
    expect(integrations.certManager).toMatchObject({ enabled: true, sync: { toHost: { certificates: { enabled: true } } } });
    expect(integrations.istio.enabled).toBe(true);
    expect(integrations.kubeVirt.enabled).toBe(false);
  });

  test('options turn an integration on with those settings', () => {
    const { vc } = synthVCluster({
      integrations: {
        metricsServer: { pods: false },
        certManager: { issuers: false, clusterIssuerLabels: { shared: 'true' } },
        externalSecrets: { stores: true, storeSelector: { matchLabels: { team: 'a' } } },
        kubeVirt: { dataVolumes: true },
      },
    });
    const i = vc.values.integrations;
    expect(i.metricsServer).toMatchObject({ enabled: true, nodes: true, pods: false });
    expect(i.certManager.sync.toHost.issuers.enabled).toBe(false);
    expect(i.certManager.sync.fromHost.clusterIssuers).toEqual({ enabled: true, selector: { labels: { shared: 'true' } } });
    expect(i.externalSecrets).toMatchObject({
      enabled: true,
      sync: { toHost: { stores: { enabled: true, selector: { matchLabels: { team: 'a' } } } } },
    });
    expect(i.kubeVirt).toMatchObject({ enabled: true, sync: { dataVolumes: { enabled: true }, virtualMachines: { enabled: true } } });
  });

  test('the metrics-server integration lets the control plane read the host\'s metrics', () => {
    const { manifests } = synthVCluster({ integrations: { metricsServer: true } });
    const role = manifests.find((m) => m.kind === 'ClusterRole');
    expect(JSON.stringify(role.rules)).toContain('metrics.k8s.io');
  });

  test('netris and argoCD (vCluster Platform) take their connector; netris its kube-vip settings', () => {
    const { vc } = synthVCluster({
      integrations: {
        netris: { connector: 'netris-credentials', kubeVip: { serverCluster: 'netris-nodes', bridge: 'br-3', ipRange: '10.0.0.10-10.0.0.20' } },
        argoCD: { connector: 'argocd-main' },
      },
    });
    expect(vc.values.integrations.netris).toEqual({
      enabled: true, connector: 'netris-credentials', kubeVip: { serverCluster: 'netris-nodes', bridge: 'br-3', ipRange: '10.0.0.10-10.0.0.20' },
    });
    expect(vc.values.integrations.argoCD).toEqual({ enabled: true, connector: 'argocd-main' });
  });

  test('the host\'s metrics-server service and the External Secrets Operator version', () => {
    const { vc } = synthVCluster({
      integrations: { metricsServer: { service: { name: 'ms', namespace: 'monitoring', port: 8443 } }, externalSecrets: { version: 'v1' } },
    });
    expect(vc.values.integrations.metricsServer.apiService).toEqual({ service: { name: 'ms', namespace: 'monitoring', port: 8443 } });
    expect(vc.values.integrations.externalSecrets.version).toBe('v1');
  });

  test('fails when a connector is empty', () => {
    expect(() => synthVCluster({ integrations: { netris: { connector: ' ' } } })).toThrow(
      'integrations.netris.connector: give the Netris connector\'s name, e.g. "netris-credentials". Got " ".',
    );
    expect(() => synthVCluster({ integrations: { argoCD: { connector: '' } } })).toThrow(
      'integrations.argoCD.connector: give the Argo CD connector\'s name, e.g. "argocd-main". Got "".',
    );
  });

  test('fails when the kube-vip IP range is not a range of IPv4 addresses', () => {
    expect(() => synthVCluster({ integrations: { netris: { kubeVip: { ipRange: '10.0.0.0/24' } } } })).toThrow(
      'integrations.netris.kubeVip.ipRange: must be an IPv4 range "first-last", e.g. "10.0.0.10-10.0.0.20". Got "10.0.0.0/24".',
    );
  });

  test('fails when the metrics-server port is not a port', () => {
    expect(() => synthVCluster({ integrations: { metricsServer: { service: { port: 70000 } } } })).toThrow(
      'integrations.metricsServer.service.port: must be a port, a whole number from 1 to 65535. Got 70000.',
    );
  });

  test('imports the docs\' netris, argoCD, metrics-server and External Secrets settings as typed props', () => {
    expectTypedImport(
      'integrations:\n  netris:\n    enabled: true\n    connector: netris-credentials\n    kubeVip:\n      serverCluster: netris-nodes\n'
        + '      bridge: br-3\n      ipRange: 192.168.67.253-192.168.67.253\n',
      "kubeVip: {\n            serverCluster: 'netris-nodes',\n            bridge: 'br-3',",
    );
    expectTypedImport('integrations:\n  argoCD:\n    enabled: true\n    connector: argocd-main\n', "argoCD: { connector: 'argocd-main' }");
    expectTypedImport(
      'integrations:\n  metricsServer:\n    enabled: true\n    apiService:\n      service:\n'
        + '        name: my-ms\n        namespace: my-ns\n        port: 443\n',
      "metricsServer: { service: { name: 'my-ms', namespace: 'my-ns', port: 443 } }",
    );
    expectTypedImport(
      'integrations:\n  externalSecrets:\n    enabled: true\n    version: v1\n', "externalSecrets: { version: 'v1' }",
    );
  });
});
