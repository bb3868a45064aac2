import { Duration } from 'cdk8s';
import { Credential, findCredentials, isCredentialField } from '../secrets/credentials';
import { GuardScope } from '../secrets/output-guard';
import { goTemplateLiteral } from '../secrets/go-template';
import { seal, sealingKey, strictScopeLabel } from '../secrets/sealing';
import { durationSeconds } from './quantities';
import { Manifest, RenderedObject } from '../render/context';
import { fail } from './validation';
import { describeValue, valuesError } from '../values/diagnostic';
import { ChartVersion, DEFAULT_CHART_VERSION } from '../values/chart-version';
import { formatPath, Segment, ValuesError } from '../values/errors';
import { isMap, Value, ValueMap } from '../values/value-map';

/** A SecretStore or ClusterSecretStore of the External Secrets Operator. */
export interface SecretStoreRef {
  /** The store's name. */
  readonly name: string;
  /**
   * Its kind.
   * @default "SecretStore"
   */
  readonly kind?: 'SecretStore' | 'ClusterSecretStore';
}

/** Where the External Secrets Operator reads one credential: a key (and property) in the store. */
export interface RemoteSecretRef {
  /** The key in the provider, e.g. the secret's name or path. */
  readonly key: string;
  /**
   * The property inside the key's value (a JSON field), where the provider stores several.
   * @default - the whole value
   */
  readonly property?: string;
  /**
   * The version of the key.
   * @default - the provider's current one
   */
  readonly version?: string;
}

/**
 * A credential the External Secrets Operator reads from the store of
 * {@link ConfigSecret.externalSecret}, given where a typed prop takes the credential itself
 * (e.g. `BackingStore.externalDatabase({ dataSource: RemoteSecret.of({ key: 'vc1/db', property: 'dsn' }) })`).
 */
export class RemoteSecret {
  /** The key (and property) in the store. */
  public static of(ref: RemoteSecretRef): RemoteSecret {
    checkRemoteRef('RemoteSecret.of', ref);
    return new RemoteSecret({ ...ref });
  }

  private constructor(public readonly ref: RemoteSecretRef) {}
}

/** Options of {@link ConfigSecret.externalSecret}. */
export interface ExternalSecretOptions {
  /** The store every credential is read from. */
  readonly store: SecretStoreRef;
  /**
   * Each credential by its values path (as the refusal lists them, e.g.
   * `controlPlane.backingStore.database.external.dataSource`, or
   * `privateNodes.joinNode.containerd.registry.auth["registry.example.com"].password`), read from
   * the store instead of the values. Leave the credential itself out of the values. Typed props
   * that take a {@link RemoteSecret} add theirs.
   * @default - only those of the typed props
   */
  readonly credentials?: { readonly [valuesPath: string]: RemoteSecretRef };
  /**
   * How often the operator reads the store again.
   * @default Duration.hours(1)
   */
  readonly refreshInterval?: Duration;
  /**
   * Change this to roll the control plane after a credential changed in the store: the pods
   * carry it as the annotation `cdk8s-vcluster/credentials-version`.
   * @default - none
   */
  readonly credentialsVersion?: string;
}

/** Options of {@link ConfigSecret.sealedSecret}. */
export interface SealedSecretOptions {
  /**
   * The Sealed Secrets controller's certificate (`kubeseal --fetch-cert`) or its RSA public key,
   * as PEM. The config is sealed with the strict scope: only this name in this namespace unseals.
   */
  readonly certificate: string;
  /**
   * Change this to roll the control plane after sealing a changed credential: the pods carry it
   * as the annotation `cdk8s-vcluster/credentials-version`.
   * @default - none
   */
  readonly credentialsVersion?: string;
}

/** Options of {@link ConfigSecret.bringYourOwn}. */
export interface BringYourOwnOptions {
  /**
   * Change this to roll the control plane after the Secret changed: the pods carry it as the
   * annotation `cdk8s-vcluster/credentials-version`.
   * @default - none
   */
  readonly credentialsVersion?: string;
}

/** The pod annotation that rolls the control plane when a credential outside the values changes. */
export const CREDENTIALS_VERSION_ANNOTATION = 'cdk8s-vcluster/credentials-version';

