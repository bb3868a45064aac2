import { Chart, Testing } from 'cdk8s';
import { BackingStore, VCluster, VClusterProps } from '../../src';

const warned = (props: VClusterProps) => new VCluster(new Chart(Testing.app(), 'c'), 'vc1', props).preflightWarnings
  .filter((w) => w.rule === 'vCluster Pro').map((w) => w.path);

describe('license-only features', () => {
  test("warns about each field the chart's schema marks pro, once turned on", () => {
    expect(warned({ backingStore: BackingStore.embeddedEtcd() })).toEqual(['controlPlane.backingStore.etcd.embedded.enabled']);
    expect(warned({
      values: {
        controlPlane: { coredns: { embedded: true }, hostPathMapper: { enabled: true } },
        networking: { resolveDNS: [{ hostname: 'a.example.com', target: { hostname: 'b.example.com' } }] },
        policies: { centralAdmission: { validatingWebhooks: [{ kind: 'ValidatingWebhookConfiguration' }] } },
        experimental: { denyProxyRequests: [{ name: 'no-exec' }] },
      },
    }).sort()).toEqual([
      'controlPlane.coredns.embedded', 'controlPlane.hostPathMapper', 'experimental.denyProxyRequests', 'networking.resolveDNS',
        'policies.centralAdmission',
    ]);
  });

  test('says nothing of pro fields left as the chart has them, or turned off', () => {
    expect(warned({})).toEqual([]);
    expect(warned({ values: { controlPlane: { hostPathMapper: { enabled: false }, coredns: { embedded: false } } } })).toEqual([]);
  });

  test('reads the chosen chart version\'s marks: 0.37 adds kubeOvn', () => {
    const kubeOvn = { values: { controlPlane: { advanced: { cloudControllerManager: { kubeOvn: { enabled: true } } } } } } as VClusterProps;
    expect(warned({ ...kubeOvn, chartVersion: '0.37.0-rc.1' })).toEqual(['controlPlane.advanced.cloudControllerManager.kubeOvn']);
  });

  test('names the license in the message and the fix', () => {
    const [w] = new VCluster(new Chart(Testing.app(), 'c'), 'vc1', { backingStore: BackingStore.embeddedEtcd() }).preflightWarnings;
    expect(`${w.message} ${w.fix}`).toBe('turns on a feature that needs a vCluster Pro license (vCluster chart 0.36.1 marks it "pro" in its ' +
      'values schema): ' +
      'without one, the virtual cluster fails when it starts. Make sure the virtual cluster gets a license (platform.apiKey), or leave ' +
        'controlPlane.backingStore.etcd.embedded.enabled out.');
  });
});
