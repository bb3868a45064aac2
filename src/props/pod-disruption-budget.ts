import { ControlPlaneAdvanced } from '../../imports/chart-versions';
import { toggle } from './fragment';
import { checkOneOf, fail } from './validation';

/** When the PodDisruptionBudget lets unhealthy control-plane pods be evicted. */
export enum UnhealthyPodEvictionPolicy {
  /** Running but not ready pods are evicted only while the budget holds. */
  IF_HEALTHY_BUDGET = 'IfHealthyBudget',
  /** Running but not ready pods may always be evicted. */
  ALWAYS_ALLOW = 'AlwaysAllow',
}

/** A number of pods, or a percentage of them such as "50%". */
export type PodCount = number | `${number}%`;

/** The PodDisruptionBudget of the control-plane pods (vcluster.yaml `controlPlane.advanced.podDisruptionBudget`). */
export interface PodDisruptionBudgetOptions {
  /**
   * Pods that must stay available during a voluntary disruption (a node drain). Give this or
   * `maxUnavailable`, not both: the chart would keep only this one.
   * @default - Kubernetes': none, unless maxUnavailable is given
   */
  readonly minAvailable?: PodCount;

  /**
   * Pods that may be unavailable during a voluntary disruption.
   * @default - Kubernetes': none
   */
  readonly maxUnavailable?: PodCount;

  /**
   * When running but not ready pods may be evicted.
   * @default - Kubernetes': UnhealthyPodEvictionPolicy.IF_HEALTHY_BUDGET
   */
  readonly unhealthyPodEvictionPolicy?: UnhealthyPodEvictionPolicy;
}

/** The `controlPlane.advanced.podDisruptionBudget` section. */
export function podDisruptionBudgetSection(
  pdb: boolean | PodDisruptionBudgetOptions,
): ControlPlaneAdvanced['podDisruptionBudget'] {
  const prop = 'podDisruptionBudget';
  return toggle(pdb, (o) => {
    if (o.minAvailable !== undefined && o.maxUnavailable !== undefined) {
      fail(prop, o, 'give minAvailable or maxUnavailable, not both: the chart renders only minAvailable.');
    }
    const count = (key: 'minAvailable' | 'maxUnavailable') => {
      const v = o[key];
      if (v === undefined) return undefined;
      // The chart leaves a 0 out (it is falsy): the budget would then guard nothing.
      const ok = typeof v === 'number' ? Number.isInteger(v) && v > 0 : /^[1-9]\d*%$/.test(v);
      if (!ok) fail(`${prop}.${key}`, v, 'give a whole number of pods above 0 or a percentage such as "50%" (the chart drops a 0).');
      return v;
    };
    if (o.unhealthyPodEvictionPolicy !== undefined) {
      checkOneOf(
        `${prop}.unhealthyPodEvictionPolicy`,
        o.unhealthyPodEvictionPolicy,
        UnhealthyPodEvictionPolicy,
        'use UnhealthyPodEvictionPolicy.IF_HEALTHY_BUDGET or UnhealthyPodEvictionPolicy.ALWAYS_ALLOW.',
      );
    }
    return { minAvailable: count('minAvailable'), maxUnavailable: count('maxUnavailable'), unhealthyPodEvictionPolicy: o.unhealthyPodEvictionPolicy };
  });
}
