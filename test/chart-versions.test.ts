import { Testing } from 'cdk8s';
import { LogEncoding, VCluster, VClusterProps } from '../src';
import { typeCheck } from './import/program-runner';

const synth = (props: VClusterProps) => {
  const chart = Testing.chart();
  new VCluster(chart, 'vc1', { namespace: 'vc1', ...props });
  return Testing.synth(chart);
};
const role = (props: VClusterProps) => synth(props).find((o) => o.kind === 'Role')!;
const snapshotRules = (props: VClusterProps) =>
  (role(props).rules as { apiGroups: string[] }[]).filter((r) => r.apiGroups.includes('snapshot.storage.k8s.io'));

describe('chartVersion', () => {
  test('defaults to 0.36.1, the newest stable chart', () => {
    const statefulSet = synth({}).find((o) => o.kind === 'StatefulSet')!;
    expect(statefulSet.metadata.labels.chart).toBe('vcluster-0.36.1');
  });

  test('renders the chosen version: 0.35.3 grants the volume snapshot rules (rbac.enableVolumeSnapshotRules auto), 0.36.1 has none', () => {
    expect(snapshotRules({ chartVersion: '0.35.3' })).toEqual([
      { apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshots'], verbs: ['create', 'delete', 'patch', 'update', 'get', 'list'] },
    ]);
    expect(snapshotRules({})).toEqual([]);
  });

  test('takes the version\'s defaults: the config Secret of 0.35.3 still has the volume snapshot keys', () => {
    const vc = new VCluster(Testing.chart(), 'vc1', { chartVersion: '0.35.3' });
    expect(vc.values.rbac).toHaveProperty('enableVolumeSnapshotRules');
    expect(new VCluster(Testing.chart(), 'vc2', {}).values.rbac).not.toHaveProperty('enableVolumeSnapshotRules');
  });

  test('fails when values set the volume snapshot keys that 0.36.0 removed, and renders them under 0.35.3', () => {
    const values = { sync: { toHost: { volumeSnapshots: { enabled: true } } } };
    expect(() => synth({ values })).toThrow('sync.toHost.volumeSnapshots: was removed in vCluster 0.36.0 and is no longer supported');
    const rules = snapshotRules({ chartVersion: '0.35.3', values });
    expect(rules.map((r) => (r as unknown as { verbs: string[] }).verbs)).toEqual([
      ['create', 'delete', 'patch', 'update', 'get', 'list'],
      ['watch'],
    ]);
  });

  test('fails when a key is missing from the version, naming the nearest version with it', () => {
    // Raw values are typed for every version rendered here; the chosen version's schema decides at synth.
    expect(() => synth({ values: { logging: { file: { enabled: true } } } })).toThrow(
      "logging.file: unknown key (not in vCluster 0.36.1's values schema). The nearest chart version with it is 0.37.0-rc.1 (a pre-release)",
    );
  });

  test('fails when the version is not one rendered here', () => {
    expect(() => synth({ chartVersion: '0.30.0' as VClusterProps['chartVersion'] }))
      .toThrow('chartVersion: "0.30.0" is not a chart version rendered here. Choose one of 0.35.3, 0.36.1, 0.37.0-rc.1.');
  });
});

describe('raw values typed for every chart version', () => {
  const program = (props: string) => [
    "import { Testing } from 'cdk8s';",
    "import { VCluster } from 'cdk8s-vcluster';",
    `new VCluster(Testing.chart(), 'x', ${props});`,
    '',
  ].join('\n');

  test('a key only 0.37 has compiles with chartVersion 0.37.0-rc.1; a key no version has, or a wrong type, does not', () => {
    const diagnostics = typeCheck({
      newKey: program("{ chartVersion: '0.37.0-rc.1', values: { logging: { file: { enabled: true } } } }"),
      noVersionHasIt: program("{ values: { logging: { bogus: true } } }"),
      wrongType: program("{ chartVersion: '0.37.0-rc.1', values: { logging: { file: { enabled: 1 } } } }"),
    });
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0]).toMatch(/__generated__\/noVersionHasIt\.ts:3: .*'bogus' does not exist/);
    expect(diagnostics[1]).toMatch(/__generated__\/wrongType\.ts:3: Type 'number' is not assignable to type 'boolean \| undefined'/);
  });
});

describe('the logging prop', () => {
  test('turns on file logging in chart 0.37: the log volume, its mount and LOFT_LOG_FILE, as the chart renders them', () => {
    const sts = synth({ chartVersion: '0.37.0-rc.1', logging: { file: true, encoding: LogEncoding.JSON } }).find((o) => o.kind === 'StatefulSet')!;
    const pod = sts.spec.template.spec;
    expect(pod.volumes).toContainEqual({ name: 'vcluster-logs', emptyDir: { sizeLimit: '1Gi' } });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'vcluster-logs', mountPath: '/var/log/vcluster' });
    expect(pod.containers[0].env).toEqual(expect.arrayContaining([
      { name: 'LOFT_LOG_ENCODING', value: 'json' }, { name: 'LOFT_LOG_FILE', value: '/var/log/vcluster/vcluster.log' },
    ]));
  });

  test('fails when the chosen version has no file logging, naming the prop, the version and the nearest version with it', () => {
    expect(() => synth({ chartVersion: '0.36.1', logging: { file: true } })).toThrow(
      "logging.file: unknown key (not in vCluster 0.36.1's values schema). The nearest chart version with it is 0.37.0-rc.1 (a pre-release)",
    );
    expect(() => synth({ chartVersion: '0.35.3', logging: { file: false } })).toThrow("not in vCluster 0.35.3's values schema");
  });

  test('fails when the encoding is not one vCluster knows', () => {
    expect(() => synth({ logging: { encoding: 'text' as LogEncoding } })).toThrow('logging.encoding');
  });
});
