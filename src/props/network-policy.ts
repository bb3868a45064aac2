import type { k8s } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { Policies } from '../../imports/chart-versions';
import { plainJson } from './fragment';
import { ValueMap } from '../values/value-map';
import { checkNonEmpty, fail } from './validation';

/** Egress of the virtual cluster's workloads to addresses outside the host cluster. */
export interface PublicEgressOptions {
  /**
   * The addresses workloads may reach.
   * @default "0.0.0.0/0"
   */
  readonly cidr?: string;

  /**
   * Addresses within `cidr` workloads may not reach. Replaces the chart's list.
   * @default - the private and special ranges: 100.64.0.0/10, 127.0.0.0/8, 10.0.0.0/8,
   * 172.16.0.0/12, 192.168.0.0/16
   */
  readonly except?: string[];
}

/** Rules appended to the chart's own rules of a NetworkPolicy. */
export interface NetworkPolicyRules {
  /**
   * Extra ingress rules.
   * @default - none
   */
  readonly ingress?: k8s.NetworkPolicyIngressRule[];

  /**
   * Extra egress rules.
   * @default - none
   */
  readonly egress?: k8s.NetworkPolicyEgressRule[];
}

/**
 * NetworkPolicies isolating the virtual cluster (vcluster.yaml `policies.networkPolicy`): its
 * workloads reach each other, its control plane and DNS, and public addresses; nothing else of
 * the host cluster reaches them.
 */
export interface NetworkPolicyOptions {
  /**
   * Whether the policies exist.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Egress of workloads to public addresses: `true` with the chart's ranges, `false` for none.
   * @default true
   */
  readonly publicEgress?: boolean | PublicEgressOptions;

  /**
   * Extra rules for the workloads' policy.
   * @default - none
   */
  readonly workload?: NetworkPolicyRules;

  /**
   * Extra rules for the control plane's policy.
   * @default - none
   */
  readonly controlPlane?: NetworkPolicyRules;

  /**
   * The DNS server the virtual cluster's CoreDNS falls back to.
   * @default "8.8.8.8"
   */
  readonly fallbackDns?: string;

  /**
   * Labels of the policies.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Annotations of the policies.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}

const CIDR = /^([0-9.]+\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/;

function rules(r: NetworkPolicyRules | undefined): ValueMap | undefined {
  if (r === undefined) return undefined;
  return {
    ingress: r.ingress?.map((rule) => plainJson(cdk8sPlus().k8s.toJson_NetworkPolicyIngressRule(rule))),
    egress: r.egress?.map((rule) => plainJson(cdk8sPlus().k8s.toJson_NetworkPolicyEgressRule(rule))),
  };
}

export function networkPolicyValues(np: NetworkPolicyOptions | undefined): Policies['networkPolicy'] | undefined {
  if (np === undefined) return undefined;
  const prop = 'policies.networkPolicy';
  let publicEgress: ValueMap | undefined;
  if (typeof np.publicEgress === 'boolean') {
    publicEgress = { enabled: np.publicEgress };
  } else if (np.publicEgress !== undefined) {
    const { cidr, except } = np.publicEgress;
    if (cidr !== undefined && !CIDR.test(cidr)) fail(`${prop}.publicEgress.cidr`, cidr, 'must be a CIDR such as "0.0.0.0/0".');
    (except ?? []).forEach((c, i) => {
      if (!CIDR.test(c)) fail(`${prop}.publicEgress.except[${i}]`, c, 'must be a CIDR such as "10.0.0.0/8".');
    });
    publicEgress = { enabled: true, cidr, except: except && [...except] };
  }
  if (np.fallbackDns !== undefined) checkNonEmpty(`${prop}.fallbackDns`, np.fallbackDns, 'give a DNS server address, e.g. "1.1.1.1".');
  return {
    enabled: np.enabled ?? true,
    fallbackDns: np.fallbackDns,
    workload: { publicEgress, ...rules(np.workload) },
    controlPlane: rules(np.controlPlane),
    labels: np.labels && { ...np.labels },
    annotations: np.annotations && { ...np.annotations },
  };
}
