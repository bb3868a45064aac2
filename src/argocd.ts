import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { SYNC_WAVE_ANNOTATION } from './argocd-annotations';
import { checkPropTypes } from './props/props-schema';
import { durationSeconds } from './props/quantities';
import { credentialInText } from './secrets/credential-text';
import { guardOutput } from './secrets/output-guard';
import { formatDiagnostic, ValuesError } from './values/errors';

/** ArgoCD's finalizer for cascading deletion (foreground). */
const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/**
 * Fields the API server adds to a StatefulSet's volume claim templates, which the chart's
 * templates leave out, and which ArgoCD's diff reports as drift forever (argo-cd#11143,
 * argo-cd#18568): the claims' apiVersion and kind, a creationTimestamp and a status. The
 * templates cannot change on a live StatefulSet anyway (Kubernetes refuses such updates).
 */
const KNOWN_DRIFT = [{
  group: 'apps',
  kind: 'StatefulSet',
  jqPathExpressions: [
    '.spec.volumeClaimTemplates[]?.apiVersion',
    '.spec.volumeClaimTemplates[]?.kind',
    '.spec.volumeClaimTemplates[]?.metadata.creationTimestamp',
    '.spec.volumeClaimTemplates[]?.status',
  ],
}];

/** Where ArgoCD finds the manifests: a directory of plain YAML in a git repository. */
export interface GitDirectorySource {
  /** The git repository URL, e.g. `https://github.com/acme/platform.git`. */
  readonly repoUrl: string;
  /**
   * The branch, tag or commit to follow.
   * @default "HEAD"
   */
  readonly targetRevision?: string;
}

/** The cluster ArgoCD applies to: by `server` or by `name`, not both. */
export interface ApplicationDestination {
  /**
   * The API server URL of the target cluster.
   * @default "https://kubernetes.default.svc" (the cluster ArgoCD runs in), unless `name` is given
   */
  readonly server?: string;
  /**
   * The name of a cluster registered with ArgoCD (its cluster Secret's `name`), e.g. an
   * `ArgoCdCluster`'s `clusterName`.
   * @default - by `server`
   */
  readonly name?: string;
  /**
   * The namespace for objects that have none.
   * @default - each object's own namespace
   */
  readonly namespace?: string;
}

/** How ArgoCD keeps the cluster in line with git. */
export interface SyncPolicyOptions {
  /**
   * Sync automatically when git changes.
   * @default true
   */
  readonly automated?: boolean;
  /**
   * Delete objects that are no longer in git (only with automated sync).
   * @default true
   */
  readonly prune?: boolean;
  /**
   * Revert changes made in the cluster by hand (only with automated sync).
   * @default true
   */
  readonly selfHeal?: boolean;
  /**
   * Let ArgoCD create the destination namespace (`destination.namespace`, which it then
   * requires). Leave it off for a virtual cluster's folder: it holds its own protected
   * Namespace (`VCluster`'s `createNamespace`).
   * @default false
   */
  readonly createNamespace?: boolean;
  /**
   * Apply with server-side apply. Client-side apply copies each object into its
   * `last-applied-configuration` annotation, and the API server refuses annotations over
   * 256 KiB, which a config Secret with init manifests reaches.
   * @default true
   */
  readonly serverSideApply?: boolean;
  /**
   * Retry failed syncs this many times, backing off exponentially (0: no retries). A sync can
   * fail until the virtual cluster has started, e.g. while its host namespaces are created.
   * @default 5
   */
  readonly retryLimit?: number;
  /**
   * The first retry's delay (doubling each time, up to three minutes).
   * @default Duration.seconds(5)
   */
  readonly retryBackoff?: Duration;
}

/** What an Application and an ApplicationSet (for the Applications it makes) both take. */
export interface ArgoCdCommonProps {
  /**
   * The object's name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The namespace ArgoCD runs in (its Applications live there).
   * @default "argocd"
   */
  readonly namespace?: string;
  /**
   * The ArgoCD project.
   * @default "default"
   */
  readonly project?: string;
  /** The repository holding the synthesized output. */
  readonly source: GitDirectorySource;
  /**
   * The target cluster.
   * @default - the cluster ArgoCD runs in
   */
  readonly destination?: ApplicationDestination;
  /**
   * Sync behaviour.
   * @default - automated, with prune, self-heal, server-side apply and 5 retries
   */
  readonly syncPolicy?: SyncPolicyOptions;
  /**
   * Keep the deployed objects when an Application is deleted. `false` makes deletion cascade:
   * deleting the Application (for an ApplicationSet: removing its folder, or deleting the
   * ApplicationSet) deletes what it deployed, except objects that protect themselves, such as
   * a `VCluster`'s Namespace (see `VClusterProps.deletionProtection`).
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * The object's sync wave (`argocd.argoproj.io/sync-wave`) when an Application of
   * Applications syncs it: lower waves are applied first, e.g. a later wave than an
   * `ArgoCdCluster`'s for an Application into that cluster.
   * @default - none (wave 0)
   */
  readonly syncWave?: number;
}

