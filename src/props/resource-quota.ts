import { Size } from 'cdk8s';
import type { Cpu, k8s } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { Policies } from '../../imports/chart-versions';
import { plainJson } from './fragment';
import { cpuQuantity, sizeQuantity } from './quantities';
import { ValueMap } from '../values/value-map';
import { checkOneOf, checkWholeNumber, fail } from './validation';

/** The storage one StorageClass may give out. */
export interface StorageClassQuota {
  /**
   * Total storage requested from the class.
   * @default - no limit
   */
  readonly requestsStorage?: Size;

  /**
   * Volume claims of the class.
   * @default - no limit
   */
  readonly persistentVolumeClaims?: number;
}

/**
 * The entries of the virtual cluster's ResourceQuota (its `hard` limits). They are merged over
 * the chart's default quota entry by entry, so entries not given keep the chart's values
 * (e.g. 10 CPUs and 20Gi of memory requested, 20 pods).
 */
export interface ResourceQuotaEntries {
  /**
   * CPU requested by all pods (`cpu`, the same as `requests.cpu`).
   * @default - the chart's `requests.cpu` (10)
   */
  readonly cpu?: Cpu;

  /**
   * Memory requested by all pods (`memory`, the same as `requests.memory`).
   * @default - the chart's `requests.memory` (20Gi)
   */
  readonly memory?: Size;

  /**
   * CPU requested by all pods (`requests.cpu`).
   * @default - the chart's: 10 CPUs
   */
  readonly requestsCpu?: Cpu;

  /**
   * Memory requested by all pods (`requests.memory`).
   * @default - the chart's: 20Gi
   */
  readonly requestsMemory?: Size;

  /**
   * CPU limit of all pods (`limits.cpu`).
   * @default - the chart's: 20 CPUs
   */
  readonly limitsCpu?: Cpu;

  /**
   * Memory limit of all pods (`limits.memory`).
   * @default - the chart's: 40Gi
   */
  readonly limitsMemory?: Size;

  /**
   * Storage requested by all volume claims (`requests.storage`).
   * @default - the chart's: 100Gi
   */
  readonly requestsStorage?: Size;

  /**
   * Ephemeral storage requested by all pods (`requests.ephemeral-storage`).
   * @default - the chart's: 60Gi
   */
  readonly requestsEphemeralStorage?: Size;

  /**
   * Ephemeral storage limit of all pods (`limits.ephemeral-storage`).
   * @default - the chart's: 160Gi
   */
  readonly limitsEphemeralStorage?: Size;

  /**
   * Non-terminal pods (`pods`).
   * @default - the chart's `count/pods` (20)
   */
  readonly pods?: number;

  /**
   * Services (`services`).
   * @default - the chart's `count/services` (20)
   */
  readonly services?: number;

  /**
   * NodePort services (`services.nodeports`).
   * @default - the chart's: 0
   */
  readonly servicesNodePorts?: number;

  /**
   * LoadBalancer services (`services.loadbalancers`).
   * @default - the chart's: 1
   */
  readonly servicesLoadBalancers?: number;

  /**
   * Volume claims (`persistentvolumeclaims`).
   * @default - the chart's `count/persistentvolumeclaims` (20)
   */
  readonly persistentVolumeClaims?: number;

  /**
   * Object counts by resource (`count/<resource>`), e.g. `{ 'deployments.apps': 10, configmaps: 50 }`.
   * @default - the chart's: endpoints 40, pods 20, services 20, secrets 100, configmaps 100,
   * persistentvolumeclaims 20
   */
  readonly objectCounts?: { readonly [resource: string]: number };

  /**
   * Storage per StorageClass (`<class>.storageclass.storage.k8s.io/...`).
   * @default - no limit per class
   */
  readonly storageClasses?: { readonly [storageClass: string]: StorageClassQuota };
}

/** A ResourceQuota scope: the pods the quota counts. */
export enum ResourceQuotaScope {
  /** Pods with an active deadline. */
  TERMINATING = 'Terminating',
  /** Pods without an active deadline. */
  NOT_TERMINATING = 'NotTerminating',
  /** Pods without resource requests or limits. */
  BEST_EFFORT = 'BestEffort',
  /** Pods with resource requests or limits. */
  NOT_BEST_EFFORT = 'NotBestEffort',
  /** Pods that name a PriorityClass. */
  PRIORITY_CLASS = 'PriorityClass',
  /** Pods with cross-namespace pod (anti-)affinity terms. */
  CROSS_NAMESPACE_POD_AFFINITY = 'CrossNamespacePodAffinity',
}

