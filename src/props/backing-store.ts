import { volumeClaimValues, VolumeClaimOptions } from './persistence';
import { ValueMap } from '../values/value-map';
import { RootlessIds } from './rootless';
import { madeFrom } from './factory-options';
import { RemoteSecret, RemoteSecretRef } from './config-secret';
import { checkNonEmpty, checkWholeNumber, fail } from './validation';
import { workloadValues, WorkloadOptions } from './workload';

/** Etcd running inside the control plane pods. */
export interface EmbeddedEtcdOptions {
  /**
   * Move the data of a previously deployed etcd into the embedded one on the next start.
   * @default false
   */
  readonly migrateFromDeployedEtcd?: boolean;

  /**
   * Committed transactions between etcd snapshots (`--snapshot-count`).
   * @default - etcd's default
   */
  readonly snapshotCount?: number;

  /**
   * Extra etcd command-line flags.
   * @default - none
   */
  readonly extraArgs?: string[];
}

/** The volume claim each deployed etcd member keeps its data on. */
export interface EtcdPersistenceOptions extends VolumeClaimOptions {
  /**
   * Keep the data on a volume claim. Without one, etcd keeps it in an emptyDir and loses it
   * when its pod goes.
   * @default true
   */
  readonly enabled?: boolean;
}

/** The Service in front of the deployed etcd members. */
export interface EtcdServiceOptions {
  /**
   * Create the Service (the control plane reaches etcd through it).
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Extra annotations of the Service.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}

/** The headless Service that gives the deployed etcd members their names. */
export interface EtcdHeadlessServiceOptions {
  /**
   * Extra annotations of the headless Service.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}

/** Etcd deployed by the chart as its own StatefulSet beside the control plane. */
export interface DeployedEtcdOptions extends WorkloadOptions {
  /**
   * Etcd members. An odd number keeps a quorum through failures.
   * @default 1
   */
  readonly replicas?: number;

  /**
   * The members' volume claims.
   * @default - a 5Gi claim of the default StorageClass per member
   */
  readonly persistence?: EtcdPersistenceOptions;

  /**
   * Extra etcd command-line flags.
   * @default - none
   */
  readonly extraArgs?: string[];

  /**
   * The etcd Service (`service`).
   * @default - the chart's Service, without extra annotations
   */
  readonly service?: EtcdServiceOptions;

  /**
   * The etcd headless Service (`headlessService`).
   * @default - the chart's headless Service, without extra annotations
   */
  readonly headlessService?: EtcdHeadlessServiceOptions;
}

/** Client certificates for an external etcd, as paths inside the control plane container. */
export interface EtcdTlsOptions {
  /**
   * The CA bundle that signed etcd's serving certificate.
   * @default - none
   */
  readonly caFile?: string;

  /**
   * The client certificate.
   * @default - none
   */
  readonly certFile?: string;

  /**
   * The client certificate's key.
   * @default - none
   */
  readonly keyFile?: string;
}

/** An etcd cluster run outside the virtual cluster. */
export interface ExternalEtcdOptions {
  /** The etcd endpoint, e.g. "etcd.example.com:2379". */
  readonly endpoint: string;

  /**
   * Client TLS.
   * @default - no client certificates
   */
  readonly tls?: EtcdTlsOptions;
}

/** The embedded database (SQLite by default). */
export interface EmbeddedDatabaseOptions {
  /**
   * Extra kine command-line flags.
   * @default - none
   */
  readonly extraArgs?: string[];
}

/** An external SQL database (MySQL, PostgreSQL) the control plane stores its state in through kine. */
export interface ExternalDatabaseOptions {
  /**
   * The kine data source, e.g. "postgres://vcluster@db.example.com:5432/vc1". Required unless
   * `connector` names a vCluster Platform database connector. A password in it is a credential:
   * prefer `identityProvider`, or give a `RemoteSecret` the External Secrets Operator reads
   * (with `configSecret: ConfigSecret.externalSecret(...)`), or say with `configSecret` where it goes.
   * @default - none
   */
  readonly dataSource?: string | RemoteSecret;

  /**
   * A vCluster Platform database connector to take the database from.
   * @default - none
   */
  readonly connector?: string;

  /**
   * The cloud identity provider to authenticate with instead of a password ("aws").
   * @default - none
   */
  readonly identityProvider?: string;

  /**
   * The CA bundle of the database's serving certificate, as a path in the container.
   * @default - none
   */
  readonly caFile?: string;

  /**
   * The client certificate, as a path in the container.
   * @default - none
   */
  readonly certFile?: string;

  /**
   * The client certificate's key, as a path in the container.
   * @default - none
   */
  readonly keyFile?: string;