/** Properties of an {@link ArgoCdApplication}. */
export interface ArgoCdApplicationProps extends ArgoCdCommonProps {
  /** The directory within the repository, e.g. `dist/vclusters/vc1` (the virtual cluster's output folder). */
  readonly path: string;
}

/** An ArgoCD `Application` (argoproj.io/v1alpha1) that syncs one directory of plain YAML. */
export class ArgoCdApplication extends Construct {
  /** The Application object, for patches. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, props: ArgoCdApplicationProps) {
    super(scope, id);
    checkPropTypes('ArgoCdApplicationProps', props);
    checkPath('path', props.path);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: props.name ?? id,
        namespace: props.namespace ?? 'argocd',
        ...syncWaveAnnotations('syncWave', props.syncWave),
        // The finalizer is what makes ArgoCD delete the deployed objects with the Application.
        ...(props.deletionProtection ?? true ? {} : { finalizers: [RESOURCES_FINALIZER] }),
      },
      spec: applicationSpec(props, { ...sourceJson(props.source), path: props.path }),
    });
    guardAtSynth(this, this.apiObject);
  }
}

/** Properties of an {@link ArgoCdApplicationSet}. */
export interface ArgoCdApplicationSetProps extends ArgoCdCommonProps {
  /**
   * Glob of the directories to generate one Application each for, e.g. `dist/vclusters/*`. Each
   * Application is named after its directory's base name.
   */
  readonly directories: string;
  /**
   * Directories matched by `directories` to leave out, e.g. `dist/vclusters/archive`.
   * @default - none
   */
  readonly exclude?: string[];
}

/**
 * An ArgoCD `ApplicationSet` with a git directory generator: one Application per folder of
 * synthesized output, so that adding a tenant is adding a folder.
 */
export class ArgoCdApplicationSet extends Construct {
  /** The ApplicationSet object, for patches. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, props: ArgoCdApplicationSetProps) {
    super(scope, id);
    checkPropTypes('ArgoCdApplicationSetProps', props);
    checkPath('directories', props.directories);
    const source = sourceJson(props.source);
    this.apiObject = applicationSet(this, id, props, {
      git: {
        repoURL: source.repoURL,
        revision: source.targetRevision,
        directories: [
          { path: props.directories },
          ...(props.exclude ?? []).map((path) => ({ path, exclude: true })),
        ],
      },
    }, '{{.path.basename}}', { ...source, path: '{{.path.path}}' });
    guardAtSynth(this, this.apiObject);
  }
}

/**
 * An ApplicationSet (Go templates, missing keys an error) with one generator, making Applications
 * named `name` from `source`, with the deletion protection of {@link ArgoCdCommonProps}.
 */
export function applicationSet(scope: Construct, id: string, props: ArgoCdCommonProps, generator: object, name: string,
  source: { [key: string]: string }): ApiObject {
  const protect = props.deletionProtection ?? true;
  return new ApiObject(scope, 'Resource', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: {
      name: props.name ?? id,
      namespace: props.namespace ?? 'argocd',
      ...syncWaveAnnotations('syncWave', props.syncWave),
      // With a policy that forbids deleting Applications, the ApplicationSet controller
      // (ArgoCD 2.10+) removes its owner references from them before the ApplicationSet goes,
      // so that garbage collection does not delete them.
      ...(protect ? { finalizers: [RESOURCES_FINALIZER] } : {}),
    },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [generator],
      template: {
        metadata: { name },
        spec: applicationSpec(props, source),
      },
      // preserveResourcesOnDeletion: the generated Applications get no resources finalizer, so
      // deleting one deletes nothing it deployed. create-update: an Application whose generator
      // entry disappears (a renamed or emptied folder, a cluster that lost its label) is never deleted.
      ...(protect ? { syncPolicy: { preserveResourcesOnDeletion: true, applicationsSync: 'create-update' } } : {}),
    },
  });
}

/** The output guard over the object as it is written (JSON patches applied), when cdk8s validates before synth. */
export function guardAtSynth(construct: Construct, object: ApiObject): void {
  // One validation error per finding; cdk8s prefixes each with the construct path.
  construct.node.addValidation({
    validate: () => {
      try {
        guardOutput([object.toJson()], {});
      } catch (e) {
        if (!(e instanceof ValuesError)) throw e;
        return e.diagnostics.map((d) => formatDiagnostic(d));
      }
      return [];
    },
  });
}

