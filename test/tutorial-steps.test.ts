import { readFileSync } from 'fs';
import { join } from 'path';
import { Size, Testing, Yaml } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { BackingStore, VCluster, VClusterProps } from '../src';
import { casesDir, corpusVersions, withCorpus } from './conformance/cases';
import { compareManifests } from './conformance/compare';

// The tutorial (../shared/seed/vcluster-tutorial.ru.md) builds vc1 up in five helm upgrades.
// Each step here is the typed form of that step's values file.
const nfs = { storageClass: 'managed-nfs-storage', size: Size.gibibytes(5) };

const step1: VClusterProps = {
  namespace: 'vc1',
  kubernetesVersion: 'v1.32.1',
  backingStore: BackingStore.deployedEtcd({ persistence: { enabled: true, ...nfs } }),
  controlPlane: { persistence: nfs },
  ingress: { host: 'vc1.kryukov.local' },
  exportKubeConfig: { context: 'vc1' },
  integrations: { metricsServer: { nodes: true, pods: true } },
};

const step2: VClusterProps = {
  ...step1,
  policies: {
    resourceQuota: {
      quota: { cpu: Cpu.units(4), memory: Size.gibibytes(5), limitsMemory: Size.gibibytes(5), pods: 15, requestsStorage: Size.gibibytes(20) },
    },
    limitRange: {
      default: { memory: Size.mebibytes(512), cpu: Cpu.units(1) },
      defaultRequest: { memory: Size.mebibytes(128), cpu: Cpu.millis(100) },
    },
  },
};

const step3: VClusterProps = {
  ...step2,
  controlPlane: {
    ...step2.controlPlane,
    podSecurityContext: { fsGroup: 12345 },
    containerSecurityContext: { runAsUser: 12345, runAsGroup: 12345, runAsNonRoot: true },
  },
};

const step4: VClusterProps = { ...step3, sync: { fromHost: { storageClasses: true } } };

const step5: VClusterProps = {
  ...step4,
  sync: { toHost: { ingresses: true }, fromHost: { storageClasses: true, ingressClasses: true } },
};

const STEPS: ReadonlyArray<readonly [string, string, VClusterProps]> = [
  ['1 (installation)', 'seed-01-base', step1],
  ['2 (resource quota and limit range)', 'seed-02-quotas', step2],
  ['3 (rootless control plane)', 'seed-03-rootless', step3],
  ['4 (StorageClass sync)', 'seed-04-sync-storage', step4],
  ['5 (IngressClass and Ingress sync)', 'seed-05-sync-ingress', step5],
];

describe('the tutorial written with the typed API', () => {
  // Each chart version's golden output: the same where the chart renders the same, different where it differs.
  withCorpus('The tutorial golden checks', () =>
    test.each(corpusVersions().flatMap((v) => STEPS.map(([step, seed, props]) => [step, seed, v, props] as const)))(
      'step %s renders exactly the golden output of %s in chart %s, config hash included',
      (_step, seed, chartVersion, props) => {
        const expected = readFileSync(join(casesDir(chartVersion), seed, 'expected.yaml'), 'utf8');
        const chart = Testing.chart();
        new VCluster(chart, 'vc1', { ...props, chartVersion });
        // The golden is helm template's output, which has no Namespace; the construct adds one.
        const objects = Testing.synth(chart).filter((o) => o.kind !== 'Namespace');
        expect(compareManifests(expected, Yaml.stringify(...objects), true)).toEqual([]);
      },
    ),
  );

  test('the ingress host becomes the certificate name and the kubeconfig server', () => {
    const vc = new VCluster(Testing.chart(), 'vc1', step1);
    expect(vc.values.controlPlane.proxy.extraSANs).toEqual(['vc1.kryukov.local']);
    expect(vc.values.exportKubeConfig).toMatchObject({ context: 'vc1', server: 'https://vc1.kryukov.local' });
  });

  test('the quota entries are written as the tutorial writes them, merged over the chart defaults', () => {
    const vc = new VCluster(Testing.chart(), 'vc1', step2);
    expect(vc.values.policies.resourceQuota.quota).toMatchObject({
      'cpu': '4', 'memory': '5Gi', 'limits.memory': '5Gi', 'pods': '15', 'requests.storage': '20Gi', 'requests.cpu': 10,
    });
  });
});
