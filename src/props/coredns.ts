import type { ContainerResources, ServiceType } from 'cdk8s-plus-31';
import type { CoreDNS } from '../../imports/chart-versions';
import { resourcesValues } from './quantities';
import { schedulingValues, SchedulingOptions } from './scheduling';
import { checkWholeNumber } from './validation';

/** The Service of CoreDNS inside the virtual cluster (vcluster.yaml `controlPlane.coredns.service`). */
export interface CorednsServiceOptions {
  /**
   * How the Service is exposed.
   * @default ServiceType.CLUSTER_IP
   */
  readonly type?: `${ServiceType}`;
  /**
   * Annotations.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * Labels.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
}

/**
 * The virtual cluster's DNS (vcluster.yaml `controlPlane.coredns`): a CoreDNS Deployment inside
 * the virtual cluster, or CoreDNS embedded in the control plane. Its security contexts are the
 * `rootless` prop's.
 */
export interface CorednsOptions {
  /**
   * Whether the virtual cluster has a DNS.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Run CoreDNS inside the control plane instead of as a Deployment (vCluster Pro); needed by
   * `networking.resolveDNS`.
   * @default false
   */
  readonly embedded?: boolean;

  /**
   * Pods of the Deployment (`deployment.replicas`).
   * @default 1
   */
  readonly replicas?: number;

  /**
   * The CoreDNS image, e.g. "coredns/coredns:1.12.1" (`deployment.image`).
   * @default - vCluster's
   */
  readonly image?: string;

  /**
   * Resources of the CoreDNS container, merged entry by entry over the chart's (`deployment.resources`).
   * @default - the chart's: 20m CPU and 64Mi memory requested, 1 CPU and 170Mi memory limits
   */
  readonly resources?: ContainerResources;

  /**
   * Where the pods run: `nodeSelector`, `tolerations`, `affinity` and `topologySpreadConstraints`
   * of the Deployment, and `priorityClassName`.
   * @default - the chart's: one pod per node (a topology spread constraint)
   */
  readonly scheduling?: Omit<SchedulingOptions, 'podManagementPolicy'>;

  /**
   * Labels of the Deployment.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Annotations of the Deployment.
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

  /**
   * The CoreDNS Service.
   * @default - a ClusterIP Service
   */
  readonly service?: CorednsServiceOptions;

  /**
   * A Corefile used instead of vCluster's.
   * @default - vCluster's
   */
  readonly overwriteConfig?: string;

  /**
   * Kubernetes manifests (YAML) deployed instead of vCluster's CoreDNS manifests.
   * @default - vCluster's
   */
  readonly overwriteManifests?: string;
}

const map = (m: { readonly [k: string]: string } | undefined) => m && { ...m };

/** The `controlPlane.coredns` section, but for `security` (the rootless prop's). */
export function corednsSection(c: CorednsOptions): CoreDNS {
  checkWholeNumber('coredns.replicas', c.replicas, 0, 'expected a whole number of pods.');
  // The PriorityClass is the section's own key, the rest of the placement the Deployment's.
  const placement = schedulingValues('coredns.scheduling', c.scheduling) ?? {};
  const { priorityClassName, nodeSelector, tolerations, affinity, topologySpreadConstraints } = placement;
  return {
    enabled: c.enabled,
    embedded: c.embedded,
    priorityClassName,
    overwriteConfig: c.overwriteConfig,
    overwriteManifests: c.overwriteManifests,
    deployment: {
      image: c.image,
      replicas: c.replicas,
      resources: resourcesValues('coredns.resources', c.resources),
      nodeSelector: nodeSelector as { [label: string]: string } | undefined,
      tolerations,
      affinity,
      topologySpreadConstraints,
      labels: map(c.labels),
      annotations: map(c.annotations),
      pods: { labels: map(c.podLabels), annotations: map(c.podAnnotations) },
    },
    service: c.service && {
      spec: { type: c.service.type },
      annotations: map(c.service.annotations),
      labels: map(c.service.labels),
    },
  };
}
