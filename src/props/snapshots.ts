import { Duration } from 'cdk8s';
import type { VClusterValues } from '../../imports/chart-versions';
import { RemoteSecret, RemoteSecretRef } from './config-secret';
import { durationSeconds } from './quantities';
import { checkNonEmpty, checkWholeNumber, fail } from './validation';
import { isMap, ValueMap } from '../values/value-map';

/**
 * A Secret on the host holding the storage's credentials (vcluster.yaml `credential`): the
 * values carry its name only, never the credentials.
 */
export interface SnapshotCredential {
  /** The Secret's name. */
  readonly secretName: string;
  /**
   * The Secret's namespace: the control plane needs to be allowed to read it there.
   * @default - the virtual cluster's namespace
   */
  readonly secretNamespace?: string;
}

/** Options of {@link SnapshotStorage.s3}. */
export interface S3SnapshotStorageOptions {
  /** The bucket and path, prefixed with `s3://`, e.g. "s3://my-bucket/snapshots". */
  readonly url: string;
  /**
   * A Secret with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN).
   * @default - the control plane's own identity (e.g. IRSA or Pod Identity)
   */
  readonly credential?: SnapshotCredential;
}

/** Options of {@link SnapshotStorage.oci}. */
export interface OciSnapshotStorageOptions {
  /** The repository, prefixed with `oci://`, e.g. "oci://ghcr.io/my-org/snapshots". */
  readonly repository: string;
  /**
   * A Secret with the registry's credentials.
   * @default - none
   */
  readonly credential?: SnapshotCredential;
  /**
   * The user name to log in to the registry with, beside `password`.
   * @default - none
   */
  readonly username?: string;
  /**
   * The registry password: a `RemoteSecret`, read by the External Secrets Operator from the store of
   * `configSecret: ConfigSecret.externalSecret(...)`, or a string, a credential in clear that the
   * construct refuses unless `configSecret` says where it goes (e.g. `ConfigSecret.sealedSecret(...)`).
   * Better still, name a Secret with `credential`.
   * @default - none
   */
  readonly password?: string | RemoteSecret;
}

/** Options of {@link SnapshotStorage.container}. */
export interface ContainerSnapshotStorageOptions {
  /** The directory in the control plane container, e.g. "/snapshots". */
  readonly path: string;
  /** The volume of the control plane pod that holds the directory (vCluster requires one). */
  readonly volume: SnapshotVolumeOptions;
}

/** The volume of {@link ContainerSnapshotStorageOptions}. */
export interface SnapshotVolumeOptions {
  /** The volume's name (a volume of the control plane pod). */
  readonly name: string;
  /** Where it is mounted. */
  readonly path: string;
}

/** Options of {@link SnapshotStorage.azure}. */
export interface AzureSnapshotStorageOptions {
  /** The blob URL, e.g. "https://account.blob.core.windows.net/container/path". */
  readonly blobUrl: string;
  /**
   * A Secret with AZURE_STORAGE_KEY, or a service principal's AZURE_TENANT_ID, AZURE_CLIENT_ID,
   * AZURE_CLIENT_SECRET, AZURE_SUBSCRIPTION_ID and AZURE_RESOURCE_GROUP.
   * @default - none
   */
  readonly credential?: SnapshotCredential;
}

type RemoteSecrets = Map<string, { readonly prop: string; readonly ref: RemoteSecretRef }>;
const SECTIONS = new WeakMap<SnapshotStorage, ValueMap>();
const REMOTE_SECRETS = new WeakMap<SnapshotStorage, RemoteSecrets>();

const PROP = 'snapshots.auto.storage';

/**
 * Where automatic snapshots are stored: vcluster.yaml `snapshots.auto.storage`, its `type` and
 * the section of that type. Options are checked when the storage is made.
 */
export class SnapshotStorage {
  /** An S3-compatible bucket. */
  public static s3(options: S3SnapshotStorageOptions): SnapshotStorage {
    checkPrefixed(`${PROP}.url`, options?.url, 's3://', '"s3://my-bucket/snapshots"');
    return new SnapshotStorage('s3', { url: options.url, credential: credential(`${PROP}.credential`, options.credential) });
  }

  /** An OCI image registry. */
  public static oci(options: OciSnapshotStorageOptions): SnapshotStorage {
    checkPrefixed(`${PROP}.repository`, options?.repository, 'oci://', '"oci://ghcr.io/my-org/snapshots"');
    const password = options.password;
    if (password !== undefined && !(password instanceof RemoteSecret) && (typeof password !== 'string' || password === '')) {
      fail(`${PROP}.password`, password, 'give RemoteSecret.of({ key: "..." }), which the External Secrets Operator reads, ' +
        'the password (a credential: configSecret says where it goes), or a Secret as credential: { secretName: "..." }.');
    }
    const storage = new SnapshotStorage('oci', {
      repository: options.repository,
      credential: credential(`${PROP}.credential`, options.credential),
      username: options.username,
      password: typeof password === 'string' ? password : undefined,
    });
    if (password instanceof RemoteSecret) {
      REMOTE_SECRETS.set(storage, new Map([[`${PROP}.oci.password`, { prop: `${PROP}.password`, ref: password.ref }]]));
    }
    return storage;
  }

