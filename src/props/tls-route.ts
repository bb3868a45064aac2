import type { ControlPlane } from '../../imports/chart-versions';
import { checkHost, checkNonEmpty, fail } from './validation';

/** A Gateway the TLSRoute attaches to (a Gateway API ParentReference). */
export interface TlsRouteParentRef {
  /** The Gateway's name. */
  readonly name: string;

  /**
   * The Gateway's namespace.
   * @default - the virtual cluster's namespace
   */
  readonly namespace?: string;

  /**
   * The Gateway's listener, by name.
   * @default - every listener that takes the route
   */
  readonly sectionName?: string;

  /**
   * The Gateway's listener, by port.
   * @default - every listener that takes the route
   */
  readonly port?: number;

  /**
   * The parent's API group.
   * @default "gateway.networking.k8s.io" (Gateway API's)
   */
  readonly group?: string;

  /**
   * The parent's kind.
   * @default "Gateway" (Gateway API's)
   */
  readonly kind?: string;
}

/**
 * A Gateway API TLSRoute for the control plane's API server (vcluster.yaml
 * `controlPlane.tlsRoute`): the Gateway passes TLS through to the API server (its listener in
 * `tls.mode: Passthrough`). The host is not added to the certificate's names: give it in `extraSans`.
 */
export interface TlsRouteOptions {
  /** The host name the API server is reached at, e.g. "vc1.example.com". */
  readonly host: string;

  /** The Gateways the route attaches to. */
  readonly parentRefs: TlsRouteParentRef[];

  /**
   * The TLSRoute's API version, the one the cluster's Gateway API serves.
   * @default "gateway.networking.k8s.io/v1" (the chart's)
   */
  readonly apiVersion?: string;

  /**
   * Annotations of the TLSRoute.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };

  /**
   * Labels of the TLSRoute.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
}

const PARENT_REF_KEYS = ['name', 'namespace', 'sectionName', 'port', 'group', 'kind'] as const;

/** The `controlPlane.tlsRoute` section. */
export function tlsRouteSection(route: TlsRouteOptions): ControlPlane['tlsRoute'] {
  if (route.host === undefined || route.host === '') {
    fail('tlsRoute.host', route.host, 'a TLSRoute needs the host name the API server is reached at, e.g. { host: "vc1.example.com" }.');
  }
  checkHost('tlsRoute.host', route.host, 'the TLSRoute host');
  if (!Array.isArray(route.parentRefs) || route.parentRefs.length === 0) {
    fail('tlsRoute.parentRefs', route.parentRefs, 'name the Gateway the route attaches to, e.g. [{ name: "my-gateway", namespace: "gateways" }].');
  }
  route.parentRefs.forEach((ref, i) => checkNonEmpty(`tlsRoute.parentRefs[${i}].name`, ref.name, 'give the Gateway\'s name.'));
  if (route.apiVersion !== undefined && !/^gateway\.networking\.k8s\.io\/v\w+$/.test(route.apiVersion)) {
    fail('tlsRoute.apiVersion', route.apiVersion, 'must be a Gateway API version, e.g. "gateway.networking.k8s.io/v1".');
  }
  return {
    enabled: true,
    apiVersion: route.apiVersion,
    host: route.host,
    // Compacted here: list items are not (an undefined key would be read as a null).
    parentRefs: route.parentRefs.map((ref) => Object.fromEntries(PARENT_REF_KEYS.filter((k) => ref[k] !== undefined).map((k) => [k, ref[k]]))),
    annotations: route.annotations && { ...route.annotations },
    labels: route.labels && { ...route.labels },
  };
}
