import { ApiObject, Chart, Testing } from 'cdk8s';
import { FleetApp, VCluster } from '../src';

const WHY = 'Kubernetes holds one object per API group, kind, namespace and name, so each apply of one would overwrite the other '
  + '(and ArgoCD refuses such an app). Remove one, or rename it.';

describe('two objects of one app that Kubernetes would take for one are refused', () => {
  test('fails when a host manifest without a namespace is named like the chart\'s Service, naming both', () => {
    const chart = Testing.chart();
    new VCluster(chart, 'vc1', {
      values: { experimental: { deploy: { host: { manifests: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: vc1\nspec: {}\n' } } } },
    });
    expect(() => Testing.synth(chart)).toThrow(
      `Service "vc1" in namespace "vc1" (v1) is defined twice in this app, at test/vc1/HostManifest-Service-vc1 and test/vc1/Service: ${WHY}`);
  });

  test('fails when the app has a second Namespace of the virtual cluster\'s name', () => {
    const chart = Testing.chart();
    new VCluster(chart, 'vc1');
    new ApiObject(chart, 'mine', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'vc1' } });
    expect(() => Testing.synth(chart)).toThrow(`Namespace "vc1" (v1) is defined twice in this app, at test/vc1/Namespace and test/mine: ${WHY}`);
  });

  test('fails when an ApiObject of the user takes the name of the config Secret, in another chart of the app', () => {
    const app = Testing.app();
    new VCluster(new Chart(app, 'team-a'), 'vc1');
    new ApiObject(new Chart(app, 'extras'), 'config', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'vc-config-vc1', namespace: 'vc1' } });
    expect(() => app.synthYaml()).toThrow(
      `Secret "vc-config-vc1" in namespace "vc1" (v1) is defined twice in this app, at team-a/vc1/ConfigSecret and extras/config: ${WHY}`);
  });

  test('lists every duplicate of the app in one message', () => {
    const chart = Testing.chart();
    new VCluster(chart, 'vc1');
    new ApiObject(chart, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'vc1' } });
    new ApiObject(chart, 'sa', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'vc-vc1', namespace: 'vc1' } });
    expect(() => Testing.synth(chart)).toThrow(
      /Namespace "vc1" \(v1\) is defined twice .*\nServiceAccount "vc-vc1" in namespace "vc1" \(v1\) is defined twice/,
    );
  });

  test('takes objects that differ in API group, kind, namespace or name for different objects', () => {
    const chart = Testing.chart();
    new VCluster(chart, 'vc1');
    new ApiObject(chart, 'group', { apiVersion: 'example.com/v1', kind: 'Service', metadata: { name: 'vc1', namespace: 'vc1' } });
    new ApiObject(chart, 'kind', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'vc1', namespace: 'vc1' } });
    new ApiObject(chart, 'namespace', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'vc1', namespace: 'other' } });
    new ApiObject(chart, 'name', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'vc2', namespace: 'vc1' } });
    expect(Testing.synth(chart).filter((o) => o.kind === 'Service')).toHaveLength(5);
  });

  test('fails for duplicates between virtual clusters of a FleetApp too', () => {
    const app = new FleetApp({ outdir: Testing.app().outdir });
    new VCluster(new Chart(app, 'a'), 'vc1', { namespace: 'team-a' });
    new VCluster(new Chart(app, 'b'), 'vc2', { namespace: 'team-b', values: { experimental: { deploy: { host: { manifests:
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: vc1-headless\n  namespace: team-a\n' } } } } });
    expect(() => app.synthYaml()).toThrow(`Service "vc1-headless" in namespace "team-a" (v1) is defined twice in this app, at ` +
      `a/vc1/HeadlessService and b/vc2/HostManifest-Service-team-a-vc1-headless: ${WHY}`);
  });
});
