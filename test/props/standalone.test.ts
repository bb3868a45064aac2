import { synthVCluster } from '../typed-helper';
import { expectTypedImport } from '../import/import-helper';

describe('the standalone prop', () => {
  test('true switches standalone mode on; options write what they give', () => {
    expect(synthVCluster({ standalone: true }).vc.values.controlPlane.standalone).toMatchObject({ enabled: true });
    const { vc } = synthVCluster({ standalone: { dataDir: '/data/vcluster', joinNode: { containerd: false }, autoNodes: { quantity: 3 } } });
    expect(vc.values.controlPlane.standalone).toEqual({
      dataDir: '/data/vcluster', joinNode: { enabled: true, containerd: { enabled: false } }, autoNodes: { quantity: 3 },
    });
  });

  test('the control plane node may stay out of the virtual cluster\'s nodes', () => {
    const { vc } = synthVCluster({ standalone: { enabled: true, joinNode: false } });
    expect(vc.values.controlPlane.standalone.joinNode).toMatchObject({ enabled: false });
  });

  test('fails when the number of control plane nodes is not a whole number of at least 1', () => {
    expect(() => synthVCluster({ standalone: { autoNodes: { quantity: 0 } } })).toThrow(
      'standalone.autoNodes.quantity: expected at least 1 control plane node. Got 0.',
    );
  });

  test('fails when advertiseAddress is given for chart 0.35, which has no such key', () => {
    expect(() => synthVCluster({ chartVersion: '0.35.3', standalone: { enabled: true, advertiseAddress: '10.0.0.5' } })).toThrow(
      "standalone.advertiseAddress: unknown key (not in vCluster 0.35.3's values schema). The nearest chart version with it is 0.36.1",
    );
  });

  test('imports the docs\' standalone settings as typed props that render what the chart renders', () => {
    for (const [yaml, snippet] of [
      ['controlPlane:\n  standalone:\n    enabled: true\n    joinNode:\n      enabled: true\n      containerd:\n        enabled: true\n',
        'standalone: true'],
      ['controlPlane:\n  standalone:\n    autoNodes:\n      quantity: 3\n', 'standalone: { autoNodes: { quantity: 3 } }'],
      ['controlPlane:\n  standalone:\n    enabled: true\n    joinNode:\n      enabled: false\n', 'standalone: { enabled: true, joinNode: false }'],
    ] as const) {
      expectTypedImport(yaml, snippet);
    }
  });
});
