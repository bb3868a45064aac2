import type { k8s } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { VClusterValues } from '../../imports/chart-versions';
import { plainJson, toggle } from './fragment';
import { checkOptionalNonEmpty, fail } from './validation';

/** Where the host's metrics-server is (vcluster.yaml `integrations.metricsServer.apiService.service`). */
export interface MetricsServerServiceOptions {
  /**
   * The host Service's name.
   * @default "metrics-server"
   */
  readonly name?: string;

  /**
   * The host Service's namespace.
   * @default "kube-system"
   */
  readonly namespace?: string;

  /**
   * The port of the host Service to connect to.
   * @default 443
   */
  readonly port?: number;
}

/** Reusing the host's metrics-server: `kubectl top` and autoscaling inside the virtual cluster. */
export interface MetricsServerOptions {
  /**
   * Proxy node metrics.
   * @default true
   */
  readonly nodes?: boolean;

  /**
   * Proxy pod metrics.
   * @default true
   */
  readonly pods?: boolean;

  /**
   * The host's metrics-server Service, where it is not metrics-server in kube-system
   * (`apiService.service`).
   * @default - metrics-server in kube-system
   */
  readonly service?: MetricsServerServiceOptions;
}

/** Reusing the host's cert-manager. */
export interface CertManagerOptions {
  /**
   * Sync Certificates to the host.
   * @default true
   */
  readonly certificates?: boolean;

  /**
   * Sync Issuers to the host.
   * @default true
   */
  readonly issuers?: boolean;

  /**
   * Sync the host's ClusterIssuers into the virtual cluster.
   * @default true
   */
  readonly clusterIssuers?: boolean;

  /**
   * Only sync the host's ClusterIssuers with these labels.
   * @default - all ClusterIssuers
   */
  readonly clusterIssuerLabels?: { readonly [key: string]: string };
}

/** Reusing the host's External Secrets Operator. */
export interface ExternalSecretsOptions {
  /**
   * The External Secrets Operator API version the virtual cluster serves, e.g. "v1".
   * @default - the storage version of the host's CRDs
   */
  readonly version?: string;

  /**
   * Reuse the host's validation webhook.
   * @default false
   */
  readonly webhook?: boolean;

  /**
   * Only sync the ExternalSecrets these labels select.
   * @default - all
   */
  readonly externalSecretSelector?: k8s.LabelSelector;

  /**
   * Sync SecretStores to the host.
   * @default false
   */
  readonly stores?: boolean;

  /**
   * Only sync the SecretStores these labels select.
   * @default - all
   */
  readonly storeSelector?: k8s.LabelSelector;

  /**
   * Sync the host's ClusterSecretStores into the virtual cluster.
   * @default false
   */
  readonly clusterStores?: boolean;

  /**
   * Only sync the ClusterSecretStores these labels select.
   * @default - all
   */
  readonly clusterStoreSelector?: k8s.LabelSelector;
}

/** Reusing the host's Istio. */
export interface IstioOptions {
  /**
   * Sync DestinationRules to the host.
   * @default true
   */
  readonly destinationRules?: boolean;

  /**
   * Sync Gateways to the host.
   * @default true
   */
  readonly gateways?: boolean;

  /**
   * Sync VirtualServices to the host.
   * @default true
   */
  readonly virtualServices?: boolean;
}

/** Reusing the host's KubeVirt. */
export interface KubeVirtOptions {
  /**
   * Reuse the host's KubeVirt webhooks.
   * @default true
   */
  readonly webhook?: boolean;

  /**
   * Sync DataVolumes (CDI) to the host.
   * @default false
   */
  readonly dataVolumes?: boolean;

  /**
   * Sync VirtualMachines to the host.
   * @default true
   */
  readonly virtualMachines?: boolean;

  /**
   * Sync VirtualMachineInstances to the host.
   * @default true
   */
  readonly virtualMachineInstances?: boolean;

  /**
   * Sync VirtualMachinePools to the host.
   * @default true
   */
  readonly virtualMachinePools?: boolean;

  /**
   * Sync VirtualMachineClones to the host.
   * @default true
   */
  readonly virtualMachineClones?: boolean;

  /**
   * Sync VirtualMachineInstanceMigrations to the host.
   * @default true
   */
  readonly virtualMachineInstanceMigrations?: boolean;
}

/** kube-vip for the control plane's address on a Netris network. */
export interface NetrisKubeVipOptions {
  /**
   * The Netris server cluster.
   * @default - none
   */
  readonly serverCluster?: string;

  /**
   * The bridge interface kube-vip announces on, e.g. "br-3".
   * @default - none
   */
  readonly bridge?: string;

  /**
   * The IP range kube-vip takes addresses from, e.g. "10.0.0.10-10.0.0.20".
   * @default - none
   */
  readonly ipRange?: string;
}

/** Netris networking for the virtual cluster (vCluster Platform). */
export interface NetrisOptions {
  /**
   * The vCluster Platform connector holding the Netris credentials, e.g. "netris-credentials".
   * @default - none
   */
  readonly connector?: string;

  /**
   * kube-vip configuration for Netris (`kubeVip`).
   * @default - none
   */
  readonly kubeVip?: NetrisKubeVipOptions;
}

