import type { k8s } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { ControlPlaneScheduling } from '../../imports/chart-versions';
import { plainJson } from './fragment';

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
}

export function schedulingValues(scheduling: SchedulingOptions | undefined): ControlPlaneScheduling | undefined {
  if (scheduling === undefined) return undefined;
  return {
    nodeSelector: scheduling.nodeSelector && { ...scheduling.nodeSelector },
    tolerations: scheduling.tolerations?.map((t) => plainJson(cdk8sPlus().k8s.toJson_Toleration(t))),
    affinity: scheduling.affinity && plainJson(cdk8sPlus().k8s.toJson_Affinity(scheduling.affinity)),
    topologySpreadConstraints: scheduling.topologySpreadConstraints?.map((c) => plainJson(cdk8sPlus().k8s.toJson_TopologySpreadConstraint(c))),
    priorityClassName: scheduling.priorityClassName,
  };
}
