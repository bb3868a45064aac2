import { readFileSync } from 'fs';
import { join } from 'path';
import { Chart, Size, Testing } from 'cdk8s';
import { k8s, ServiceType } from 'cdk8s-plus-31';
import { tutorialProps } from '../../main';
import { leafPaths } from '../../src/import/values-tree';
import { resolveRootless } from '../../src/props/rootless';
import { PROP_TABLE } from '../../src/props/table';
import { VClusterProps } from '../../src/vcluster';

/** The rows of README's table of VCluster props, by prop name. */
function readmeProps(): string[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const table = readme.split('### The props')[1].split('\n\n')[1];
  return table.split('\n').slice(2).map((row) => /^\| `(\w+)` \|/.exec(row)![1]);
}

describe('the prop table', () => {
  test("README lists exactly the table's props, in its order, between the construct's own", () => {
    expect(readmeProps()).toEqual([
      'name', 'namespace', 'kubeVersion', 'createNamespace', ...PROP_TABLE.map((d) => d.prop), 'values',
    ]);
  });

  test('declares each prop once', () => {
    const props = PROP_TABLE.map((d) => d.prop);
    expect(new Set(props).size).toBe(props.length);
  });

  test('each prop writes only the values it declares', () => {
    const workloads = new Chart(Testing.app(), 'workloads');
    new k8s.KubeConfigMap(workloads, 'cm', { data: { a: 'b' } });
    const props: VClusterProps = {
      ...tutorialProps('vc1'),
      rootless: true,
      distro: { imagePullPolicy: 'Always', apiServer: { extraArgs: ['--v=2'] } },
      defaultImageRegistry: 'registry.example.com',
      controlPlane: { persistence: { size: Size.gibibytes(5) }, podLabels: { a: 'b' } },
      service: { type: ServiceType.NODE_PORT, httpsNodePort: 31443 },
      extraSans: ['10.0.0.1'],
      initManifests: [workloads],
    };
    const ids = resolveRootless(props.rootless);
    for (const d of PROP_TABLE) {
      const paths = leafPaths(d.encode(props, ids));
      expect(paths.length).toBeGreaterThan(0);
      const outside = paths.filter((p) => !d.writes.some((w) => p === w || p.startsWith(`${w}.`)));
      expect({ prop: d.prop, outside }).toEqual({ prop: d.prop, outside: [] });
    }
  });
});
