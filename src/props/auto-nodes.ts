import type { Duration, Size } from 'cdk8s';
import type { Cpu, k8s } from 'cdk8s-plus-31';
import type { DynamicNodePool, PrivateNodesAutoNodes, StaticNodePool } from '../../imports/chart-versions';
import { cdk8sPlus } from './cdk8s-plus';
import { plainJson } from './fragment';
import { goDuration } from './go-duration';
import { cpuQuantity, sizeQuantity } from './quantities';
import { checkNonEmpty, checkOneOf, checkWholeNumber, fail } from './validation';

/** How a node type's property is compared (Kubernetes set-based requirements). */
export enum NodeTypeOperator {
  /** The property is one of `values` (the default). */
  IN = 'In',
  /** The property is none of `values`. */
  NOT_IN = 'NotIn',
  /** The node type has the property. */
  EXISTS = 'Exists',
  /** The node type lacks the property. */
  DOES_NOT_EXIST = 'DoesNotExist',
  /** The property is a number greater than the one value. */
  GT = 'Gt',
  /** The property is a number less than the one value. */
  LT = 'Lt',
}

/** A requirement on the node types a pool may create (vcluster.yaml `nodeTypeSelector` entry). */
export interface NodeTypeRequirement {
  /** The property of the node type, e.g. "instance-type" or "vcluster.com/gpu-count". */
  readonly property: string;
  /**
   * How it is compared.
   * @default NodeTypeOperator.IN (vCluster's)
   */
  readonly operator?: NodeTypeOperator;
  /**
   * The one value the property must have (exclusive with `values`).
   * @default - none
   */
  readonly value?: string;
  /**
   * The values compared with (exclusive with `value`).
   * @default - none
   */
  readonly values?: string[];
}

/** What every node pool has. */
export interface NodePoolOptions {
  /** The pool's name. */
  readonly name: string;
  /**
   * Which node types the pool may create; all must be met.
   * @default - any node type of the provider
   */
  readonly nodeTypeSelector?: NodeTypeRequirement[];
  /**
   * Taints of the pool's nodes (key, value, effect).
   * @default - none
   */
  readonly taints?: k8s.Taint[];
  /**
   * Labels of the pool's nodes.
   * @default - none
   */
  readonly nodeLabels?: { readonly [key: string]: string };
  /**
   * How long a node being deleted waits for its pods before they are deleted; "Never" waits indefinitely.
   * @default - 30 seconds (Karpenter's)
   */
  readonly terminationGracePeriod?: Duration | 'Never';
  /**
   * The NodeProfile applied to the pool's nodes. Chart 0.36.1 and later.
   * @default - the private nodes' `defaultProfile`
   */
  readonly profile?: string;
  /**
   * Node provider properties of this pool, over those of its provider entry. Chart 0.37.0 and later.
   * @default - none
   */
  readonly properties?: { readonly [key: string]: string };
}

/** A pool of a fixed number of nodes (vcluster.yaml `static` entry). */
export interface StaticNodePoolOptions extends NodePoolOptions {
  /** How many nodes. */
  readonly quantity: number;
}

/** The most a dynamic pool provisions in all (Karpenter's NodePool limits, plus `nodes`). */
export interface NodePoolLimits {
  /**
   * CPUs of all its nodes together.
   * @default - no limit
   */
  readonly cpu?: Cpu;
  /**
   * Memory of all its nodes together.
   * @default - no limit
   */
  readonly memory?: Size;
  /**
   * Nodes.
   * @default - no limit
   */
  readonly nodes?: number;
}

/** Which nodes Karpenter may consolidate. */
export enum ConsolidationPolicy {
  /** Empty or underutilized nodes (Karpenter's default). */
  WHEN_EMPTY_OR_UNDERUTILIZED = 'WhenEmptyOrUnderutilized',
  /** Empty nodes only. */
  WHEN_EMPTY = 'WhenEmpty',
}