  /**
   * Extra kine command-line flags.
   * @default - none
   */
  readonly extraArgs?: string[];
}

const annotations = (a: { readonly [key: string]: string } | undefined) => a && { ...a };

type Fragment = (ids: RootlessIds | undefined) => ValueMap;
const FRAGMENTS = new WeakMap<BackingStore, Fragment>();
const REMOTE_SECRETS = new WeakMap<BackingStore, Map<string, { readonly prop: string; readonly ref: RemoteSecretRef }>>();

/**
 * Where the virtual cluster stores its state: vcluster.yaml's `controlPlane.backingStore`. One
 * value, so two stores at once cannot be asked for. Options are checked when the store is made.
 */
export class BackingStore {
  /** Etcd inside the control plane pods; the control plane becomes a StatefulSet. */
  public static embeddedEtcd(options: EmbeddedEtcdOptions = {}): BackingStore {
    checkWholeNumber('backingStore.snapshotCount', options.snapshotCount, 1, 'must be a whole number of at least 1.');
    return madeFrom(new BackingStore(() => ({
      etcd: {
        embedded: {
          enabled: true,
          migrateFromDeployedEtcd: options.migrateFromDeployedEtcd,
          snapshotCount: options.snapshotCount,
          extraArgs: options.extraArgs && [...options.extraArgs],
        },
      },
    })), options, BackingStore.embeddedEtcd);
  }

  /** Etcd as a StatefulSet of its own, deployed with the virtual cluster. */
  public static deployedEtcd(options: DeployedEtcdOptions = {}): BackingStore {
    const prop = 'backingStore';
    const persistence = options.persistence && {
      enabled: options.persistence.enabled,
      ...volumeClaimValues(`${prop}.persistence`, options.persistence),
    };
    const workload = workloadValues(prop, options);
    if (options.service?.enabled === false && options.service.annotations !== undefined) {
      fail(`${prop}.service.annotations`, options.service.annotations,
        'are for a Service that service.enabled: false leaves out: remove one of them.');
    }
    return madeFrom(new BackingStore((ids) => ({
      etcd: {
        deploy: {
          enabled: true,
          statefulSet: {
            ...workload(ids),
            highAvailability: { replicas: options.replicas },
            persistence: { volumeClaim: persistence },
            extraArgs: options.extraArgs && [...options.extraArgs],
          },
          service: options.service && { enabled: options.service.enabled, annotations: annotations(options.service.annotations) },
          headlessService: options.headlessService && { annotations: annotations(options.headlessService.annotations) },
        },
      },
    })), options, BackingStore.deployedEtcd);
  }

  /** An etcd cluster outside the virtual cluster. */
  public static externalEtcd(options: ExternalEtcdOptions): BackingStore {
    checkNonEmpty('backingStore.endpoint', options?.endpoint, 'give the etcd endpoint, e.g. "etcd.example.com:2379".');
    return madeFrom(new BackingStore(() => ({
      etcd: { external: { enabled: true, endpoint: options.endpoint, tls: options.tls && { ...options.tls } } },
    })), options, BackingStore.externalEtcd);
  }

  /** The embedded database (SQLite): the chart's default, one control plane replica only. */
  public static embeddedDatabase(options: EmbeddedDatabaseOptions = {}): BackingStore {
    return madeFrom(new BackingStore(() => ({
      database: { embedded: { enabled: true, extraArgs: options.extraArgs && [...options.extraArgs] } },
    })), options, BackingStore.embeddedDatabase);
  }

  /** An external SQL database (MySQL, PostgreSQL), reached through kine. */
  public static externalDatabase(options: ExternalDatabaseOptions): BackingStore {
    if (!options?.dataSource && !options?.connector) {
      fail('backingStore.dataSource', options?.dataSource, 'give the database, e.g. "postgres://vcluster@db.example.com:5432/vc1" with ' +
        'identityProvider: "aws" (a password in it needs the configSecret prop), or a platform connector.');
    }
    const store = madeFrom(new BackingStore(() => ({
      database: {
        external: {
          enabled: true,
          dataSource: typeof options.dataSource === 'string' ? options.dataSource : undefined,
          connector: options.connector,
          identityProvider: options.identityProvider,
          caFile: options.caFile,
          certFile: options.certFile,
          keyFile: options.keyFile,
          extraArgs: options.extraArgs && [...options.extraArgs],
        },
      },
    })), options, BackingStore.externalDatabase);
    if (options.dataSource instanceof RemoteSecret) {
      REMOTE_SECRETS.set(
        store,
        new Map([['controlPlane.backingStore.database.external.dataSource', { prop: 'backingStore.dataSource', ref: options.dataSource.ref }]]),
      );
    }
    return store;
  }

  private constructor(fragment: Fragment) {
    FRAGMENTS.set(this, fragment);
  }
}

/** The store's credentials the External Secrets Operator reads, by values path. */
export function backingStoreRemoteSecrets(
  store: BackingStore | undefined,
): ReadonlyMap<string, { readonly prop: string; readonly ref: RemoteSecretRef }> {
  return (store && REMOTE_SECRETS.get(store)) ?? new Map();
}

/** The store as the `controlPlane.backingStore` section; security contexts are checked against rootless. */
export function backingStoreSection(store: BackingStore, ids: RootlessIds | undefined): ValueMap {
  const fragment = FRAGMENTS.get(store);
  if (fragment === undefined) fail('backingStore', store, 'make the backing store with one of the BackingStore factories, e.g. ' +
    'BackingStore.deployedEtcd().');
  return fragment(ids);
}
