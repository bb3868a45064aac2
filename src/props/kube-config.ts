import { VClusterValues } from '../../imports/chart-versions';
import { IngressOptions } from './ingress';
import { checkNonEmpty, fail } from './validation';

/** The host Secret the kubeconfig is written to. */
export interface KubeConfigSecret {
  /** The Secret's name. */
  readonly name: string;

  /**
   * The Secret's namespace. In another namespace than the virtual cluster's, the construct adds
   * the Role and RoleBinding vCluster needs to write it there (README: "A kubeconfig Secret in
   * another namespace").
   * @default - the virtual cluster's namespace
   */
  readonly namespace?: string;
}

/**
 * A ServiceAccount of the virtual cluster whose token the exported kubeconfig carries instead
 * of the admin client certificate.
 */
export interface KubeConfigServiceAccount {
  /** The ServiceAccount's name. */
  readonly name: string;

  /**
   * The ServiceAccount's namespace in the virtual cluster.
   * @default "kube-system"
   */
  readonly namespace?: string;

  /**
   * A ClusterRole vCluster binds to the ServiceAccount.
   * @default - none
   */
  readonly clusterRole?: string;
}

/**
 * The kubeconfig the virtual cluster writes to a host Secret (vcluster.yaml `exportKubeConfig`),
 * for users and tools outside it.
 */
export interface ExportKubeConfigOptions {
  /**
   * The context name in the kubeconfig.
   * @default - vCluster's ("vcluster_<name>_<namespace>_...")
   */
  readonly context?: string;

  /**
   * The API server URL in the kubeconfig.
   * @default - `https://<ingress host>` when an ingress is set, else vCluster's
   * (`https://localhost:8443`)
   */
  readonly server?: string;

  /**
   * Skip TLS verification of the server.
   * @default false
   */
  readonly insecure?: boolean;

  /**
   * The Secret the kubeconfig is written to instead of `vc-<name>`. (vCluster deprecates this
   * in favour of `exportKubeConfig.additionalSecrets`, which keeps `vc-<name>` and adds copies;
   * set those through raw `values`.)
   * @default - `vc-<name>` in the virtual cluster's namespace
   */
  readonly secret?: KubeConfigSecret;

  /**
   * Authenticate as this ServiceAccount.
   * @default - the admin client certificate
   */
  readonly serviceAccount?: KubeConfigServiceAccount;
}

/** The `exportKubeConfig` section; the ingress host is the server by default. */
export function exportKubeConfigSection(options: ExportKubeConfigOptions, ingress: IngressOptions | undefined): VClusterValues['exportKubeConfig'] {
  if (options.server !== undefined && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(options.server)) {
    fail('exportKubeConfig.server', options.server, 'must be a URL such as "https://vc1.example.com".');
  }
  if (options.context !== undefined) checkNonEmpty('exportKubeConfig.context', options.context, 'give a context name, or leave it out.');
  if (options.secret !== undefined) checkNonEmpty('exportKubeConfig.secret.name', options.secret.name, 'give the Secret name.');
  if (options.serviceAccount !== undefined)
    checkNonEmpty('exportKubeConfig.serviceAccount.name', options.serviceAccount.name, 'give the ServiceAccount name.');
  return {
    context: options.context,
    server: options.server ?? (ingress ? `https://${ingress.host}` : undefined),
    insecure: options.insecure,
    secret: options.secret && { name: options.secret.name, namespace: options.secret.namespace },
    serviceAccount: options.serviceAccount && { ...options.serviceAccount },
  };
}
