import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { guardAtSynth, sourceJson } from '../argocd';
import { checkPropTypes } from '../props/props-schema';
import { durationSeconds } from '../props/quantities';

/** Properties of a {@link FluxGitRepository}. */
export interface FluxGitRepositoryProps {
  /**
   * The object's name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The namespace Flux runs in.
   * @default "flux-system"
   */
  readonly namespace?: string;
  /** The git repository URL, without credentials, e.g. `https://github.com/acme/platform.git`. */
  readonly url: string;
  /**
   * The branch to follow.
   * @default "main"
   */
  readonly branch?: string;
  /**
   * A Secret in the namespace with the credentials (`username`/`password`, or `identity` for SSH).
   * @default - none: a public repository
   */
  readonly secretName?: string;
  /**
   * How often Flux fetches the repository.
   * @default Duration.minutes(5)
   */
  readonly interval?: Duration;
}

/** A Flux `GitRepository` (source.toolkit.fluxcd.io/v1): the source of {@link FluxKustomization}s. */
export class FluxGitRepository extends Construct {
  /** The GitRepository object, for patches. */
  public readonly apiObject: ApiObject;
  /** The object's name. */
  public readonly name: string;
  /** The object's namespace. */
  public readonly namespace: string;

  public constructor(scope: Construct, id: string, props: FluxGitRepositoryProps) {
    super(scope, id);
    checkPropTypes('FluxGitRepositoryProps', props);
    // The same URL checks as ArgoCD's sources: no credentials in it.
    sourceJson({ repoUrl: props.url });
    this.name = props.name ?? id;
    this.namespace = props.namespace ?? 'flux-system';
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        interval: `${durationSeconds('interval', props.interval ?? Duration.minutes(5))}s`,
        url: props.url,
        ref: { branch: props.branch ?? 'main' },
        ...(props.secretName !== undefined ? { secretRef: { name: props.secretName } } : {}),
      },
    });
    guardAtSynth(this, this.apiObject);
  }
}
