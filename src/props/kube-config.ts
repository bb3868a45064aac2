import { VClusterValues } from '../../imports/chart-versions';
import { compact } from './fragment';
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
 * A further host Secret the virtual cluster writes a kubeconfig to, beside `vc-<name>`
 * (vcluster.yaml `exportKubeConfig.additionalSecrets[]`), with its own context, server and
 * credentials: none of the default Secret's settings apply to it.
 */
export interface KubeConfigAdditionalSecret {
  /**
   * The Secret's name.
   * @default - vCluster's (`vc-<name>`), in `namespace`; give at least one of name and namespace
   */
  readonly name?: string;

  /**
   * The Secret's namespace. In another namespace than the virtual cluster's, the construct adds
   * the Role and RoleBinding vCluster needs to write it there.
   * @default - the virtual cluster's namespace
   */
  readonly namespace?: string;

  /**
   * The context name in this kubeconfig.
   * @default - vCluster's
   */
  readonly context?: string;

  /**
   * The API server URL in this kubeconfig.
   * @default - vCluster's (`https://localhost:8443`)
   */
  readonly server?: string;

  /**
   * Skip TLS verification of the server.
   * @default false
   */
  readonly insecure?: boolean;

  /**
   * Authenticate as this ServiceAccount.
   * @default - the admin client certificate
   */
  readonly serviceAccount?: KubeConfigServiceAccount;
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
   * The Secret the kubeconfig is written to instead of `vc-<name>`. vCluster deprecates this in
   * favour of `additionalSecrets`, which keeps `vc-<name>` and adds more; the two do not go together.
   * @default - `vc-<name>` in the virtual cluster's namespace
   */
  readonly secret?: KubeConfigSecret;

  /**
   * Further Secrets the kubeconfig is written to, beside `vc-<name>`, each with its own settings.
   * @default - none
   */
  readonly additionalSecrets?: KubeConfigAdditionalSecret[];

  /**
   * Authenticate as this ServiceAccount.
   * @default - the admin client certificate
   */
  readonly serviceAccount?: KubeConfigServiceAccount;
}

/** A URL such as "https://vc1.example.com" (no credentials, no spaces). */
function checkServer(prop: string, server: string | undefined): void {
  if (server !== undefined && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(server)) fail(prop, server, 'must be a URL such as "https://vc1.example.com".');
}

function checkServiceAccount(prop: string, sa: KubeConfigServiceAccount | undefined): void {
  if (sa !== undefined) checkNonEmpty(`${prop}.name`, sa.name, 'give the ServiceAccount name.');
}

function additionalSecret(secret: KubeConfigAdditionalSecret, i: number) {
  const prop = `exportKubeConfig.additionalSecrets[${i}]`;
  if ((secret.name ?? '').trim() === '' && (secret.namespace ?? '').trim() === '') {
    fail(prop, secret, 'give the Secret\'s name, its namespace or both.');
  }
  checkServer(`${prop}.server`, secret.server);
  if (secret.context !== undefined) checkNonEmpty(`${prop}.context`, secret.context, 'give a context name, or leave it out.');
  checkServiceAccount(`${prop}.serviceAccount`, secret.serviceAccount);
  // Compacted here: list items are not (an undefined key would be read as a null).
  return compact({
    name: secret.name,
    namespace: secret.namespace,
    context: secret.context,
    server: secret.server,
    insecure: secret.insecure,
    serviceAccount: secret.serviceAccount && { ...secret.serviceAccount },
  });
}

/** The `exportKubeConfig` section; the ingress host is the server by default. */
export function exportKubeConfigSection(options: ExportKubeConfigOptions, ingress: IngressOptions | undefined): VClusterValues['exportKubeConfig'] {
  checkServer('exportKubeConfig.server', options.server);
  if (options.context !== undefined) checkNonEmpty('exportKubeConfig.context', options.context, 'give a context name, or leave it out.');
  if (options.secret !== undefined) checkNonEmpty('exportKubeConfig.secret.name', options.secret.name, 'give the Secret name.');
  checkServiceAccount('exportKubeConfig.serviceAccount', options.serviceAccount);
  if (options.secret !== undefined && (options.additionalSecrets ?? []).length > 0) {
    fail('exportKubeConfig.additionalSecrets', options.additionalSecrets,
      'vCluster writes either secret (deprecated) or additionalSecrets, not both; move the secret into additionalSecrets.');
  }
  return {
    context: options.context,
    server: options.server ?? (ingress ? `https://${ingress.host}` : undefined),
    insecure: options.insecure,
    secret: options.secret && { name: options.secret.name, namespace: options.secret.namespace },
    serviceAccount: options.serviceAccount && { ...options.serviceAccount },
    additionalSecrets: options.additionalSecrets?.map(additionalSecret),
  };
}
