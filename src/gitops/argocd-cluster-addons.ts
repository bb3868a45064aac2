import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { applicationSet, ArgoCdCommonProps, checkPath, guardAtSynth, sourceJson } from '../argocd';
import { checkPropTypes } from '../props/props-schema';

/** Properties of an {@link ArgoCdClusterAddons}. */
export interface ArgoCdClusterAddonsProps extends Omit<ArgoCdCommonProps, 'destination'> {
  /** The directory within the repository holding the add-ons, e.g. `dist/addons`. */
  readonly path: string;
  /**
   * The labels of the clusters that get the add-ons: the cluster Secrets' labels, e.g. those
   * given to `ArgoCdCluster`'s `labels`. An empty map selects every registered cluster.
   */
  readonly clusterLabels: { readonly [key: string]: string };
  /**
   * The namespace inside each cluster for objects that have none.
   * @default - each object's own namespace
   */
  readonly destinationNamespace?: string;
}

/**
 * An ArgoCD `ApplicationSet` with a cluster generator: every registered cluster whose Secret
 * carries `clusterLabels` (e.g. each virtual cluster an `ArgoCdCluster` registers) gets one
 * Application, named `<cluster>-<name>`, that syncs the add-ons folder into it.
 */
export class ArgoCdClusterAddons extends Construct {
  /** The ApplicationSet object, for patches. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, props: ArgoCdClusterAddonsProps) {
    super(scope, id);
    checkPropTypes('ArgoCdClusterAddonsProps', props);
    checkPath('path', props.path);
    const labels = props.clusterLabels;
    const name = props.name ?? id;
    this.apiObject = applicationSet(this, id, { ...props, destination: { name: '{{.name}}', namespace: props.destinationNamespace } },
      { clusters: { selector: { matchLabels: { ...labels } } } }, `{{.name}}-${name}`, { ...sourceJson(props.source), path: props.path });
    guardAtSynth(this, this.apiObject);
  }
}