type Mode =
  | { readonly kind: 'external'; readonly options: ExternalSecretOptions }
  | { readonly kind: 'sealed'; readonly options: SealedSecretOptions }
  | { readonly kind: 'own'; readonly options: BringYourOwnOptions }
  | { readonly kind: 'plaintext' };

/**
 * How the virtual cluster's config Secret (`vc-config-<name>`, the full values) reaches the
 * cluster. The chart writes it base64-encoded only, so every credential in the values would
 * land in git with the synthesized output; by default the construct refuses values that hold
 * one, naming each, and these are the ways out.
 */
export class ConfigSecret {
  /**
   * An `ExternalSecret` (external-secrets.io/v1) instead of the Secret: the External Secrets
   * Operator reads each credential from the store and writes `vc-config-<name>` on the cluster,
   * from a template of the config. Nothing secret is in the output.
   */
  public static externalSecret(options: ExternalSecretOptions): ConfigSecret {
    if (!isMap(options) || !isMap(options.store) || typeof options.store.name !== 'string' || options.store.name === '') {
      fail('configSecret.store', options?.store, 'give the SecretStore to read the credentials from, e.g. { name: "vault" } or { name: ' +
        '"vault", kind: "ClusterSecretStore" }.');
    }
    if (options.store.kind !== undefined && options.store.kind !== 'SecretStore' && options.store.kind !== 'ClusterSecretStore') {
      fail('configSecret.store.kind', options.store.kind, 'use "SecretStore" or "ClusterSecretStore".');
    }
    if (options.credentials !== undefined && !isMap(options.credentials))
      fail(
        'configSecret.credentials',
        options.credentials,
        'map each credential\'s values path to where the store keeps it, e.g. { "controlPlane.backingStore.database.external.dataSource": { ' +
          'key: "vc1-db", property: "dsn" } }.',
      );
    for (const [path, ref] of Object.entries(options.credentials ?? {})) checkRemoteRef(`configSecret.credentials[${JSON.stringify(path)}]`, ref);
    if (options.refreshInterval !== undefined) durationSeconds('configSecret.refreshInterval', options.refreshInterval);
    return new ConfigSecret({ kind: 'external', options });
  }

  /**
   * A `SealedSecret` (bitnami.com/v1alpha1) instead of the Secret: the config encrypted offline
   * with the controller's certificate, which only the controller in the cluster can decrypt.
   * Sealing is randomized, so every synth writes new ciphertext for the same config.
   */
  public static sealedSecret(options: SealedSecretOptions): ConfigSecret {
    try {
      sealingKey(options?.certificate);
    } catch (e) {
      const cert = options?.certificate;
      // A private key given by mistake is not shown, not even its start.
      const shown = typeof cert !== 'string' ? cert : /PRIVATE KEY/.test(cert) ? '(a private key, not shown)' : `${cert.slice(0, 40)}…`;
      fail('configSecret.certificate', shown,
        `expected the Sealed Secrets controller's certificate as PEM (kubeseal --fetch-cert > cert.pem), which could not be read: ` +
          `${(e as Error).message}.`);
    }
    return new ConfigSecret({ kind: 'sealed', options });
  }

  /**
   * No config Secret in the output: you (or another tool) create `vc-config-<name>` in the
   * namespace, with the key `config.yaml` holding the full values (`VCluster.values` as YAML,
   * credentials included), before the control plane starts.
   */
  public static bringYourOwn(options: BringYourOwnOptions = {}): ConfigSecret {
    return new ConfigSecret({ kind: 'own', options });
  }

  /**
   * The chart's own behaviour, credentials and all: the config Secret holds them base64-encoded,
   * readable by anyone who can read the output or the git repository. Only for values without
   * real credentials (tests, throw-away clusters), or output that never reaches git.
   */
  public static plaintextInGit(): ConfigSecret {
    return new ConfigSecret({ kind: 'plaintext' });
  }

  /** @internal The default: the chart's Secret, refused when the values hold a credential. */
  public static _refuseCredentials(): ConfigSecret {
    return new ConfigSecret(undefined);
  }

  private constructor(private readonly mode: Mode | undefined) {}

