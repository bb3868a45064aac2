import type { ControlPlane } from '../../imports/chart-versions';
import { NodeTypeRequirement, requirement } from './auto-nodes';
import { joinNodeValues, JoinNodeOptions } from './private-nodes';
import { checkNonEmpty, checkWholeNumber } from './validation';

/** The standalone control plane node joining the virtual cluster as a node (vcluster.yaml `controlPlane.standalone.joinNode`). */
export interface StandaloneJoinNodeOptions extends JoinNodeOptions {
  /**
   * Whether the control plane node joins the virtual cluster as a node, so that it runs workloads too.
   * @default true (the chart's)
   */
  readonly enabled?: boolean;
}

/** Further control plane nodes that vCluster Platform's node provider creates (vcluster.yaml `controlPlane.standalone.autoNodes`). */
export interface StandaloneAutoNodesOptions {
  /**
   * The node provider, as vCluster Platform names it.
   * @default - vCluster Platform's
   */
  readonly provider?: string;

  /**
   * How many control plane nodes to run.
   * @default - vCluster's
   */
  readonly quantity?: number;

  /**
   * Which node types the provider may create; all must be met.
   * @default - any node type of the provider
   */
  readonly nodeTypeSelector?: NodeTypeRequirement[];
}

/**
 * vCluster Standalone: the control plane runs as a binary on a node of its own, not as a pod of a
 * host cluster (vcluster.yaml `controlPlane.standalone`). The chart renders nothing of it; the
 * standalone binary reads it from the config (`/etc/vcluster/vcluster.yaml`).
 */
export interface StandaloneOptions {
  /**
   * vcluster.yaml's switch `controlPlane.standalone.enabled`. `standalone: true` is `{ enabled: true }`.
   * @default - not written (the chart's: off), as in a config that changes settings of a standalone vCluster
   */
  readonly enabled?: boolean;

  /**
   * The directory of the control plane's data on the node.
   * @default "/var/lib/vcluster" (the chart's)
   */
  readonly dataDir?: string;

  /**
   * The IP address the control plane advertises to the kubernetes and konnectivity Services, for
   * hosts with several networks. Chart 0.36.1 and later.
   * @default - vCluster's: VCLUSTER_STANDALONE_IP_ADDRESS, else the default route's interface
   */
  readonly advertiseAddress?: string;

  /**
   * The control plane node as a node of the virtual cluster: `true`, `false`, or options.
   * @default true (the chart's: it joins, with containerd)
   */
  readonly joinNode?: boolean | StandaloneJoinNodeOptions;

  /**
   * Further control plane nodes from a node provider of vCluster Platform.
   * @default - none
   */
  readonly autoNodes?: StandaloneAutoNodesOptions;
}

type Standalone = NonNullable<ControlPlane['standalone']>;

function joinNode(j: boolean | StandaloneJoinNodeOptions): Standalone['joinNode'] {
  if (typeof j === 'boolean') return { enabled: j };
  const { enabled, ...options } = j;
  return { enabled, ...joinNodeValues(options) } as Standalone['joinNode'];
}

/** The `controlPlane.standalone` section: `true`/`false` its switch, or options. */
export function standaloneSection(v: boolean | StandaloneOptions): Standalone {
  if (typeof v === 'boolean') return { enabled: v };
  const prop = 'standalone';
  if (v.dataDir !== undefined) checkNonEmpty(`${prop}.dataDir`, v.dataDir, 'give a directory, e.g. "/var/lib/vcluster", or leave it out.');
  if (v.advertiseAddress !== undefined) checkNonEmpty(`${prop}.advertiseAddress`, v.advertiseAddress, 'give an IP address, or leave it out.');
  const auto = v.autoNodes;
  if (auto?.provider !== undefined) checkNonEmpty(`${prop}.autoNodes.provider`, auto.provider, 'name the node provider, or leave it out.');
  checkWholeNumber(`${prop}.autoNodes.quantity`, auto?.quantity, 1, 'expected at least 1 control plane node.');
  return {
    enabled: v.enabled,
    dataDir: v.dataDir,
    advertiseAddress: v.advertiseAddress,
    joinNode: v.joinNode === undefined ? undefined : joinNode(v.joinNode),
    autoNodes: auto && {
      provider: auto.provider,
      quantity: auto.quantity,
      nodeTypeSelector: auto.nodeTypeSelector?.map((r, i) => requirement(`${prop}.autoNodes.nodeTypeSelector[${i}]`, r)),
    },
  } as Standalone;
}