/** Argo CD through vCluster Platform: the virtual cluster is added to an Argo CD instance. */
export interface ArgoCDOptions {
  /**
   * The vCluster Platform Argo CD connector, e.g. "argocd-main".
   * @default - none
   */
  readonly connector?: string;
}

/**
 * Operators of the host cluster the virtual cluster reuses (vcluster.yaml `integrations`).
 * `true` turns one on with the chart's settings; options turn it on with those.
 */
export interface IntegrationsOptions {
  /**
   * The host's metrics-server.
   * @default false
   */
  readonly metricsServer?: boolean | MetricsServerOptions;

  /**
   * The host's cert-manager.
   * @default false
   */
  readonly certManager?: boolean | CertManagerOptions;

  /**
   * The host's External Secrets Operator.
   * @default false
   */
  readonly externalSecrets?: boolean | ExternalSecretsOptions;

  /**
   * The host's Istio.
   * @default false
   */
  readonly istio?: boolean | IstioOptions;

  /**
   * The host's KubeVirt.
   * @default false
   */
  readonly kubeVirt?: boolean | KubeVirtOptions;

  /**
   * Netris networking (vCluster Platform).
   * @default false
   */
  readonly netris?: boolean | NetrisOptions;

  /**
   * Argo CD through a vCluster Platform connector (`argoCD`); the deploy prop's `argoCD`
   * applications need it.
   * @default false
   */
  readonly argoCD?: boolean | ArgoCDOptions;
}

/** The `integrations` section. */
export function integrationsSection(integrations: IntegrationsOptions): VClusterValues['integrations'] {
  const on = (v: unknown) => (v === undefined ? undefined : { enabled: v });
  const selector = (s: k8s.LabelSelector | undefined) => s && plainJson(cdk8sPlus().k8s.toJson_LabelSelector(s));
  return {
    metricsServer: toggle(integrations.metricsServer, (o) => ({
      nodes: o.nodes,
      pods: o.pods,
      apiService: o.service && { service: service(o.service) },
    })),
    certManager: toggle(integrations.certManager, (o) => ({
      sync: {
        toHost: { certificates: on(o.certificates), issuers: on(o.issuers) },
        fromHost: {
          clusterIssuers: {
            enabled: o.clusterIssuers,
            selector: o.clusterIssuerLabels && { labels: { ...o.clusterIssuerLabels } },
          },
        },
      },
    })),
    externalSecrets: toggle(integrations.externalSecrets, (o) => ({
      version: checkOptionalNonEmpty('integrations.externalSecrets.version', o.version, 'give the API version, e.g. "v1", or leave it out.'),
      webhook: on(o.webhook),
      sync: {
        toHost: {
          externalSecrets: { selector: selector(o.externalSecretSelector) },
          stores: { enabled: o.stores, selector: selector(o.storeSelector) },
        },
        fromHost: { clusterStores: { enabled: o.clusterStores, selector: selector(o.clusterStoreSelector) } },
      },
    })),
    istio: toggle(integrations.istio, (o) => ({
      sync: { toHost: { destinationRules: on(o.destinationRules), gateways: on(o.gateways), virtualServices: on(o.virtualServices) } },
    })),
    kubeVirt: toggle(integrations.kubeVirt, (o) => ({
      webhook: on(o.webhook),
      sync: {
        dataVolumes: on(o.dataVolumes),
        virtualMachines: on(o.virtualMachines),
        virtualMachineInstances: on(o.virtualMachineInstances),
        virtualMachinePools: on(o.virtualMachinePools),
        virtualMachineClones: on(o.virtualMachineClones),
        virtualMachineInstanceMigrations: on(o.virtualMachineInstanceMigrations),
      },
    })),
    netris: toggle(integrations.netris, (o) => ({
      connector: checkOptionalNonEmpty('integrations.netris.connector', o.connector, 'give the Netris connector\'s name, e.g. "netris-credentials".'),
      kubeVip: o.kubeVip && { serverCluster: o.kubeVip.serverCluster, bridge: o.kubeVip.bridge, ipRange: ipRange(o.kubeVip.ipRange) },
    })),
    argoCD: toggle(integrations.argoCD, (o) => ({
      connector: checkOptionalNonEmpty('integrations.argoCD.connector', o.connector, 'give the Argo CD connector\'s name, e.g. "argocd-main".'),
    })),
  };
}

function service(s: MetricsServerServiceOptions) {
  if (s.port !== undefined && !(Number.isInteger(s.port) && s.port >= 1 && s.port <= 65535)) {
    fail('integrations.metricsServer.service.port', s.port, 'must be a port, a whole number from 1 to 65535.');
  }
  return { name: s.name, namespace: s.namespace, port: s.port };
}

/** "first-last" or a single address, as kube-vip reads its range. */
function ipRange(range: string | undefined): string | undefined {
  if (range === undefined) return undefined;
  const ip = '\\d{1,3}(?:\\.\\d{1,3}){3}';
  if (typeof range !== 'string' || !new RegExp(`^${ip}(?:-${ip})?$`).test(range)) {
    fail('integrations.netris.kubeVip.ipRange', range, 'must be an IPv4 range "first-last", e.g. "10.0.0.10-10.0.0.20".');
  }
  return range;
}