  /** @internal The values this choice adds (the rollout annotation). */
  public _values(): ValueMap {
    const version = this.mode === undefined || this.mode.kind === 'plaintext' ? undefined : this.mode.options.credentialsVersion;
    if (version === undefined) return {};
    if (typeof version !== 'string' || version === '')
      fail('configSecret.credentialsVersion', version, 'give a non-empty string, e.g. "2026-12-01".');
    return { controlPlane: { statefulSet: { pods: { annotations: { [CREDENTIALS_VERSION_ANNOTATION]: version } } } } };
  }

  /**
   * @internal Where each credential is until the config Secret is written; `remote` are the
   * {@link RemoteSecret}s of the typed props, by values path.
   */
  public _protect(release: Release, remote: ReadonlyMap<string,
    { readonly prop: string; readonly ref: RemoteSecretRef }> = new Map()): ConfigProtection {
    const mode = this.mode;
    if (remote.size === 0) return new ConfigProtection(mode, release);
    const [first] = remote.values();
    if (mode?.kind !== 'external') {
      fail(first.prop, first.ref, 'a RemoteSecret is read by the External Secrets Operator: set configSecret: ConfigSecret.externalSecret({ ' +
        'store: { name: "..." } }) to say from which store.');
    }
    const credentials = { ...Object.fromEntries([...remote].map(([path, { ref }]) => [path, ref])), ...mode.options.credentials };
    return new ConfigProtection({ kind: 'external', options: { ...mode.options, credentials } }, release);
  }
}

interface Release {
  readonly name: string;
  readonly namespace: string;
  /** The chart version rendered: its schema says which fields are credentials. */
  readonly chartVersion?: ChartVersion;
}

/** A credential moved out of the values: the placeholder the config carries in its stead. */
interface Moved {
  readonly path: string;
  readonly placeholder: string;
  /** The value, when the values held it (an ExternalSecret reference may stand for an absent one). */
  readonly value?: string;
  /** Where the External Secrets Operator reads it, in that mode. */
  readonly ref?: RemoteSecretRef;
}

/**
 * One render's protection of the config: {@link substitute} swaps the credentials for
 * placeholders before the templates run (so the config hash and every object are computed
 * without them), {@link objects} writes the config Secret as the mode says.
 */
export class ConfigProtection {
  private moved: Moved[] = [];
  /** The values the templates render from, credentials swapped for placeholders. */
  private rendered?: ValueMap;

  public constructor(private readonly mode: Mode | undefined, private readonly release: Release) {}

  public substitute(values: ValueMap): ValueMap {
    const found = findCredentials(values, this.release.chartVersion ?? DEFAULT_CHART_VERSION);
    const mode = this.mode;
    if (mode?.kind === 'plaintext') return values;
    if (mode === undefined) {
      if (found.length > 0) throw refusal(this.release, found);
      return (this.rendered = values);
    }
    const onHost = found.filter((c) => c.renderedAsObject);
    if (onHost.length > 0) throw hostManifestsRefusal(onHost);
    const out = structuredClone(values);
    const take = (segments: readonly Segment[], value?: string, ref?: RemoteSecretRef) => {
      const placeholder = `cdk8s_vcluster_credential_${this.moved.length}`;
      this.moved.push({ path: formatPath(segments), placeholder, value, ref });
      setAt(out, segments, placeholder);
    };
    if (mode.kind === 'external') {
      const credentials = mode.options.credentials ?? {};
      const refs = new Map(Object.keys(credentials).map((p) => [p, parsePath(p)] as const));
      for (const [written, segments] of refs) {
        if (!isCredentialField(segments, this.release.chartVersion ?? DEFAULT_CHART_VERSION)) {
          throw valuesError({
            path: 'configSecret.credentials',
            propPath: 'configSecret.credentials',
            value: written,
            message: `${JSON.stringify(written)} is not a credential field of the chart; the store can stand in for the credential fields only.`,
            fix: 'Give one of the paths the refusal names, e.g. "controlPlane.backingStore.database.external.dataSource".',
          });
        }
      }
      const byPath = new Map([...refs].map(([written, segments]) => [formatPath(segments), written]));
      const unreferenced = found.filter((c) => !byPath.has(c.path));
      if (unreferenced.length > 0) {
        const several = unreferenced.length > 1;
        throw valuesError({
          path: unreferenced[0].path,
          subject: unreferenced.map((c) => c.path).join(', '),
          mentions: ['configSecret.credentials'],
          message: `${several ? 'these credentials have' : 'this credential has'} no reference in configSecret.credentials, so ` +
            `${several ? 'they' : 'it'} would land in git.`,
          fix: `Add { "${unreferenced[0].path}": { key: "...", property: "..." } } to the credentials and leave the value out of the values.`,
        });
      }
      const values = new Map(found.map((c) => [c.path, c.value]));
      for (const [path, written] of byPath) take(refs.get(written)!, values.get(path), credentials[written]);
    } else {
      for (const c of found) take(c.segments, c.value);
    }
    return (this.rendered = out);
  }

