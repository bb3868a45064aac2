import { VClusterValues } from '../../imports/chart-versions';
import { limitRangeValues, LimitRangeOptions } from './limit-range';
import { networkPolicyValues, NetworkPolicyOptions } from './network-policy';
import { resourceQuotaValues, ResourceQuotaOptions } from './resource-quota';
import { checkOneOf } from './validation';

/** A Pod Security Standard the virtual cluster enforces on its own pods. */
export enum PodSecurityStandard {
  /** No restrictions. */
  PRIVILEGED = 'privileged',
  /** Known privilege escalations are refused. */
  BASELINE = 'baseline',
  /** Current pod hardening practice. */
  RESTRICTED = 'restricted',
}

/** Limits and isolation of the virtual cluster (vcluster.yaml `policies`). */
export interface PoliciesOptions {
  /**
   * The ResourceQuota of the host namespace.
   * @default - the chart's: a quota only when the limit range is enabled
   */
  readonly resourceQuota?: ResourceQuotaOptions;

  /**
   * The LimitRange of the host namespace.
   * @default - the chart's: a limit range only when the resource quota is enabled
   */
  readonly limitRange?: LimitRangeOptions;

  /**
   * NetworkPolicies isolating the virtual cluster.
   * @default - none
   */
  readonly networkPolicy?: NetworkPolicyOptions;

  /**
   * The Pod Security Standard the virtual cluster's API server enforces on virtual pods.
   * @default - none
   */
  readonly podSecurityStandard?: PodSecurityStandard;
}

/** The `policies` section. */
export function policiesSection(policies: PoliciesOptions): VClusterValues['policies'] {
  const pss = policies.podSecurityStandard;
  if (pss !== undefined) checkOneOf('policies.podSecurityStandard', pss, PodSecurityStandard, 'use a PodSecurityStandard, e.g. ' +
    'PodSecurityStandard.RESTRICTED.');
  return {
    resourceQuota: resourceQuotaValues(policies.resourceQuota),
    limitRange: limitRangeValues(policies.limitRange),
    networkPolicy: networkPolicyValues(policies.networkPolicy),
    podSecurityStandard: pss,
  };
}