/**
 * The ResourceQuota of the virtual cluster's host namespace (vcluster.yaml
 * `policies.resourceQuota`). It counts the control plane's own pods too.
 */
export interface ResourceQuotaOptions {
  /**
   * Whether the quota exists.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The quota entries, merged over the chart's.
   * @default - the chart's
   */
  readonly quota?: ResourceQuotaEntries;

  /**
   * The scopes the quota applies to.
   * @default - all pods
   */
  readonly scopes?: ResourceQuotaScope[];

  /**
   * A selector over the scopes, e.g. pods of some PriorityClasses.
   * @default - none
   */
  readonly scopeSelector?: k8s.ScopeSelector;

  /**
   * Labels of the ResourceQuota.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Annotations of the ResourceQuota.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}

const SIZES: ReadonlyArray<readonly [keyof ResourceQuotaEntries, string]> = [
  ['memory', 'memory'], ['requestsMemory', 'requests.memory'], ['limitsMemory', 'limits.memory'],
  ['requestsStorage', 'requests.storage'], ['requestsEphemeralStorage', 'requests.ephemeral-storage'],
  ['limitsEphemeralStorage', 'limits.ephemeral-storage'],
];
const CPUS: ReadonlyArray<readonly [keyof ResourceQuotaEntries, string]> = [
  ['cpu', 'cpu'], ['requestsCpu', 'requests.cpu'], ['limitsCpu', 'limits.cpu'],
];
const COUNTS: ReadonlyArray<readonly [keyof ResourceQuotaEntries, string]> = [
  ['pods', 'pods'], ['services', 'services'], ['servicesNodePorts', 'services.nodeports'],
  ['servicesLoadBalancers', 'services.loadbalancers'], ['persistentVolumeClaims', 'persistentvolumeclaims'],
];

/** The quota entries as the `quota` map: quantities as the strings the tutorial writes ("4", "5Gi", "15"). */
export function quotaEntries(prop: string, quota: ResourceQuotaEntries): ValueMap {
  const out: ValueMap = {};
  for (const [name, key] of CPUS) {
    const v = quota[name] as Cpu | undefined;
    if (v !== undefined) out[key] = cpuQuantity(`${prop}.${name}`, v);
  }
  for (const [name, key] of SIZES) {
    const v = quota[name] as Size | undefined;
    if (v !== undefined) out[key] = sizeQuantity(`${prop}.${name}`, v);
  }
  for (const [name, key] of COUNTS) {
    const v = quota[name] as number | undefined;
    if (v !== undefined) out[key] = count(`${prop}.${name}`, v);
  }
  for (const [resource, v] of Object.entries(quota.objectCounts ?? {})) {
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(resource)) {
      fail(`${prop}.objectCounts`, resource, 'keys are resource names as kubectl api-resources lists them, with the group for non-core ' +
        'ones, e.g. "configmaps" or "deployments.apps".');
    }
    out[`count/${resource}`] = count(`${prop}.objectCounts.${resource}`, v);
  }
  for (const [storageClass, q] of Object.entries(quota.storageClasses ?? {})) {
    const key = `${storageClass}.storageclass.storage.k8s.io`;
    if (q.requestsStorage !== undefined)
      out[`${key}/requests.storage`] = sizeQuantity(`${prop}.storageClasses.${storageClass}.requestsStorage`, q.requestsStorage);
    if (q.persistentVolumeClaims !== undefined)
      out[`${key}/persistentvolumeclaims`] = count(`${prop}.storageClasses.${storageClass}.persistentVolumeClaims`, q.persistentVolumeClaims);
  }
  return out;
}

function count(prop: string, n: number): string {
  checkWholeNumber(prop, n, 0, 'must be a whole number of at least 0.');
  return String(n);
}

export function resourceQuotaValues(rq: ResourceQuotaOptions | undefined): Policies['resourceQuota'] | undefined {
  if (rq === undefined) return undefined;
  const prop = 'policies.resourceQuota';
  for (const scope of rq.scopes ?? []) {
    checkOneOf(`${prop}.scopes`, scope, ResourceQuotaScope, 'use a ResourceQuotaScope, e.g. ResourceQuotaScope.NOT_TERMINATING.');
  }
  return {
    enabled: rq.enabled ?? true,
    quota: rq.quota && quotaEntries(`${prop}.quota`, rq.quota),
    scopes: rq.scopes && [...rq.scopes],
    scopeSelector: rq.scopeSelector && plainJson(cdk8sPlus().k8s.toJson_ScopeSelector(rq.scopeSelector)),
    labels: rq.labels && { ...rq.labels },
    annotations: rq.annotations && { ...rq.annotations },
  };
}
