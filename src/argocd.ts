import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { durationSeconds } from './props/quantities';

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

/** The cluster ArgoCD applies to. */
export interface ApplicationDestination {
  /**
   * The API server URL of the target cluster.
   * @default "https://kubernetes.default.svc" (the cluster ArgoCD runs in)
   */
  readonly server?: string;
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
   * Let ArgoCD create the destination namespace. The virtual cluster's output contains its
   * Namespace already, so this is rarely needed.
   * @default false
   */
  readonly createNamespace?: boolean;
  /**
   * Apply with server-side apply (large objects such as the config Secret stay below the
   * client-side annotation limit).
   * @default false
   */
  readonly serverSideApply?: boolean;
  /**
   * Retry failed syncs this many times, backing off exponentially.
   * @default - no retries
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
   * @default - automated, with prune and self-heal
   */
  readonly syncPolicy?: SyncPolicyOptions;
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
    checkPath('path', props.path);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: props.name ?? id, namespace: props.namespace ?? 'argocd' },
      spec: {
        project: props.project ?? 'default',
        source: { ...sourceJson(props.source), path: props.path },
        destination: destinationJson(props.destination),
        syncPolicy: syncPolicyJson(props.syncPolicy),
      },
    });
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
    checkPath('directories', props.directories);
    const source = sourceJson(props.source);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: props.name ?? id, namespace: props.namespace ?? 'argocd' },
      spec: {
        goTemplate: true,
        goTemplateOptions: ['missingkey=error'],
        generators: [{
          git: {
            repoURL: source.repoURL,
            revision: source.targetRevision,
            directories: [
              { path: props.directories },
              ...(props.exclude ?? []).map((path) => ({ path, exclude: true })),
            ],
          },
        }],
        template: {
          metadata: { name: '{{.path.basename}}' },
          spec: {
            project: props.project ?? 'default',
            source: { ...source, path: '{{.path.path}}' },
            destination: destinationJson(props.destination),
            syncPolicy: syncPolicyJson(props.syncPolicy),
          },
        },
      },
    });
  }
}

function sourceJson(source: GitDirectorySource) {
  if (!/^(https?:\/\/|ssh:\/\/|git@)\S+$/.test(source.repoUrl)) {
    throw new Error(`source.repoUrl: expected a git repository URL (https://, ssh:// or git@), got ${JSON.stringify(source.repoUrl)}.`);
  }
  return { repoURL: source.repoUrl, targetRevision: source.targetRevision ?? 'HEAD' };
}

function destinationJson(destination: ApplicationDestination = {}) {
  return {
    server: destination.server ?? 'https://kubernetes.default.svc',
    ...(destination.namespace ? { namespace: destination.namespace } : {}),
  };
}

function syncPolicyJson(policy: SyncPolicyOptions = {}) {
  const options: string[] = [];
  if (policy.createNamespace) options.push('CreateNamespace=true');
  if (policy.serverSideApply) options.push('ServerSideApply=true');
  if (policy.retryLimit !== undefined && (!Number.isInteger(policy.retryLimit) || policy.retryLimit < 0)) {
    throw new Error(`syncPolicy.retryLimit: expected a whole number of retries (0 or more), got ${policy.retryLimit}.`);
  }
  return {
    ...(policy.automated ?? true ? { automated: { prune: policy.prune ?? true, selfHeal: policy.selfHeal ?? true } } : {}),
    ...(options.length > 0 ? { syncOptions: options } : {}),
    ...(policy.retryLimit !== undefined ? {
      retry: {
        limit: policy.retryLimit,
        backoff: { duration: `${durationSeconds('syncPolicy.retryBackoff', policy.retryBackoff ?? Duration.seconds(5))}s`, factor: 2, maxDuration: '3m' },
      },
    } : {}),
  };
}

function checkPath(prop: string, path: string): void {
  if (path.trim() === '' || path.startsWith('/') || path.split('/').includes('..')) {
    throw new Error(`${prop}: expected a path relative to the repository root such as "dist/vc1", got ${JSON.stringify(path)}.`);
  }
}
