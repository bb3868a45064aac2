import type { ControlPlane } from '../../imports/chart-versions';
import { toggle } from './fragment';
import { checkNonEmpty, fail, hostPort } from './validation';

/** Embedded kube-vip's settings (vcluster.yaml `controlPlane.advanced.kubeVip`). */
export interface KubeVipOptions {
  /**
   * The network interface the VIP is announced on, e.g. "eth0" ("net1" with a Multus network).
   * @default - vCluster's
   */
  readonly interface?: string;

  /**
   * The gateway in CIDR notation, with the subnet's prefix length, e.g. "10.100.0.1/24", for the
   * VIP's policy routing.
   * @default - vCluster's
   */
  readonly gateway?: string;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/;

function isCidr(v: string): boolean {
  const [ip, prefix, ...rest] = v.split('/');
  if (rest.length > 0 || prefix === undefined || !/^(0|[1-9]\d{0,2})$/.test(prefix)) return false;
  if (IPV4.test(ip)) return Number(prefix) <= 32;
  return IPV6.test(ip) && Number(prefix) <= 128;
}

/**
 * `controlPlane.endpoint`: the address private nodes and clients reach the control plane at, as
 * `host:port` (vCluster refuses another form when it starts).
 */
export function endpointValue(endpoint: string): string {
  const address = hostPort(endpoint);
  if (!address || address.host === '' || address.port < 1) {
    fail('endpoint', endpoint, 'must be host:port, e.g. "10.100.0.100:8443" (an IPv6 address in brackets: "[fd00::10]:8443").');
  }
  return endpoint;
}

/**
 * The `controlPlane.advanced.kubeVip` section: `true` runs kube-vip inside the control plane,
 * which announces the endpoint's IP (the `endpoint` prop) on layer 2, for private nodes on the
 * same network. The chart gives the control-plane container the NET_ADMIN and NET_RAW capabilities.
 */
export function kubeVipSection(v: boolean | KubeVipOptions): NonNullable<ControlPlane['advanced']>['kubeVip'] {
  return toggle(v, (o) => {
    if (o.interface !== undefined) checkNonEmpty('kubeVip.interface', o.interface, 'name the network interface, e.g. "eth0", or leave it out.');
    if (o.gateway !== undefined && (typeof o.gateway !== 'string' || !isCidr(o.gateway))) {
      fail('kubeVip.gateway', o.gateway, 'must be the gateway in CIDR notation, with the prefix length, e.g. "10.100.0.1/24".');
    }
    return { interface: o.interface, gateway: o.gateway };
  });
}
