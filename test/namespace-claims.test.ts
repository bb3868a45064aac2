import { App, Chart, Testing } from 'cdk8s';
import { VCluster } from '../src';

describe('host namespaces are unique within an app', () => {
  test('fails when the same virtual cluster is defined twice in one chart', () => {
    const chart = Testing.chart();
    new VCluster(chart, 'vc1');
    expect(() => new VCluster(chart, 'copy', { name: 'vc1' })).toThrow(
      'namespace: the virtual cluster "vc1" in namespace "vc1" is defined twice in this app, at test/vc1 and test/copy: ' +
      'both would render the same objects, and each apply of one would overwrite the other. Keep one, or give the other a name and ' +
        'namespace of its own.',
    );
  });

  test('fails when the same virtual cluster is defined in two charts of one app', () => {
    const app = Testing.app();
    new VCluster(new Chart(app, 'team-a'), 'vc1');
    expect(() => new VCluster(new Chart(app, 'team-b'), 'vc1')).toThrow(
      /^team-b\/vc1 \(release vc1\): namespace: the virtual cluster "vc1" in namespace "vc1" is defined twice in this app, at team-a\/vc1 and team-b\/vc1:/,
    );
  });

  test('fails when two virtual clusters share a namespace, which vCluster refuses', () => {
    const app = Testing.app();
    new VCluster(new Chart(app, 'a'), 'vc1', { namespace: 'shared' });
    expect(() => new VCluster(new Chart(app, 'b'), 'vc2', { namespace: 'shared' })).toThrow(
      'namespace: "shared" of the virtual cluster "vc2" (b/vc2) is already the namespace of the virtual cluster "vc1" (a/vc1): ' +
      'vCluster runs one virtual cluster per namespace (from 0.25 a second one refuses to start). Give each virtual cluster namespaces of its own.',
    );
  });

  test("fails when a virtual cluster syncs into another one's namespace", () => {
    const app = Testing.app();
    new VCluster(new Chart(app, 'a'), 'vc1');
    expect(() => new VCluster(new Chart(app, 'b'), 'vc2', { sync: { toHost: { namespaces: { mappings: { apps: 'vc1' } } } } })).toThrow(
      'sync.toHost.namespaces: host namespace "vc1" of the virtual cluster "vc2" (b/vc2) is already the namespace of the virtual cluster ' +
        '"vc1" (a/vc1): ' +
        "vCluster imports every object of a host namespace it maps to, so the two virtual clusters would take over each other's objects. " +
        'Give each virtual cluster namespaces of its own.',
    );
  });

  test('fails when two virtual clusters sync into the same host namespace', () => {
    const app = Testing.app();
    const namespaces = { mappings: { apps: 'shared-apps' } };
    new VCluster(new Chart(app, 'a'), 'vc1', { sync: { toHost: { namespaces } } });
    expect(() => new VCluster(new Chart(app, 'b'), 'vc2', { sync: { toHost: { namespaces } } })).toThrow(
      /^b\/vc2 \(release vc2\): sync\.toHost\.namespaces: host namespace "shared-apps" of the virtual cluster "vc2" \(b\/vc2\) is already a host namespace that the virtual cluster "vc1" \(a\/vc1\) syncs to:/,
    );
  });

  test('accepts the same virtual cluster in separate apps (one app per output folder)', () => {
    new VCluster(new Chart(new App(), 'vc1'), 'vc1');
    expect(() => new VCluster(new Chart(new App(), 'vc1'), 'vc1')).not.toThrow();
  });

  test('accepts many virtual clusters in one app, each in its own namespace', () => {
    const chart = Testing.chart();
    for (let i = 0; i < 5; i++) new VCluster(chart, `vc${i}`);
    expect(Testing.synth(chart).filter((o) => o.kind === 'Namespace')).toHaveLength(5);
  });
});
