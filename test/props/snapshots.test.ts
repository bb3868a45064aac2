import { Duration } from 'cdk8s';
import { ConfigSecret, RemoteSecret, SnapshotStorage } from '../../src';
import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { manifest, synthVCluster } from '../typed-helper';

const EVERY_12_HOURS = '0 */12 * * *';

describe('snapshots', () => {
  test('writes the docs\' automatic snapshots to S3: schedule, time zone, retention and storage', () => {
    const { vc } = synthVCluster({
      snapshots: {
        auto: {
          schedule: EVERY_12_HOURS,
          timezone: 'America/New_York',
          retentionPeriod: Duration.days(30),
          maxSnapshots: 14,
          storage: SnapshotStorage.s3({ url: 's3://my-bucket/path', credential: { secretName: 'aws-cred', secretNamespace: 'p-default' } }),
        },
      },
    });
    expect(vc.values.snapshots).toEqual({
      auto: {
        schedule: EVERY_12_HOURS,
        timezone: 'America/New_York',
        retention: { period: 30, maxSnapshots: 14 },
        storage: { type: 's3', s3: { url: 's3://my-bucket/path', credential: { secretName: 'aws-cred', secretNamespace: 'p-default' } } },
      },
    });
  });

  test('each storage writes its type and the section of that type', () => {
    const storage = (s: SnapshotStorage) => synthVCluster({ snapshots: { auto: { schedule: EVERY_12_HOURS, storage: s } } })
      .vc.values.snapshots.auto.storage;
    expect(storage(SnapshotStorage.oci({ repository: 'oci://ghcr.io/org/snapshots', credential: { secretName: 'oci-cred' } }))).toEqual({
      type: 'oci', oci: { repository: 'oci://ghcr.io/org/snapshots', credential: { secretName: 'oci-cred' } },
    });
    expect(storage(SnapshotStorage.container({ path: '/snapshots', volume: { name: 'snapshots', path: '/snapshots' } }))).toEqual({
      type: 'container', container: { path: '/snapshots', volume: { name: 'snapshots', path: '/snapshots' } },
    });
    expect(storage(SnapshotStorage.azure({ blobUrl: 'https://acct.blob.core.windows.net/c/p' }))).toEqual({
      type: 'azure', azure: { blobUrl: 'https://acct.blob.core.windows.net/c/p' },
    });
  });

  test('an OCI password is a RemoteSecret: the ExternalSecret reads it from the store, the output never holds it', () => {
    const { vc, manifests } = synthVCluster({
      configSecret: ConfigSecret.externalSecret({ store: { name: 'vault' } }),
      snapshots: {
        auto: {
          schedule: EVERY_12_HOURS,
          storage: SnapshotStorage.oci({
            repository: 'oci://ghcr.io/org/snapshots', username: 'robot', password: RemoteSecret.of({ key: 'registry', property: 'password' }),
          }),
        },
      },
    });
    expect(vc.values.snapshots.auto.storage.oci).toEqual({ repository: 'oci://ghcr.io/org/snapshots', username: 'robot' });
    const spec = manifest(manifests, 'ExternalSecret', 'vc-config-vc1').spec;
    expect(spec.data).toEqual([{ secretKey: 'snapshots_auto_storage_oci_password', remoteRef: { key: 'registry', property: 'password' } }]);
    expect(spec.target.template.data['config.yaml']).toContain('password: {{ .snapshots_auto_storage_oci_password | toJson }}');
  });

  test('fails when an OCI password is a RemoteSecret without a store to read it from', () => {
    expect(() => synthVCluster({
      snapshots: {
        auto: {
          schedule: EVERY_12_HOURS,
          storage: SnapshotStorage.oci({ repository: 'oci://r/s', username: 'u', password: RemoteSecret.of({ key: 'registry' }) }),
        },
      },
    })).toThrow('snapshots.auto.storage.password: a RemoteSecret is read by the External Secrets Operator: set configSecret: ' +
      'ConfigSecret.externalSecret({ store: { name: "..." } }) to say from which store. Got {"key":"registry"}.');
  });

  test('an OCI password in clear is a credential: refused, naming its path, until configSecret says where it goes', () => {
    const snapshots = {
      auto: { schedule: EVERY_12_HOURS, storage: SnapshotStorage.oci({ repository: 'oci://r/s', username: 'u', password: 'hunter2' }) },
    };
    expect(() => synthVCluster({ snapshots })).toThrow('snapshots.auto.storage.oci.password: a password');
    expect(() => synthVCluster({ snapshots })).not.toThrow(/hunter2/);
    const { vc } = synthVCluster({ snapshots, configSecret: ConfigSecret.plaintextInGit() });
    expect(vc.values.snapshots.auto.storage.oci).toEqual({ repository: 'oci://r/s', username: 'u', password: 'hunter2' });
  });

  test('fails when an OCI password is neither a RemoteSecret nor a password, without showing it', () => {
    for (const password of ['', 1234 as unknown as string]) {
      expect(() => SnapshotStorage.oci({ repository: 'oci://r/s', password })).toThrow(
        'snapshots.auto.storage.password: give RemoteSecret.of({ key: "..." }), which the External Secrets Operator reads, the password ' +
          '(a credential: configSecret says where it goes), or a Secret as credential: { secretName: "..." }. Got ');
    }
    expect(() => SnapshotStorage.oci({ repository: 'oci://r/s', password: 1234 as unknown as string })).not.toThrow(/1234/);
  });

  test('imports the docs\' OCI snapshots with a password as typed props, the config Secret kept in clear knowingly', () => {
    const result = vc1(`snapshots:
  auto:
    schedule: "0 */12 * * *"
    storage:
      type: oci
      oci:
        repository: oci://my-registry/snapshots
        username: my-username
        password: my-password
`);
    expect(result.raw).toEqual({});
    expect(result.program).toContain("password: 'my-password'");
    expect(result.program).toContain('configSecret: ConfigSecret.plaintextInGit(),');
    const { options } = result;
    const rendered = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(rendered, runProgram(result.program), true)).toEqual([]);
  });

  test('fails when the S3 location lacks its s3:// scheme', () => {
    expect(() => SnapshotStorage.s3({ url: 'my-bucket/snapshots' })).toThrow(
      'snapshots.auto.storage.url: give a location starting with s3://, e.g. "s3://my-bucket/snapshots". Got "my-bucket/snapshots".');
  });

  test('fails when the retention period is not whole days', () => {
    expect(() => synthVCluster({
      snapshots: { auto: { schedule: EVERY_12_HOURS, retentionPeriod: Duration.hours(5), storage: SnapshotStorage.s3({ url: 's3://b/p' }) } },
    })).toThrow('snapshots.auto.retentionPeriod: vCluster keeps snapshots for whole days: give e.g. Duration.days(30). Got "18000s".');
  });

  test('volumes exist in chart 0.35 only: 0.36.1 refuses them, naming 0.35.3', () => {
    const snapshots = { auto: { schedule: EVERY_12_HOURS, volumes: true, storage: SnapshotStorage.s3({ url: 's3://b/p' }) } };
    expect(synthVCluster({ chartVersion: '0.35.3', snapshots }).vc.values.snapshots.auto.volumes).toEqual({ enabled: true });
    expect(() => synthVCluster({ chartVersion: '0.36.1', snapshots })).toThrow(
      'snapshots.auto.volumes: unknown key (not in vCluster 0.36.1\'s values schema). The nearest chart version with it is 0.35.3: choose ' +
        'chart version 0.35.3 (chartVersion, --version), or remove it.');
  });

  test('imports the docs\' snapshot values as the typed prop, rendering what the chart renders', () => {
    const result = vc1(`
snapshots:
  auto:
    schedule: 0 */12 * * *
    timezone: America/New_York
    retention:
      period: 30
      maxSnapshots: 14
    storage:
      type: oci
      oci:
        repository: oci://my-registry/snapshots
        credential:
          secretName: oci-cred
          secretNamespace: p-default
`);
    expect(result.raw).toEqual({});
    expect(result.program).toContain([
      '      snapshots: {',
      '        auto: {',
      "          schedule: '0 */12 * * *',",
      '          storage: SnapshotStorage.oci({',
      "            repository: 'oci://my-registry/snapshots',",
      "            credential: { secretName: 'oci-cred', secretNamespace: 'p-default' },",
      '          }),',
      "          timezone: 'America/New_York',",
      '          retentionPeriod: Duration.days(30),',
      '          maxSnapshots: 14,',
      '        },',
      '      },',
    ].join('\n'));
    const expected = renderTemplate({ name: 'vc1', namespace: 'vc1', values: result.options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });
});
