import { CHART_DEFAULTS } from '../../imports/0.36.1/chart-defaults';
import { validateChartRules } from '../../src/values/chart-validation';
import { coalesceValues } from '../../src/values/coalesce';

/** Runs the checks on the user values coalesced with the chart defaults, as the pipeline does. */
const check = (values: Record<string, unknown>) => () => validateChartRules(coalesceValues(CHART_DEFAULTS, values));

describe('the chart template checks', () => {
  test('fails when a volume-snapshot key removed in 0.36.0 is set', () => {
    expect(check({ sync: { toHost: { volumeSnapshots: { enabled: true } } } }))
      .toThrow('sync.toHost.volumeSnapshots: was removed in vCluster 0.36.0 and is no longer supported, found {"enabled":true}. Remove it from your values.');
    expect(check({ rbac: { enableVolumeSnapshotRules: true } })).toThrow(/^rbac\.enableVolumeSnapshotRules: was removed/);
  });

  test('fails when exportKubeConfig.secret and additionalSecrets are both set', () => {
    expect(check({ exportKubeConfig: { secret: { name: 'a' }, additionalSecrets: [{ name: 'b' }] } }))
      .toThrow('exportKubeConfig.secret and exportKubeConfig.additionalSecrets cannot be set at the same time.');
  });

  test('fails when an additional secret has neither name nor namespace', () => {
    expect(check({ exportKubeConfig: { secret: { name: ' ' }, additionalSecrets: [{ name: 'ok' }, { context: 'x' }] } }))
      .toThrow('exportKubeConfig.additionalSecrets[1]: additional secret must have name and/or namespace set, found {"context":"x"}.');
  });

  test('accepts the chart defaults', () => {
    expect(check({})).not.toThrow();
  });

  test('fails when a null in the values deletes a section the chart reads, naming it', () => {
    expect(check({ sync: { toHost: null } })).toThrow(/^sync\.toHost: missing, but the chart reads settings inside it/);
    expect(check({ sync: null })).toThrow(/^sync: missing/);
  });

  test('accepts a null that deletes a default the chart only reads as a whole', () => {
    expect(check({ controlPlane: { ingress: { annotations: null } }, logging: null })).not.toThrow();
  });
});
