import { isIP } from 'node:net';
import type { Networking, ResolveDNS } from '../../imports/chart-versions';
import { plainJson } from './fragment';
import { checkNonEmpty, fail } from './validation';

/** A Service replicated between the host and the virtual cluster (vcluster.yaml `networking.replicateServices` entry). */
export interface ServiceReplicationOptions {
  /** The Service replicated, `namespace/name` (for `fromHost`, a bare name is in the virtual cluster's host namespace). */
  readonly from: string;
  /** The replica: for `toHost` a Service name in the host namespace, for `fromHost` `namespace/name` in the virtual cluster. */
  readonly to: string;
}

/** Services replicated between the host and the virtual cluster (vcluster.yaml `networking.replicateServices`). */
export interface ReplicateServicesOptions {
  /**
   * Virtual Services replicated to the host: `from` a virtual `namespace/name`, `to` a name in the
   * host namespace.
   * @default - none
   */
  readonly toHost?: ServiceReplicationOptions[];

  /**
   * Host Services replicated into the virtual cluster: `from` a host `namespace/name`, `to` a
   * virtual `namespace/name`.
   * @default - none
   */
  readonly fromHost?: ServiceReplicationOptions[];
}

/** Where a `resolveDNS` rule points: exactly one of these (vcluster.yaml `networking.resolveDNS[].target`). */
export interface ResolveDnsTargetOptions {
  /**
   * Another host name; with a wildcard (`*.svc.cluster.local`) when the rule's `hostname` has one.
   * @default - none
   */
  readonly hostname?: string;
  /**
   * An IP address.
   * @default - none
   */
  readonly ip?: string;
  /**
   * A host Service, `namespace/name`.
   * @default - none
   */
  readonly hostService?: string;
  /**
   * A host namespace, for a rule on a `namespace`.
   * @default - none
   */
  readonly hostNamespace?: string;
  /**
   * A Service of another virtual cluster, `hostNamespace/vClusterName/namespace/name`.
   * @default - none
   */
  readonly vClusterService?: string;
}

/**
 * An extra DNS rule of the embedded CoreDNS (vcluster.yaml `networking.resolveDNS` entry): exactly
 * one of `hostname`, `service` and `namespace`, and its target. A vCluster Pro feature.
 */
export interface ResolveDnsOptions {
  /**
   * A host name looked up in the virtual cluster, with at most one wildcard as prefix or suffix.
   * @default - none
   */
  readonly hostname?: string;
  /**
   * A virtual Service, `namespace/name`.
   * @default - none
   */
  readonly service?: string;
  /**
   * A virtual namespace, every Service of which resolves in `target.hostNamespace`.
   * @default - none
   */
  readonly namespace?: string;
  /** What it resolves to. */
  readonly target: ResolveDnsTargetOptions;
}

/** Whether the kubelets of the virtual cluster's nodes are reached through the control plane (vcluster.yaml `networking.advanced.proxyKubelets`). */
export interface ProxyKubeletsOptions {
  /**
   * Give each node a special vCluster host name the kubelet is reached at.
   * @default true
   */
  readonly byHostname?: boolean;
  /**
   * Create a host Service per node that routes to the virtual cluster (Prometheus needs a node IP).
   * @default true
   */
  readonly byIP?: boolean;
}

/** The virtual cluster's network (vcluster.yaml `networking`). */
export interface NetworkingOptions {
  /**
   * Services replicated between the host and the virtual cluster.
   * @default - none
   */
  readonly replicateServices?: ReplicateServicesOptions;

  /**
   * Extra DNS rules; they need the embedded CoreDNS (`coredns: { embedded: true }`, vCluster Pro).
   * @default - none
   */
  readonly resolveDNS?: ResolveDnsOptions[];

  /**
   * The Service CIDR of the virtual cluster, e.g. "10.128.0.0/16".
   * @default - the host's, detected by vCluster (with private nodes, vCluster's own)
   */
  readonly serviceCIDR?: string;

  /**
   * The pod CIDR of the virtual cluster, e.g. "10.64.0.0/16"; used with private nodes only.
   * @default "10.244.0.0/16"
   */
  readonly podCIDR?: string;

  /**
   * The cluster domain inside the virtual cluster (`networking.advanced.clusterDomain`).
   * @default "cluster.local"
   */
  readonly clusterDomain?: string;

  /**
   * Fall back to the host's DNS for names the virtual cluster does not know, e.g.
   * `service.host-namespace` (`networking.advanced.fallbackHostCluster`).
   * @default false
   */
  readonly fallbackHostCluster?: boolean;

  /**
   * How the kubelets' metrics and stats are faked for node exporters (`networking.advanced.proxyKubelets`).
   * @default - both on
   */
  readonly proxyKubelets?: ProxyKubeletsOptions;
}

