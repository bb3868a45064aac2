import { chartRuleDiagnostics, validateChartRules } from '../../src/values/chart-validation';
import { coalesceValues } from '../../src/values/coalesce';
import { chartData, ChartVersion, DEFAULT_CHART_VERSION } from '../../src/values/chart-version';
import { ValueMap } from '../../src/values/value-map';

/** Runs the checks on the user values coalesced with the chart defaults, as the pipeline does. */
const check = (values: Record<string, unknown>) => () =>
  validateChartRules(coalesceValues(chartData(DEFAULT_CHART_VERSION).defaults as ValueMap, values), DEFAULT_CHART_VERSION);

describe('the chart template checks', () => {
  test('fails when a volume-snapshot key removed in 0.36.0 is set', () => {
    expect(check({ sync: { toHost: { volumeSnapshots: { enabled: true } } } }))
      .toThrow('sync.toHost.volumeSnapshots: was removed in vCluster 0.36.0 and is no longer supported, found {"enabled":true}. Remove it ' +
        'from your values.');
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

  test('names each deleted section once, in the order the chart reads them, and none inside a deleted one', () => {
    const values = coalesceValues(chartData(DEFAULT_CHART_VERSION).defaults as ValueMap,
      { sync: { toHost: null, fromHost: { nodes: null } }, controlPlane: { coredns: null }, exportKubeConfig: 'x' });
    expect(chartRuleDiagnostics(values, DEFAULT_CHART_VERSION).map((d) => `${d.path}: ${d.message}`)).toEqual([
      'controlPlane.coredns: missing, but the chart reads settings inside it (controlPlane.coredns); a null in the values deletes the chart\'s ' +
        'whole section.',
      'sync.fromHost.nodes: missing, but the chart reads settings inside it (sync.fromHost.nodes); a null in the values deletes the chart\'s ' +
        'whole section.',
      'sync.toHost: missing, but the chart reads settings inside it (sync.toHost.endpointSlices); a null in the values deletes the chart\'s ' +
        'whole section.',
    ]);
  });

  test('accepts a null that deletes a default the chart only reads as a whole', () => {
    expect(check({ controlPlane: { ingress: { annotations: null } }, logging: null })).not.toThrow();
  });
});

describe('the chart template checks per chart version', () => {
  const checkIn = (version: ChartVersion, values: Record<string, unknown>) => () =>
    validateChartRules(coalesceValues(chartData(version).defaults as ValueMap, values), version);

  test('accepts the volume-snapshot keys before 0.36.0, which had them', () => {
    expect(checkIn('0.35.3', { sync: { toHost: { volumeSnapshots: { enabled: true } } } })).not.toThrow();
  });

  test('fails in 0.37 when the kubevirt CSI driver runs without private nodes', () => {
    expect(checkIn('0.37.0-rc.1', { deploy: { csi: { kubeVirt: { enabled: true } } } })).toThrow(
      'deploy.csi.kubeVirt.enabled: the kubevirt CSI driver is only supported in private nodes mode. Set privateNodes.enabled: true, or ' +
        'disable the driver.',
    );
  });

  test('fails in 0.37 when the kubevirt CSI storage class and the local path provisioner are both the default', () => {
    expect(checkIn('0.37.0-rc.1', {
      privateNodes: { enabled: true },
      deploy: { localPathProvisioner: { enabled: true }, csi: { kubeVirt: { enabled: true, storageClass: { enabled: true, default: true } } } },
    })).toThrow(/^deploy\.csi\.kubeVirt\.storageClass\.default and deploy\.localPathProvisioner\.enabled both make a default storage class/);
  });

  test('fails in 0.37 when a volume of the control plane takes the name file logging reserves', () => {
    const values = { logging: { file: { enabled: true } }, controlPlane: { statefulSet: { persistence: { addVolumes: [{ name: 'a',
      emptyDir: {} }, { name: 'vcluster-logs', emptyDir: {} }] } } } };
    expect(checkIn('0.37.0-rc.1', values)).toThrow(
      'controlPlane.statefulSet.persistence.addVolumes[1]: the volume name vcluster-logs is reserved by the chart while ' +
        'logging.file.enabled is true. Rename the volume.',
    );
    expect(checkIn('0.37.0-rc.1', { ...values, logging: { file: { enabled: false } } })).not.toThrow();
  });
});