  /** Files in the control plane container (on one of its volumes). */
  public static container(options: ContainerSnapshotStorageOptions): SnapshotStorage {
    checkNonEmpty(`${PROP}.path`, options?.path, 'give the directory, e.g. "/snapshots".');
    const volume = options.volume;
    checkNonEmpty(`${PROP}.volume.name`, volume?.name, 'give the name of a volume of the control plane pod, e.g. volume: { name: "snapshots", ' +
      'path: "/snapshots" }.');
    checkNonEmpty(`${PROP}.volume.path`, volume.path, 'give where the volume is mounted, e.g. "/snapshots".');
    return new SnapshotStorage('container', { path: options.path, volume: { name: volume.name, path: volume.path } });
  }

  /** An Azure Blob Storage container. */
  public static azure(options: AzureSnapshotStorageOptions): SnapshotStorage {
    checkPrefixed(`${PROP}.blobUrl`, options?.blobUrl, 'https://', '"https://account.blob.core.windows.net/container/path"');
    return new SnapshotStorage('azure', { blobUrl: options.blobUrl, credential: credential(`${PROP}.credential`, options.credential) });
  }

  private constructor(type: string, section: ValueMap) {
    SECTIONS.set(this, { type, [type]: section });
  }
}

/** Automatic snapshots (vcluster.yaml `snapshots.auto`). */
export interface AutoSnapshotsOptions {
  /** When to take a snapshot, in cron format, e.g. "0 *\/12 * * *" (every 12 hours). */
  readonly schedule: string;
  /** Where the snapshots are stored (vCluster requires it). */
  readonly storage: SnapshotStorage;
  /**
   * The IANA time zone of the schedule, e.g. "America/New_York".
   * @default "UTC" (vCluster's)
   */
  readonly timezone?: string;
  /**
   * How long snapshots are kept (`retention.period`), in whole days.
   * @default - vCluster's
   */
  readonly retentionPeriod?: Duration;
  /**
   * How many snapshots are kept at most (`retention.maxSnapshots`).
   * @default - vCluster's
   */
  readonly maxSnapshots?: number;
  /**
   * Whether snapshots include the volumes too (`volumes.enabled`). Chart 0.35 only: later versions
   * refuse it, naming 0.35.3.
   * @default - vCluster's: no volumes
   */
  readonly volumes?: boolean;
}

/** Snapshots of the virtual cluster (vcluster.yaml `snapshots`). */
export interface SnapshotsOptions {
  /**
   * Snapshots taken on a schedule.
   * @default - none
   */
  readonly auto?: AutoSnapshotsOptions;
}

/** `snapshots`. */
export function snapshotsSection(snapshots: SnapshotsOptions): VClusterValues['snapshots'] {
  const auto = snapshots.auto;
  if (auto !== undefined) {
    checkNonEmpty('snapshots.auto.schedule', auto?.schedule, 'give a cron schedule, e.g. "0 */12 * * *" (every 12 hours).');
    checkWholeNumber('snapshots.auto.maxSnapshots', auto.maxSnapshots, 1, 'must be a whole number of at least 1.');
    if (auto.storage === undefined) fail('snapshots.auto.storage', auto.storage, 'give where the snapshots go, e.g. SnapshotStorage.s3({ url: ' +
      '"s3://my-bucket/snapshots" }).');
  }
  const period = auto?.retentionPeriod && days('snapshots.auto.retentionPeriod', auto.retentionPeriod);
  if (auto === undefined) return {};
  return {
    auto: {
      schedule: auto.schedule,
      timezone: auto.timezone,
      ...(period !== undefined || auto.maxSnapshots !== undefined ? { retention: { period, maxSnapshots: auto.maxSnapshots } } : {}),
      storage: storageSection(auto.storage),
      ...(auto.volumes !== undefined ? { volumes: { enabled: auto.volumes } } : {}),
    },
  } as VClusterValues['snapshots'];
}

/** The storage's credentials the External Secrets Operator reads, by values path. */
export function snapshotsRemoteSecrets(
  snapshots: SnapshotsOptions | undefined,
): ReadonlyMap<string, { readonly prop: string; readonly ref: RemoteSecretRef }> {
  const storage = snapshots?.auto?.storage;
  return (storage && REMOTE_SECRETS.get(storage)) ?? new Map();
}

function storageSection(storage: SnapshotStorage): ValueMap {
  const section = SECTIONS.get(storage);
  if (section === undefined) fail(PROP, storage, 'make the storage with one of the SnapshotStorage factories, e.g. SnapshotStorage.s3({ url }).');
  return section;
}

function days(prop: string, period: Duration): number {
  const seconds = durationSeconds(prop, period);
  if (seconds % 86400 !== 0) fail(prop, `${seconds}s`, 'vCluster keeps snapshots for whole days: give e.g. Duration.days(30).');
  return seconds / 86400;
}

function credential(prop: string, c: SnapshotCredential | undefined): ValueMap | undefined {
  if (c === undefined) return undefined;
  if (!isMap(c)) fail(prop, c, 'give the Secret holding the credentials, e.g. { secretName: "s3-credentials" }.');
  checkNonEmpty(`${prop}.secretName`, c.secretName, 'give the name of the Secret holding the credentials, e.g. "s3-credentials".');
  return { secretName: c.secretName, secretNamespace: c.secretNamespace };
}

function checkPrefixed(prop: string, value: string | undefined, prefix: string, example: string): void {
  if (typeof value !== 'string' || !value.startsWith(prefix) || value.length === prefix.length) {
    fail(prop, value, `give a location starting with ${prefix}, e.g. ${example}.`);
  }
}
