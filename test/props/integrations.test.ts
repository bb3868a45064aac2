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
});
