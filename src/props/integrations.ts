import type { k8s } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { VClusterValues } from '../../imports/chart-versions';
import { plainJson, toggle } from './fragment';

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
}

/** The `integrations` section. */
export function integrationsSection(integrations: IntegrationsOptions): VClusterValues['integrations'] {
  const on = (v: unknown) => (v === undefined ? undefined : { enabled: v });
  const selector = (s: k8s.LabelSelector | undefined) => s && plainJson(cdk8sPlus().k8s.toJson_LabelSelector(s));
  return {
    metricsServer: toggle(integrations.metricsServer, (o) => ({ nodes: o.nodes, pods: o.pods })),
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
  };
}