/** How many nodes may be disrupted at once, possibly on a schedule (Karpenter's budget). */
export interface DisruptionBudget {
  /** Nodes, as a number ("5") or a percentage ("20%"). */
  readonly nodes: string;
  /**
   * When the budget starts, as a cron schedule ("@daily", "0 9 * * mon-fri"); needs `duration`.
   * @default - always
   */
  readonly schedule?: string;
  /**
   * How long it lasts from each start.
   * @default - always
   */
  readonly duration?: Duration;
}

/** When Karpenter disrupts a dynamic pool's nodes (vcluster.yaml `disruption`). */
export interface NodePoolDisruption {
  /**
   * Which nodes are consolidated.
   * @default ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED
   */
  readonly consolidationPolicy?: ConsolidationPolicy;
  /**
   * How long a node stays empty or underutilized before it is consolidated; "Never" never.
   * @default - 30 seconds (vCluster's)
   */
  readonly consolidateAfter?: Duration | 'Never';
  /**
   * How many nodes may be disrupted at once.
   * @default - 10% (Karpenter's)
   */
  readonly budgets?: DisruptionBudget[];
}

/** A pool scaled to what the virtual cluster's pods need, by Karpenter (vcluster.yaml `dynamic` entry). */
export interface DynamicNodePoolOptions extends NodePoolOptions {
  /**
   * The most it provisions in all.
   * @default - no limit
   */
  readonly limits?: NodePoolLimits;
  /**
   * When its nodes are disrupted.
   * @default - Karpenter's
   */
  readonly disruption?: NodePoolDisruption;
  /**
   * How long a node lives before it is replaced; "Never" never.
   * @default - 720 hours (Karpenter's)
   */
  readonly expireAfter?: Duration | 'Never';
  /**
   * The pool's priority among the pools that fit (higher first).
   * @default - none
   */
  readonly weight?: number;
}

/** Nodes a node provider of vCluster Platform creates for the virtual cluster (vcluster.yaml `privateNodes.autoNodes` entry). */
export interface AutoNodesOptions {
  /** The node provider, as named in vCluster Platform. */
  readonly provider: string;
  /**
   * Node provider properties (region, subscription, ...).
   * @default - none
   */
  readonly properties?: { readonly [key: string]: string };
  /**
   * Pools of a fixed size.
   * @default - none
   */
  readonly static?: StaticNodePoolOptions[];
  /**
   * Pools scaled automatically.
   * @default - none
   */
  readonly dynamic?: DynamicNodePoolOptions[];
}

const NEVER = 'Never';

function durationOrNever(prop: string, v: Duration | 'Never' | undefined): string | undefined {
  if (v === undefined || v === NEVER) return v;
  return goDuration(prop, v);
}

/** A node type requirement as its values, checked. */
export function requirement(prop: string, r: NodeTypeRequirement) {
  checkNonEmpty(`${prop}.property`, r.property, 'name the property of the node type, e.g. "instance-type".');
  if (r.operator !== undefined) checkOneOf(`${prop}.operator`, r.operator, NodeTypeOperator, 'use a NodeTypeOperator, e.g. NodeTypeOperator.IN.');
  if (r.value !== undefined && r.values !== undefined) fail(prop, r, 'give value or values, not both.');
  // As vCluster checks requirements when it starts (an empty value counts as none).
  const compared = (r.value ?? '') !== '' || (r.values ?? []).length > 0;
  const op = r.operator ?? NodeTypeOperator.IN;
  if ((op === NodeTypeOperator.EXISTS || op === NodeTypeOperator.DOES_NOT_EXIST) && compared) {
    fail(prop, r, `NodeTypeOperator.${op === NodeTypeOperator.EXISTS ? 'EXISTS' : 'DOES_NOT_EXIST'} compares no value; remove value and values.`);
  }
  if (op !== NodeTypeOperator.EXISTS && op !== NodeTypeOperator.DOES_NOT_EXIST && !compared) {
    fail(prop, r, `operator "${op}" compares the property with value or values; give one.`);
  }
  return { property: r.property, operator: r.operator, values: r.values && [...r.values], value: r.value };
}

