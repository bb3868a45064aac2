import type { ControlPlane } from '../../imports/chart-versions';
import { toggle } from './fragment';

/** vCluster's use of the HostPath Mapper (vcluster.yaml `controlPlane.hostPathMapper`). */
export interface HostPathMapperOptions {
  /**
   * Use vCluster Platform's central HostPath Mapper instead of a DaemonSet deployed beside the
   * virtual cluster.
   * @default false
   */
  readonly central?: boolean;
}

/**
 * The `controlPlane.hostPathMapper` section: `true` lets vCluster use the HostPath Mapper, which
 * maps the host's log paths of synced pods to their virtual names for log collectors. The chart
 * renders nothing of it; the HostPath Mapper DaemonSet is its own chart.
 */
export function hostPathMapperSection(v: boolean | HostPathMapperOptions): ControlPlane['hostPathMapper'] {
  return toggle(v, (o) => ({ central: o.central }));
}
