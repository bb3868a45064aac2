import { synthVCluster } from '../typed-helper';
import { expectTypedImport } from '../import/import-helper';

describe('the hostPathMapper prop', () => {
  test('true lets vCluster use the HostPath Mapper; central picks vCluster Platform\'s', () => {
    expect(synthVCluster({ hostPathMapper: true }).vc.values.controlPlane.hostPathMapper).toEqual({ enabled: true });
    expect(synthVCluster({ hostPathMapper: { central: true } }).vc.values.controlPlane.hostPathMapper).toEqual({ enabled: true, central: true });
  });

  test('fails when it is neither a switch nor options', () => {
    expect(() => synthVCluster({ hostPathMapper: 'yes' as any })).toThrow(
      'hostPathMapper: expected a boolean (true or false) or an object, got a string.',
    );
  });

  test('imports the docs\' HostPath Mapper settings as typed props that render what the chart renders', () => {
    for (const [yaml, snippet] of [
      ['controlPlane:\n  hostPathMapper:\n    enabled: true\n', 'hostPathMapper: true'],
      ['controlPlane:\n  hostPathMapper:\n    enabled: true\n    central: true\n', 'hostPathMapper: { central: true }'],
    ] as const) {
      expectTypedImport(yaml, snippet);
    }
  });
});
