import type { ImagePullPolicy, k8s } from 'cdk8s-plus-31';
import type { PrivateNodes } from '../../imports/chart-versions';
import { AutoNodesOptions, autoNodesValues } from './auto-nodes';
import { cdk8sPlus } from './cdk8s-plus';
import { plainJson, toggle } from './fragment';
import { checkWholeNumber } from './validation';

/** The kubelet of every private node (vcluster.yaml `privateNodes.kubelet`). */
export interface KubeletOptions {
  /**
   * KubeletConfiguration fields merged over vCluster's, e.g. `{ serverTLSBootstrap: true }` or
   * `{ podPidsLimit: 1000000 }`.
   * @default - vCluster's
   */
  readonly config?: { readonly [field: string]: unknown };
}

/** The upgrade of the nodes' Kubernetes binaries when the virtual cluster's version changes (vcluster.yaml `privateNodes.autoUpgrade`). */
export interface AutoUpgradeOptions {
  /**
   * The image of the upgrade pods.
   * @default - vCluster's
   */
  readonly image?: string;
  /**
   * When that image is pulled.
   * @default - the Kubernetes default
   */
  readonly imagePullPolicy?: `${ImagePullPolicy}`;
  /**
   * The nodes upgraded.
   * @default - every node
   */
  readonly nodeSelector?: { readonly [label: string]: string };
  /**
   * How many nodes are upgraded at once.
   * @default 1
   */
  readonly concurrency?: number;
}

/** An extra kubelet flag of a joining node. */
export interface KubeletExtraArg {
  /** The flag, without dashes. */
  readonly name: string;
  /** Its value. */
  readonly value: string;
}

/** How a node registers (kubeadm's `nodeRegistration`). */
export interface NodeRegistrationOptions {
  /**
   * The container runtime's socket.
   * @default - kubeadm's
   */
  readonly criSocket?: string;
  /**
   * Extra kubelet flags.
   * @default - none
   */
  readonly kubeletExtraArgs?: KubeletExtraArg[];
  /**
   * Taints of the node when it registers.
   * @default - none
   */
  readonly taints?: k8s.Taint[];
  /**
   * kubeadm preflight errors shown as warnings ("all" for every one).
   * @default - none
   */
  readonly ignorePreflightErrors?: string[];
  /**
   * When kubeadm pulls images.
   * @default - kubeadm's
   */
  readonly imagePullPolicy?: `${ImagePullPolicy}`;
}

/** containerd on a joining node (vcluster.yaml `privateNodes.joinNode.containerd`). */
export interface ContainerdOptions {
  /**
   * The pause (sandbox) image.
   * @default - vCluster's
   */
  readonly pauseImage?: string;
  /**
   * The directory of containerd's registry host configuration (`registry.configPath`).
   * @default - vCluster's
   */
  readonly registryConfigPath?: string;
}

/** What a node runs when it joins (vcluster.yaml `privateNodes.joinNode`, kubeadm join). */
export interface JoinNodeOptions {
  /**
   * Shell commands before vCluster installs anything on the node.
   * @default - none
   */
  readonly preInstallCommands?: string[];
  /**
   * Shell commands before the node joins.
   * @default - none
   */
  readonly preJoinCommands?: string[];
  /**
   * Shell commands after the node joined.
   * @default - none
   */
  readonly postJoinCommands?: string[];
  /**
   * Install containerd: `true`, `false` (the node brings its own), or options.
   * @default true
   */
  readonly containerd?: boolean | ContainerdOptions;
  /**
   * Where the node keeps the cluster's CA certificate.
   * @default - kubeadm's
   */
  readonly caCertPath?: string;
  /**
   * kubeadm join phases skipped.
   * @default - none
   */
  readonly skipPhases?: string[];
  /**
   * How the node registers.
   * @default - kubeadm's
   */
  readonly nodeRegistration?: NodeRegistrationOptions;
}

/** Private nodes: nodes of the virtual cluster's own, joined to its control plane (vcluster.yaml `privateNodes`). */
export interface PrivateNodesOptions {
  /**
   * The kubelet of every node.
   * @default - vCluster's
   */
  readonly kubelet?: KubeletOptions;
  /**
   * Upgrade the nodes with the virtual cluster's Kubernetes version: `true`, `false`, or options.
   * @default true
   */
  readonly autoUpgrade?: boolean | AutoUpgradeOptions;
  /**
   * What a node runs when it joins.
   * @default - vCluster's
   */
  readonly joinNode?: JoinNodeOptions;
  /**
   * Nodes created by node providers of vCluster Platform.
   * @default - none
   */
  readonly autoNodes?: AutoNodesOptions[];
  /**
   * A VPN between the nodes and the control plane (`true`), and between the nodes (`{ nodeToNode: true }`),
   * for nodes outside the control plane's network. Needs a vCluster Platform connection.
   * @default false
   */
  readonly vpn?: boolean | { readonly nodeToNode?: boolean };
  /**
   * The NodeProfile of nodes that select none. Chart 0.36.1 and later; needs a vCluster Platform connection.
   * @default - none
   */
  readonly defaultProfile?: string;
}

const map = <T>(m: { readonly [k: string]: T } | undefined) => m && { ...m };

/** The `joinNode` section of private nodes or of a standalone control plane node, but for its switch. */
export function joinNodeValues(j: JoinNodeOptions) {
  const r = j.nodeRegistration;
  return {
    preInstallCommands: j.preInstallCommands && [...j.preInstallCommands],
    preJoinCommands: j.preJoinCommands && [...j.preJoinCommands],
    postJoinCommands: j.postJoinCommands && [...j.postJoinCommands],
    containerd: toggle(j.containerd, (c) => ({ pauseImage: c.pauseImage, registry: { configPath: c.registryConfigPath } })),
    caCertPath: j.caCertPath,
    skipPhases: j.skipPhases && [...j.skipPhases],
    nodeRegistration: r && {
      criSocket: r.criSocket,
      kubeletExtraArgs: r.kubeletExtraArgs?.map((a) => ({ name: a.name, value: a.value })),
      taints: r.taints?.map((t) => plainJson(cdk8sPlus().k8s.toJson_Taint(t))),
      ignorePreflightErrors: r.ignorePreflightErrors && [...r.ignorePreflightErrors],
      imagePullPolicy: r.imagePullPolicy,
    },
  };
}

/** The `privateNodes` section: `true`/`false`, or options that switch private nodes on. */
export function privateNodesSection(v: boolean | PrivateNodesOptions): PrivateNodes | undefined {
  return toggle(v, (o) => {
    const upgrade = o.autoUpgrade;
    if (typeof upgrade === 'object') {
      checkWholeNumber('privateNodes.autoUpgrade.concurrency', upgrade.concurrency, 1, 'expected at least 1 node at once.');
    }
    return {
      kubelet: o.kubelet && { config: map(o.kubelet.config) },
      autoUpgrade: toggle(upgrade, (u) => ({
        image: u.image, imagePullPolicy: u.imagePullPolicy, nodeSelector: map(u.nodeSelector), concurrency: u.concurrency,
      })),
      joinNode: o.joinNode && joinNodeValues(o.joinNode),
      autoNodes: o.autoNodes && autoNodesValues('privateNodes.autoNodes', o.autoNodes),
      vpn: toggle(o.vpn, (n) => ({ nodeToNode: n.nodeToNode === undefined ? undefined : { enabled: n.nodeToNode } })),
      defaultProfile: o.defaultProfile,
    };
  }) as PrivateNodes | undefined;
}
