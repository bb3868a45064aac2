import { expectTypedImport, vc1 } from '../import/import-helper';
import { synthVCluster } from '../typed-helper';

describe('the syncSettings prop', () => {
  test('setOwner: false leaves the owner reference off synced objects; the bind addresses serve the managers\' metrics', () => {
    const { vc } = synthVCluster({ syncSettings: { setOwner: false, hostMetricsBindAddress: ':8080', virtualMetricsBindAddress: '127.0.0.1:8081' } });
    expect(vc.values.experimental.syncSettings).toEqual({
      setOwner: false, hostMetricsBindAddress: ':8080', virtualMetricsBindAddress: '127.0.0.1:8081',
    });
  });

  test('"0" switches a metrics server off, as vCluster\'s default does', () => {
    expect(synthVCluster({ syncSettings: { hostMetricsBindAddress: '0' } }).vc.values.experimental.syncSettings)
      .toEqual({ setOwner: true, hostMetricsBindAddress: '0' });
  });

  test('fails when a bind address is neither "0" nor host:port', () => {
    for (const [prop, address] of [['hostMetricsBindAddress', '8080'], ['virtualMetricsBindAddress', 'localhost:99999']] as const) {
      expect(() => synthVCluster({ syncSettings: { [prop]: address } })).toThrow(
        `syncSettings.${prop}: must be host:port to serve the metrics at, e.g. ":8080" or "127.0.0.1:8080" (an IPv6 address in brackets), `
        + `or "0" for no metrics. Got "${address}".`,
      );
    }
    expect(() => synthVCluster({ syncSettings: { hostMetricsBindAddress: '' } })).toThrow('syncSettings.hostMetricsBindAddress: must be host:port');
  });

  test('imports the docs\' KAI scheduler setting as typed props that render what the chart renders', () => {
    expectTypedImport('experimental:\n  syncSettings:\n    setOwner: false\n', 'syncSettings: { setOwner: false },');
    expectTypedImport('experimental:\n  syncSettings:\n    virtualMetricsBindAddress: "[::]:8081"\n',
      "syncSettings: { virtualMetricsBindAddress: '[::]:8081' },");
  });

  test('imports the chart\'s own setOwner: true (vCluster\'s e2e values) as nothing', () => {
    const result = vc1('experimental:\n  syncSettings:\n    setOwner: true\n');
    expect(result.raw).toEqual({});
    expect(result.program).not.toContain('syncSettings');
  });
});