  /**
   * What the output guard checks the output with: the config text it carries in clear (the
   * chart's Secret, an ExternalSecret's template), as values. Undefined with `plaintextInGit()`,
   * the knowing choice of credentials in clear, which turns the guard off.
   */
  public guardScope(allow?: readonly string[]): GuardScope | undefined {
    const mode = this.mode;
    if (mode?.kind === 'plaintext') return undefined;
    const name = `vc-config-${this.release.name}`;
    const values = this.rendered;
    const config = values === undefined ? undefined
      : mode === undefined ? { object: `Secret/${name}`, path: ['data', 'config.yaml'], values }
        : mode.kind === 'external' ? { object: `ExternalSecret/${name}`, path: ['spec', 'target', 'template', 'data', 'config.yaml'], values }
          : undefined;
    return { allow, allowProp: 'allowInOutput', ...config ? { config } : {} };
  }

  /** The rendered objects with the config Secret written as the mode says. */
  public objects(objects: readonly RenderedObject[]): RenderedObject[] {
    const mode = this.mode;
    if (mode === undefined || mode.kind === 'plaintext') return [...objects];
    return objects.flatMap((o) => {
      if (o.id !== 'ConfigSecret') return [o];
      if (mode.kind === 'own') return [];
      const config = Buffer.from(String((o.manifest.data as ValueMap)['config.yaml']), 'base64').toString('utf8');
      return [
        {
          id: 'ConfigSecret',
          manifest: mode.kind === 'sealed' ? this.sealed(o.manifest, config, mode.options) : this.external(o.manifest, config, mode.options),
        },
      ];
    });
  }

  private sealed(secret: Manifest, config: string, options: SealedSecretOptions): Manifest {
    let plaintext = config;
    for (const m of this.moved) plaintext = plaintext.split(m.placeholder).join(JSON.stringify(m.value ?? ''));
    const { name, namespace } = secret.metadata;
    return {
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: secret.metadata,
      spec: {
        encryptedData: { 'config.yaml': seal(sealingKey(options.certificate), strictScopeLabel(namespace!, name), Buffer.from(plaintext, 'utf8')) },
        template: { metadata: secret.metadata, type: secret.type },
      },
    };
  }

  private external(secret: Manifest, config: string, options: ExternalSecretOptions): Manifest {
    let template = goTemplateLiteral(config);
    const data: ValueMap[] = [];
    const used = new Set<string>();
    for (const m of this.moved) {
      let key = m.path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
      while (used.has(key)) key += '_';
      used.add(key);
      template = template.split(m.placeholder).join(`{{ .${key} | toJson }}`);
      const ref = m.ref!;
      data.push({
        secretKey: key,
        remoteRef: {
          key: ref.key,
          ...(ref.property !== undefined ? { property: ref.property } : {}),
          ...(ref.version !== undefined ? { version: ref.version } : {}),
        },
      });
    }
    const { labels, annotations } = secret.metadata;
    return {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: secret.metadata,
      spec: {
        refreshInterval: `${durationSeconds('configSecret.refreshInterval', options.refreshInterval ?? Duration.hours(1))}s`,
        secretStoreRef: { name: options.store.name, kind: options.store.kind ?? 'SecretStore' },
        target: {
          name: secret.metadata.name,
          creationPolicy: 'Owner',
          template: {
            engineVersion: 'v2',
            type: secret.type,
            metadata: { ...(labels ? { labels: literalMap(labels) } : {}), ...(annotations ? { annotations: literalMap(annotations) } : {}) },
            data: { 'config.yaml': template },
          },
        },
        data,
      },
    };
  }
}

