export { VCluster } from './vcluster';
export { ArgoCdApplication, ArgoCdApplicationSet } from './argocd';
export type {
  ApplicationDestination, ArgoCdApplicationProps, ArgoCdApplicationSetProps, ArgoCdCommonProps, GitDirectorySource, SyncPolicyOptions,
} from './argocd';
export type { VClusterProps } from './vcluster';
export { BackingStore } from './backing-store';
export type {
  DeployedEtcdOptions, EmbeddedDatabaseOptions, EmbeddedEtcdOptions, EtcdPersistenceOptions, EtcdTlsOptions,
  ExternalDatabaseOptions, ExternalEtcdOptions,
} from './backing-store';
export type { ControlPlaneOptions, ControlPlanePersistenceOptions } from './control-plane';
export type { WorkloadOptions } from './workload';
export type { DistroComponentOptions, KubernetesDistroOptions } from './distro';
export type { Image } from './images';
export type { IngressOptions, IngressTls } from './ingress';
export type {
  CertManagerOptions, ExternalSecretsOptions, IntegrationsOptions, IstioOptions, KubeVirtOptions, MetricsServerOptions,
} from './integrations';
export type { ExportKubeConfigOptions, KubeConfigSecret, KubeConfigServiceAccount } from './kube-config';
export type { LimitRangeOptions, LimitRangeResources } from './limit-range';
export type { NetworkPolicyOptions, NetworkPolicyRules, PublicEgressOptions } from './network-policy';
export { RetentionPolicy } from './persistence';
export type { VolumeClaimOptions } from './persistence';
export { PodSecurityStandard } from './policies';
export type { PoliciesOptions } from './policies';
export { ResourceQuotaScope } from './resource-quota';
export type { ResourceQuotaEntries, ResourceQuotaOptions, StorageClassQuota } from './resource-quota';
export type { RootlessOptions } from './rootless';
export type { SchedulingOptions } from './scheduling';
export type { ServiceOptions } from './service';
export type { SyncOptions } from './sync';
export type {
  FromHostCustomResourceSyncOptions, FromHostGatewaySyncOptions, FromHostMappingSyncOptions, FromHostSelectorSyncOptions,
  FromHostSyncOptions, NodeSyncOptions, StorageClassSyncOptions,
} from './sync-from-host';
export { SyncMode } from './sync-mode';
export { ResourceScope } from './sync-to-host';
export type {
  GatewayApiSyncOptions, NamespaceSyncOptions, PodSyncOptions, ToHostCustomResourceSyncOptions, ToHostObjectSyncOptions,
  ToHostSyncOptions,
} from './sync-to-host';
export { ConfigSecret, CREDENTIALS_VERSION_ANNOTATION, RemoteSecret } from './secrets/config-secret';
export type {
  BringYourOwnOptions, ExternalSecretOptions, RemoteSecretRef, SealedSecretOptions, SecretStoreRef,
} from './secrets/config-secret';
export { renderChart } from './pipeline';
export type { ChartObject, RenderOptions, RenderResult } from './pipeline';
export type { Manifest, RenderedObject } from './render/context';
export { ValuesError } from './values/errors';
export { formatQuantity } from './values/quantity';
export type { Quantity } from './values/quantity';
export type { QuotaBudgetLine, QuotaUser, UnsetResource } from './values/quota-budget';
export { DEFAULT_KUBE_VERSION } from './values/kube-version';
export type { VClusterValues } from '../imports/vcluster-values';
