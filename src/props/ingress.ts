import { HttpIngressPathType } from 'cdk8s-plus-31';
import { ControlPlane, VClusterValues } from '../../imports/chart-versions';
import { checkHost, checkNonEmpty, fail } from './validation';

/** TLS of the control plane's Ingress. */
export interface IngressTls {
  /**
   * The Secret holding the certificate. With the chart's nginx ssl-passthrough annotations the
   * API server terminates TLS itself and the Secret is not used.
   */
  readonly secretName: string;

  /**
   * The host names the certificate is for.
   * @default - the ingress host
   */
  readonly hosts?: string[];
}

/**
 * An Ingress for the control plane's API server (vcluster.yaml `controlPlane.ingress`). The
 * chart's default annotations make ingress-nginx pass TLS through to the API server
 * (`ssl-passthrough`), so the controller must run with `--enable-ssl-passthrough`.
 */
export interface IngressOptions {
  /** The host name the API server is reached at, e.g. "vc1.example.com". */
  readonly host: string;

  /**
   * The IngressClass.
   * @default - the cluster's default IngressClass
   */
  readonly ingressClassName?: string;

  /**
   * How the path "/" matches.
   * @default HttpIngressPathType.IMPLEMENTATION_SPECIFIC
   */
  readonly pathType?: `${HttpIngressPathType}`;

  /**
   * TLS settings.
   * @default - none
   */
  readonly tls?: IngressTls;

  /**
   * Annotations, merged over the chart's ingress-nginx ones
   * (`backend-protocol: HTTPS`, `ssl-passthrough: "true"`, `ssl-redirect: "true"`).
   * @default - the chart's
   */
  readonly annotations?: { readonly [key: string]: string };

  /**
   * Labels.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Whether the host is also written first among the certificate's extra names
   * (`controlPlane.proxy.extraSANs`). vCluster puts the ingress host in the API server's
   * certificate itself when it starts, so `false` changes only the values vCluster reads (its
   * config Secret), as when vcluster.yaml gives the ingress without listing its host in extraSANs.
   * @default true
   */
  readonly extraSan?: boolean;
}

/** The `controlPlane.ingress` section. */
export function ingressSection(ingress: IngressOptions): ControlPlane['ingress'] {
  if (ingress.host === undefined || ingress.host === '') {
    fail('ingress.host', ingress.host, 'an ingress needs the host name the API server is reached at, e.g. { host: "vc1.example.com" }.');
  }
  checkHost('ingress.host', ingress.host, 'the ingress host');
  if (ingress.ingressClassName !== undefined) checkNonEmpty('ingress.ingressClassName', ingress.ingressClassName, 'give an IngressClass ' +
    'name, or leave it out for the default class.');
  if (ingress.tls !== undefined) checkNonEmpty('ingress.tls.secretName', ingress.tls.secretName, 'give the name of the Secret with the certificate.');
  return {
    enabled: true,
    host: ingress.host,
    pathType: ingress.pathType,
    annotations: ingress.annotations && { ...ingress.annotations },
    labels: ingress.labels && { ...ingress.labels },
    spec: {
      ingressClassName: ingress.ingressClassName,
      tls: ingress.tls && [{ hosts: [...(ingress.tls.hosts ?? [ingress.host])], secretName: ingress.tls.secretName }],
    },
  };
}

/**
 * The API server certificate's extra subject alternative names (`controlPlane.proxy.extraSANs`):
 * the ingress host first (unless its `extraSan` is false), so that clients reaching the API server
 * through the ingress trust it, then the given ones.
 */
export function extraSansValues(extraSans: string[] | undefined, ingress: IngressOptions | undefined): VClusterValues {
  (extraSans ?? []).forEach((san, i) => checkNonEmpty(`extraSans[${i}]`, san, 'give a host name or IP address.'));
  const sans = [...new Set([...(ingress && ingress.extraSan !== false ? [ingress.host] : []), ...(extraSans ?? [])])];
  return sans.length === 0 ? {} : { controlPlane: { proxy: { extraSANs: sans } } };
}