function literalMap(map: ValueMap): ValueMap {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, typeof v === 'string' ? goTemplateLiteral(v) : v]));
}

function checkRemoteRef(prop: string, ref: RemoteSecretRef | undefined): void {
  if (!isMap(ref) || typeof ref.key !== 'string' || ref.key === '') fail(prop, ref, 'give the key in the store, e.g. { key: "vc1-db", ' +
    'property: "dsn" }.');
}

function refusal(release: Release, found: readonly Credential[]): ValuesError {
  const lines = found.map((c) => `  ${c.path}: ${c.what}`);
  const hints = [...new Set(found.map(avoidance).filter((h): h is string => h !== undefined))];
  // One diagnostic whose lines list the credentials: the ways out are said once for all of them.
  return valuesError({ path: found[0].path, subject: '', message: [
    `the values of ${release.name} hold ${found.length > 1 ? `${found.length} credentials` : 'a credential'} in clear, which the config ` +
      `Secret vc-config-${release.name} would carry into the output and git (base64 is not encryption):`,
    ...lines,
    ...hints,
    'Keep them out of git with the prop configSecret: ConfigSecret.externalSecret({ store, credentials }) reads each from a store on the ' +
      'cluster (External Secrets Operator); ' +
      'ConfigSecret.sealedSecret({ certificate }) seals the config for the Sealed Secrets controller; ' +
      `ConfigSecret.bringYourOwn() emits no config Secret (you create vc-config-${release.name}). ConfigSecret.plaintextInGit() keeps them ` +
        `in clear, knowingly.`,
  ].join('\n') });
}

function hostManifestsRefusal(found: readonly Credential[]): ValuesError {
  return valuesError({
    path: found[0].path,
    subject: found.map((c) => c.path).join(', '),
    message: 'the chart renders the host manifests onto the host as they are, so a Secret there lands in the output in clear whatever ' +
      'becomes of the config Secret.',
    fix: 'Create that Secret with a SealedSecret or ExternalSecret of its own, outside the values.',
  });
}

/** Where a credential can be avoided altogether, the way to do so, said first. */
function avoidance(c: Credential): string | undefined {
  if (c.path.endsWith('.dataSource')) {
    return 'Better still, the database needs no password with controlPlane.backingStore.database.external.identityProvider (e.g. "aws" for ' +
      'RDS IAM authentication); certificates for it can be mounted from a Secret (certFile, keyFile, caFile).';
  }
  if (/^experimental\.deploy\.vcluster\.manifests/.test(c.path)) {
    return 'Better still, Secrets for workloads inside can come from the host (sync.fromHost.secrets) or from the host\'s External Secrets ' +
      'Operator (integrations.externalSecrets) instead of the manifests.';
  }
  return undefined;
}

/** Parses a values path as {@link formatPath} writes it: `a.b[0]["c.d"]`. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  const re = /(?:^|\.)([^.[\]"\s]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(path)) !== null) {
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(m[3])));
    end = re.lastIndex;
    if (end === path.length) break;
  }
  if (end !== path.length || out.length === 0) {
    throw valuesError({
      path: 'configSecret.credentials',
      propPath: 'configSecret.credentials',
      value: path,
      message: `cannot read the values path ${describeValue(path)};`,
      fix: 'write it like controlPlane.backingStore.database.external.dataSource, with ["..."] around keys that hold dots.',
    });
  }
  return out;
}

function setAt(values: ValueMap, path: readonly Segment[], v: Value): void {
  let node: Value = values;
  path.forEach((seg, i) => {
    const last = i === path.length - 1;
    const container = node as ValueMap | Value[];
    const next = (container as Record<string | number, Value>)[seg as never];
    if (last) {
      (container as Record<string | number, Value>)[seg as never] = v;
    } else {
      if (next === undefined || next === null || typeof next !== 'object') {
        (container as Record<string | number, Value>)[seg as never] = typeof path[i + 1] === 'number' ? [] : {};
      }
      node = (container as Record<string | number, Value>)[seg as never];
    }
  });
}
