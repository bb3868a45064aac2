import type { k8s, PodManagementPolicy } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { ControlPlaneScheduling } from '../../imports/chart-versions';
import { plainJson } from './fragment';
import { checkOneOf } from './validation';

/** Where the pods of a workload may run: vcluster.yaml's `scheduling` section. */
export interface SchedulingOptions {
  /**
   * Labels a node must have.
   * @default - any node
   */
  readonly nodeSelector?: { readonly [label: string]: string };

  /**
   * Taints the pods tolerate.
   * @default - none
   */
  readonly tolerations?: k8s.Toleration[];

  /**
   * Node and pod (anti-)affinity.
   * @default - none for the control plane; deployed etcd spreads its pods over nodes and zones
   */
  readonly affinity?: k8s.Affinity;

  /**
   * How the pods spread over topology domains.
   * @default - none
   */
  readonly topologySpreadConstraints?: k8s.TopologySpreadConstraint[];

  /**
   * The PriorityClass of the pods.
   * @default - none
   */
  readonly priorityClassName?: string;

  /**
   * Whether the StatefulSet starts and stops its pods all at once or one after the other, e.g.
   * `PodManagementPolicy.ORDERED_READY`. Unused when the control plane runs as a Deployment.
   * @default PodManagementPolicy.PARALLEL
   */
  readonly podManagementPolicy?: `${PodManagementPolicy}`;
}

export function schedulingValues(prop: string, scheduling: SchedulingOptions | undefined): ControlPlaneScheduling | undefined {
  if (scheduling === undefined) return undefined;
  if (scheduling.podManagementPolicy !== undefined) {
    checkOneOf(`${prop}.podManagementPolicy`, scheduling.podManagementPolicy, cdk8sPlus().PodManagementPolicy,
      'use PodManagementPolicy.PARALLEL or PodManagementPolicy.ORDERED_READY (cdk8s-plus).');
  }
  return {
    nodeSelector: scheduling.nodeSelector && { ...scheduling.nodeSelector },
    tolerations: scheduling.tolerations?.map((t) => plainJson(cdk8sPlus().k8s.toJson_Toleration(t))),
    affinity: scheduling.affinity && plainJson(cdk8sPlus().k8s.toJson_Affinity(scheduling.affinity)),
    topologySpreadConstraints: scheduling.topologySpreadConstraints?.map((c) => plainJson(cdk8sPlus().k8s.toJson_TopologySpreadConstraint(c))),
    priorityClassName: scheduling.priorityClassName,
    podManagementPolicy: scheduling.podManagementPolicy,
  };
}
