import { validateChartRules } from '../../src/values/chart-validation';

describe('the chart template checks', () => {
  test('fails when a volume-snapshot key removed in 0.36.0 is set', () => {
    expect(() => validateChartRules({ sync: { toHost: { volumeSnapshots: { enabled: true } } } }))
      .toThrow('sync.toHost.volumeSnapshots: was removed in vCluster 0.36.0 and is no longer supported, found {"enabled":true}. Remove it from your values.');
    expect(() => validateChartRules({ rbac: { enableVolumeSnapshotRules: true } })).toThrow(/^rbac\.enableVolumeSnapshotRules: was removed/);
  });

  test('fails when exportKubeConfig.secret and additionalSecrets are both set', () => {
    expect(() => validateChartRules({ exportKubeConfig: { secret: { name: 'a' }, additionalSecrets: [{ name: 'b' }] } }))
      .toThrow('exportKubeConfig.secret and exportKubeConfig.additionalSecrets cannot be set at the same time.');
  });

  test('fails when an additional secret has neither name nor namespace', () => {
    expect(() => validateChartRules({ exportKubeConfig: { secret: { name: ' ' }, additionalSecrets: [{ name: 'ok' }, { context: 'x' }] } }))
      .toThrow('exportKubeConfig.additionalSecrets[1]: additional secret must have name and/or namespace set, found {"context":"x"}.');
  });

  test('accepts values that use neither', () => {
    expect(() => validateChartRules({ exportKubeConfig: { secret: { name: '' }, additionalSecrets: [] } })).not.toThrow();
  });
});