function applicationSpec(props: ArgoCdCommonProps, source: { [key: string]: string }) {
  if (props.syncPolicy?.createNamespace && !props.destination?.namespace) {
    throw new Error('syncPolicy.createNamespace: ArgoCD creates only the destination namespace; give destination.namespace, ' +
      'or leave createNamespace off when the synced folder holds its own Namespace (as a VCluster\'s does). Got no destination.namespace.');
  }
  return {
    project: props.project ?? 'default',
    source,
    destination: destinationJson(props.destination),
    syncPolicy: syncPolicyJson(props.syncPolicy),
    ignoreDifferences: KNOWN_DRIFT,
  };
}

export function sourceJson(source: GitDirectorySource) {
  // The URL is not printed: it may hold the token.
  const url = source.repoUrl;
  if (
    typeof url === 'string' &&
    ((/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(url) && !/^ssh:\/\/[^/:@\s]+@/i.test(url)) || credentialInText(url) !== undefined)
  ) {
    throw new Error(
      'source.repoUrl: holds credentials (a user, password or token before "@"), which would land in git with the output. ' +
        'Give the URL without them, and the credentials to ArgoCD in a repository Secret (label argocd.argoproj.io/secret-type: repository) ' +
        'made by a SealedSecret or ExternalSecret, or by `argocd repo add`.',
    );
  }
  if (!/^(https?:\/\/|ssh:\/\/|git@)\S+$/.test(source.repoUrl)) {
    throw new Error(`source.repoUrl: expected a git repository URL (https://, ssh:// or git@), got ${JSON.stringify(source.repoUrl)}.`);
  }
  return { repoURL: source.repoUrl, targetRevision: source.targetRevision ?? 'HEAD' };
}

function destinationJson(destination: ApplicationDestination = {}) {
  if (destination.name !== undefined && destination.server !== undefined) {
    throw new Error(`destination: ArgoCD takes the cluster by server or by name, not both; got server ${JSON.stringify(destination.server)} ` +
      `and name ${JSON.stringify(destination.name)}. Keep one.`);
  }
  if (destination.name !== undefined && (typeof destination.name !== 'string' || destination.name === '')) {
    throw new Error(`destination.name: expected the name of a cluster registered with ArgoCD, got ${JSON.stringify(destination.name)}.`);
  }
  return {
    ...(destination.name !== undefined ? { name: destination.name } : { server: destination.server ?? 'https://kubernetes.default.svc' }),
    ...(destination.namespace ? { namespace: destination.namespace } : {}),
  };
}

function syncPolicyJson(policy: SyncPolicyOptions = {}) {
  const options: string[] = [];
  if (policy.createNamespace) options.push('CreateNamespace=true');
  if (policy.serverSideApply ?? true) options.push('ServerSideApply=true');
  const retryLimit = policy.retryLimit ?? 5;
  if (!Number.isInteger(retryLimit) || retryLimit < 0) {
    throw new Error(`syncPolicy.retryLimit: expected a whole number of retries (0 or more), got ${retryLimit}.`);
  }
  return {
    ...(policy.automated ?? true ? { automated: { prune: policy.prune ?? true, selfHeal: policy.selfHeal ?? true } } : {}),
    ...(options.length > 0 ? { syncOptions: options } : {}),
    // ArgoCD's own backoff (5s, doubling, at most 3m), written out so that it shows on the Application.
    retry: {
      limit: retryLimit,
      backoff: { duration: `${durationSeconds('syncPolicy.retryBackoff', policy.retryBackoff ?? Duration.seconds(5))}s`, factor: 2,
        maxDuration: '3m' },
    },
  };
}

/** The sync-wave annotation for a whole-number wave, if one is given. */
export function syncWaveAnnotations(prop: string, wave: number | undefined): { annotations?: { [key: string]: string } } {
  if (wave === undefined) return {};
  if (!Number.isInteger(wave)) throw new Error(`${prop}: expected a whole number (ArgoCD's sync waves are integers), got ${wave}.`);
  return { annotations: { [SYNC_WAVE_ANNOTATION]: String(wave) } };
}

export function checkPath(prop: string, path: string): void {
  if (path.trim() === '' || path.startsWith('/') || path.split('/').includes('..')) {
    throw new Error(`${prop}: expected a path relative to the repository root such as "dist/vc1", got ${JSON.stringify(path)}.`);
  }
}
