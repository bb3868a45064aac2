import { Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { VCluster } from '../../src';
import { TestAppChart } from '../../examples/test-app';

describe('initManifests', () => {
  test('embeds the workloads into the config the vCluster applies when it starts', () => {
    const workloads = new TestAppChart(Testing.app(), 'test-app', { host: 'app.example.com' });
    const vc = new VCluster(Testing.chart(), 'vc1', { initManifests: [workloads] });
    const docs = parseAllDocuments(vc.values.experimental.deploy.vcluster.manifests).map((d) => d.toJS());
    expect(docs.map((d) => `${d.kind}/${d.metadata.namespace}/${d.metadata.name}`)).toEqual([
      'Namespace/undefined/test',
      'Deployment/test/test-app',
      'Service/test/test-app',
      'PersistentVolumeClaim/test/test-pvc',
      'Ingress/test/test-app',
    ]);
  });

  test('leaves raw values the last word', () => {
    const workloads = new TestAppChart(Testing.app(), 'test-app', { host: 'app.example.com' });
    const vc = new VCluster(Testing.chart(), 'vc1', {
      initManifests: [workloads],
      values: { experimental: { deploy: { vcluster: { manifests: 'kind: ConfigMap' } } } },
    });
    expect(vc.values.experimental.deploy.vcluster.manifests).toBe('kind: ConfigMap');
  });

  test('fails when the constructs hold no Kubernetes objects', () => {
    const empty = new Chart(Testing.app(), 'empty');
    expect(() => new VCluster(Testing.chart(), 'vc1', { initManifests: [empty] }).apiObjects).toThrow(
      'initManifests: expected constructs that contain Kubernetes objects, such as a Chart of workloads; these contain none. Got ["empty"].',
    );
  });
});