/** `namespace/name`, or a bare name where `bare` allows it, as vCluster parses service mappings. */
function checkServiceName(prop: string, value: string, slashes: readonly number[], fix: string): void {
  checkNonEmpty(prop, value, fix);
  const parts = value.split('/');
  if (!slashes.includes(parts.length - 1) || parts.some((p) => p === '')) fail(prop, value, fix);
}

function replications(prop: string, list: readonly ServiceReplicationOptions[] | undefined, toHost: boolean) {
  return list?.map((r, i) => {
    const at = `${prop}[${i}]`;
    checkServiceName(`${at}.from`, r.from, toHost ? [1] : [0, 1],
      toHost ? 'expected the virtual Service as namespace/name.' : 'expected the host Service as namespace/name (or a name in the host namespace).');
    checkServiceName(`${at}.to`, r.to, toHost ? [0] : [1],
      toHost ? 'expected a Service name in the host namespace, without a namespace.' : 'expected the virtual Service as namespace/name.');
    return { from: r.from, to: r.to };
  });
}

const WILDCARD = 'with a wildcard, use one, as prefix or suffix (e.g. "*.example.com").';

function checkWildcard(prop: string, host: string): number {
  const n = host.split('*').length - 1;
  if (n > 1 || (n === 1 && !host.startsWith('*') && !host.endsWith('*'))) fail(prop, host, WILDCARD);
  return n;
}

/** The rules vCluster checks when it starts (pkg/config/coredns_plugin_validation.go), on the prop. */
function resolveDnsRule(prop: string, rule: ResolveDnsOptions): ResolveDNS {
  const sources = (['hostname', 'service', 'namespace'] as const).filter((k) => rule[k] !== undefined && rule[k] !== '');
  if (sources.length !== 1) {
    fail(prop, sources, 'give exactly one of hostname, service and namespace.');
  }
  const t = rule.target ?? {};
  const targets = (['hostname', 'ip', 'hostService', 'hostNamespace', 'vClusterService'] as const).filter((k) => t[k] !== undefined && t[k] !== '');
  if (targets.length !== 1) {
    fail(`${prop}.target`, targets, 'give exactly one of hostname, ip, hostService, hostNamespace and vClusterService.');
  }
  if (rule.service !== undefined) checkServiceName(`${prop}.service`, rule.service, [1], 'expected the virtual Service as namespace/name.');
  if (t.hostService !== undefined) checkServiceName(`${prop}.target.hostService`, t.hostService, [1], 'expected the host Service as namespace/name.');
  if (t.vClusterService !== undefined) {
    checkServiceName(`${prop}.target.vClusterService`, t.vClusterService, [3], 'expected hostNamespace/vClusterName/namespace/name.');
  }
  if ((rule.namespace !== undefined) !== (t.hostNamespace !== undefined)) {
    fail(`${prop}.target`, targets[0], 'a rule on a namespace needs target.hostNamespace, and target.hostNamespace needs a namespace.');
  }
  const targetWildcards = t.hostname === undefined ? 0 : checkWildcard(`${prop}.target.hostname`, t.hostname);
  if (rule.hostname !== undefined && checkWildcard(`${prop}.hostname`, rule.hostname) !== 0 && targetWildcards !== 1) {
    fail(`${prop}.target`, targets[0], 'a wildcard hostname needs a target.hostname with a wildcard too.');
  }
  if (t.ip !== undefined && isIP(t.ip) === 0) fail(`${prop}.target.ip`, t.ip, 'expected an IPv4 or IPv6 address.');
  // Through JSON: list items are not compacted, and a key left undefined must not reach the values.
  return plainJson({ hostname: rule.hostname, service: rule.service, namespace: rule.namespace, target: t });
}

function checkCidr(prop: string, value: string | undefined): void {
  if (value === undefined) return;
  const [address, bits, more] = String(value).split('/');
  const max = isIP(address) === 4 ? 32 : isIP(address) === 6 ? 128 : 0;
  if (more !== undefined || max === 0 || !/^\d{1,3}$/.test(bits ?? '') || Number(bits) > max) {
    fail(prop, value, 'expected a CIDR such as "10.128.0.0/16".');
  }
}

/** The `networking` section. */
export function networkingSection(n: NetworkingOptions): Networking {
  checkCidr('networking.serviceCIDR', n.serviceCIDR);
  checkCidr('networking.podCIDR', n.podCIDR);
  const rs = n.replicateServices;
  const proxy = n.proxyKubelets;
  return {
    serviceCIDR: n.serviceCIDR,
    podCIDR: n.podCIDR,
    replicateServices: rs && {
      toHost: replications('networking.replicateServices.toHost', rs.toHost, true),
      fromHost: replications('networking.replicateServices.fromHost', rs.fromHost, false),
    },
    resolveDNS: n.resolveDNS?.map((r, i) => resolveDnsRule(`networking.resolveDNS[${i}]`, r)),
    advanced: {
      clusterDomain: n.clusterDomain,
      fallbackHostCluster: n.fallbackHostCluster,
      proxyKubelets: proxy && { byHostname: proxy.byHostname, byIP: proxy.byIP },
    },
  };
}
