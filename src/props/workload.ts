import { ContainerResources, ImagePullPolicy, k8s } from 'cdk8s-plus-31';
import { ControlPlaneStatefulSet } from '../../imports/chart-versions';
import { Image, imageValues } from './images';
import { resourcesValues } from './quantities';
import { ValueMap } from '../values/value-map';
import { containerSecurityValues, podSecurityValues, RootlessIds } from './rootless';
import { schedulingValues, SchedulingOptions } from './scheduling';

/**
 * What the control plane and deployed etcd have in common: a workload of their own, with its
 * image, resources, scheduling, security contexts, labels and annotations.
 */
export interface WorkloadOptions {
  /**
   * The main container's image.
   * @default - the chart's: ghcr.io/loft-sh/vcluster-pro tagged with the chart version for the
   * control plane, registry.k8s.io/etcd:3.6.8-0 for etcd
   */
  readonly image?: Image;

  /**
   * When the image is pulled.
   * @default - the Kubernetes default
   */
  readonly imagePullPolicy?: `${ImagePullPolicy}`;

  /**
   * Resources of the main container, merged entry by entry over the chart's.
   * @default - the chart's: for the control plane 200m CPU, 256Mi memory and 1Gi ephemeral
   * storage requested, 4Gi memory and 10Gi ephemeral storage limits; for etcd 20m CPU and 150Mi
   * memory requested
   */
  readonly resources?: ContainerResources;

  /**
   * Where the pods run.
   * @default - the chart's: the control plane anywhere, etcd spread over nodes and zones
   */
  readonly scheduling?: SchedulingOptions;

  /**
   * The pod security context, e.g. `{ fsGroup: 12345 }`.
   * @default - none (with `rootless`, the rootless one)
   */
  readonly podSecurityContext?: k8s.PodSecurityContext;

  /**
   * The main container's security context, merged over the chart's.
   * @default - the chart's: for the control plane `{ allowPrivilegeEscalation: false,
   * runAsUser: 0, runAsGroup: 0 }`, for etcd none (with `rootless`, the rootless one)
   */
  readonly containerSecurityContext?: k8s.SecurityContext;

  /**
   * Labels of the StatefulSet (or the control plane's Deployment).
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Annotations of the StatefulSet (or the control plane's Deployment).
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };

  /**
   * Labels of the pods.
   * @default - none
   */
  readonly podLabels?: { readonly [key: string]: string };

  /**
   * Annotations of the pods.
   * @default - none
   */
  readonly podAnnotations?: { readonly [key: string]: string };
}

/**
 * The `statefulSet` values of the options, checked now; the security contexts follow once the
 * rootless ids are known.
 */
export function workloadValues(prop: string, options: WorkloadOptions): (ids: RootlessIds | undefined) => ControlPlaneStatefulSet {
  const values: ValueMap = {
    image: imageValues(`${prop}.image`, options.image),
    imagePullPolicy: options.imagePullPolicy,
    resources: resourcesValues(`${prop}.resources`, options.resources),
    scheduling: schedulingValues(`${prop}.scheduling`, options.scheduling),
    labels: options.labels && { ...options.labels },
    annotations: options.annotations && { ...options.annotations },
    pods: { labels: options.podLabels && { ...options.podLabels }, annotations: options.podAnnotations && { ...options.podAnnotations } },
  };
  return (ids) => ({
    ...values,
    security: {
      podSecurityContext: podSecurityValues(`${prop}.podSecurityContext`, options.podSecurityContext, ids),
      containerSecurityContext: containerSecurityValues(`${prop}.containerSecurityContext`, options.containerSecurityContext, ids),
    },
  });
}