function pool(prop: string, p: NodePoolOptions) {
  checkNonEmpty(`${prop}.name`, p.name, 'name the node pool.');
  return {
    name: p.name,
    nodeTypeSelector: p.nodeTypeSelector?.map((r, i) => requirement(`${prop}.nodeTypeSelector[${i}]`, r)),
    taints: p.taints?.map((t) => plainJson(cdk8sPlus().k8s.toJson_Taint(t))),
    nodeLabels: p.nodeLabels && { ...p.nodeLabels },
    terminationGracePeriod: durationOrNever(`${prop}.terminationGracePeriod`, p.terminationGracePeriod),
    profile: p.profile,
    properties: p.properties && { ...p.properties },
  };
}

function staticPool(prop: string, p: StaticNodePoolOptions): StaticNodePool {
  checkWholeNumber(`${prop}.quantity`, p.quantity, 0, 'expected a whole number of nodes.');
  return { ...pool(prop, p), quantity: p.quantity };
}

function limits(prop: string, l: NodePoolLimits): { [resource: string]: string } {
  checkWholeNumber(`${prop}.nodes`, l.nodes, 1, 'expected a whole number of nodes, at least 1.');
  return {
    ...(l.cpu === undefined ? {} : { cpu: cpuQuantity(`${prop}.cpu`, l.cpu) }),
    ...(l.memory === undefined ? {} : { memory: sizeQuantity(`${prop}.memory`, l.memory) }),
    // A string, as the values schema wants every limit.
    ...(l.nodes === undefined ? {} : { nodes: String(l.nodes) }),
  };
}

function disruption(prop: string, d: NodePoolDisruption) {
  if (d.consolidationPolicy !== undefined) {
    checkOneOf(`${prop}.consolidationPolicy`, d.consolidationPolicy, ConsolidationPolicy, 'use a ConsolidationPolicy.');
  }
  return {
    consolidationPolicy: d.consolidationPolicy,
    consolidateAfter: durationOrNever(`${prop}.consolidateAfter`, d.consolidateAfter),
    budgets: d.budgets?.map((b, i) => {
      const at = `${prop}.budgets[${i}]`;
      if (!/^(\d+|\d+%)$/.test(String(b.nodes))) fail(`${at}.nodes`, b.nodes, 'expected a number of nodes ("5") or a percentage ("20%").');
      if ((b.schedule === undefined) !== (b.duration === undefined)) fail(at, b.schedule ?? '', 'give schedule and duration together.');
      return { nodes: b.nodes, schedule: b.schedule, duration: b.duration && goDuration(`${at}.duration`, b.duration) };
    }),
  };
}

function dynamicPool(prop: string, p: DynamicNodePoolOptions): DynamicNodePool {
  checkWholeNumber(`${prop}.weight`, p.weight, 1, 'expected a whole number of at least 1.');
  return {
    ...pool(prop, p),
    limits: p.limits && limits(`${prop}.limits`, p.limits),
    disruption: p.disruption && disruption(`${prop}.disruption`, p.disruption),
    expireAfter: durationOrNever(`${prop}.expireAfter`, p.expireAfter),
    weight: p.weight,
  };
}

/** The `privateNodes.autoNodes` list. */
export function autoNodesValues(prop: string, entries: readonly AutoNodesOptions[]): PrivateNodesAutoNodes[] {
  return entries.map((e, i) => {
    const at = `${prop}[${i}]`;
    checkNonEmpty(`${at}.provider`, e.provider, 'name the node provider as vCluster Platform names it.');
    // Through JSON: list items are not compacted, and a key left undefined must not reach the values.
    return plainJson({
      provider: e.provider,
      properties: e.properties && { ...e.properties },
      static: e.static?.map((p, j) => staticPool(`${at}.static[${j}]`, p)),
      dynamic: e.dynamic?.map((p, j) => dynamicPool(`${at}.dynamic[${j}]`, p)),
    }) as PrivateNodesAutoNodes;
  });
}
