import { ContainerResources, ImagePullPolicy, k8s } from 'cdk8s-plus-31';
import { Image, imageValues } from './images';
import { volumeClaimValues, VolumeClaimOptions } from './persistence';
import { resourcesValues } from './quantities';
import { ValueMap } from './render/go-template';
import { containerSecurityValues, podSecurityValues, RootlessIds } from './rootless';
import { schedulingValues, SchedulingOptions } from './scheduling';
import { checkWholeNumber, fail } from './validation';

/** The control plane's own volume claim. */
export interface ControlPlanePersistenceOptions extends VolumeClaimOptions {
  /**
   * Keep the control plane's data on a volume claim (the control plane then runs as a
   * StatefulSet).
   * @default - only when the backing store is embedded (the embedded database or embedded
   * etcd); with deployed or external etcd the data lives there and the claim settings are unused
   */
  readonly enabled?: boolean;
}

/**
 * The control plane workload: the pods running the virtual cluster's API server and syncer
 * (vcluster.yaml `controlPlane.statefulSet`).
 */
export interface ControlPlaneOptions {
  /**
   * Control plane replicas. More than one needs a backing store that replicates (etcd or an
   * external database).
   * @default 1
   */
  readonly replicas?: number;

  /**
   * The control plane (syncer) image.
   * @default - ghcr.io/loft-sh/vcluster-pro tagged with the chart version
   */
  readonly image?: Image;

  /**
   * When the control plane image is pulled.
   * @default - the Kubernetes default
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * Resources of the syncer container, merged entry by entry over the chart's.
   * @default - the chart's: 200m CPU, 256Mi memory and 1Gi ephemeral storage requested;
   * 4Gi memory and 10Gi ephemeral storage limits
   */
  readonly resources?: ContainerResources;

  /**
   * The control plane's volume claim.
   * @default - a 5Gi claim of the default StorageClass, used only with an embedded backing store
   */
  readonly persistence?: ControlPlanePersistenceOptions;

  /**
   * Where the control plane pods run.
   * @default - anywhere
   */
  readonly scheduling?: SchedulingOptions;

  /**
   * The pod security context, e.g. `{ fsGroup: 12345 }`.
   * @default - none (with `rootless`, the rootless one)
   */
  readonly podSecurityContext?: k8s.PodSecurityContext;

  /**
   * The syncer container's security context, merged over the chart's (which runs as root
   * without privilege escalation).
   * @default - the chart's: `{ allowPrivilegeEscalation: false, runAsUser: 0, runAsGroup: 0 }`
   * (with `rootless`, the rootless one)
   */
  readonly containerSecurityContext?: k8s.SecurityContext;

  /**
   * Labels of the control plane StatefulSet or Deployment.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Annotations of the control plane StatefulSet or Deployment.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };

  /**
   * Labels of the control plane pods.
   * @default - none
   */
  readonly podLabels?: { readonly [key: string]: string };

  /**
   * Annotations of the control plane pods.
   * @default - none
   */
  readonly podAnnotations?: { readonly [key: string]: string };
}

export function controlPlaneValues(cp: ControlPlaneOptions | undefined, ids: RootlessIds | undefined): ValueMap {
  if (cp === undefined) return {};
  const prop = 'controlPlane';
  checkWholeNumber(`${prop}.replicas`, cp.replicas, 1, 'must be a whole number of at least 1; give 1, or 3 for high availability.');
  if (cp.imagePullPolicy !== undefined && !Object.values(ImagePullPolicy).includes(cp.imagePullPolicy)) {
    fail(`${prop}.imagePullPolicy`, cp.imagePullPolicy, 'use an ImagePullPolicy, e.g. ImagePullPolicy.IF_NOT_PRESENT.');
  }
  const persistence = cp.persistence;
  return {
    controlPlane: {
      statefulSet: {
        highAvailability: { replicas: cp.replicas },
        image: imageValues(`${prop}.image`, cp.image),
        imagePullPolicy: cp.imagePullPolicy,
        resources: resourcesValues(`${prop}.resources`, cp.resources),
        persistence: persistence && { volumeClaim: { enabled: persistence.enabled, ...volumeClaimValues(`${prop}.persistence`, persistence) } },
        scheduling: schedulingValues(cp.scheduling),
        security: {
          podSecurityContext: podSecurityValues(`${prop}.podSecurityContext`, cp.podSecurityContext, ids),
          containerSecurityContext: containerSecurityValues(`${prop}.containerSecurityContext`, cp.containerSecurityContext, ids),
        },
        labels: cp.labels && { ...cp.labels },
        annotations: cp.annotations && { ...cp.annotations },
        pods: { labels: cp.podLabels && { ...cp.podLabels }, annotations: cp.podAnnotations && { ...cp.podAnnotations } },
      },
    },
  };
}
