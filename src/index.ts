export { VCluster } from './vcluster';
export { FleetApp } from './fleet-app';
export { ArgoCdApplication, ArgoCdApplicationSet } from './argocd';
export { ArgoCdCluster } from './gitops/argocd-cluster';
export type { ArgoCdClusterProps } from './gitops/argocd-cluster';
export { ArgoCdClusterAddons } from './gitops/argocd-cluster-addons';
export type { ArgoCdClusterAddonsProps } from './gitops/argocd-cluster-addons';
export { FluxGitRepository } from './gitops/flux-git-repository';
export type { FluxGitRepositoryProps } from './gitops/flux-git-repository';
export { FluxKustomization } from './gitops/flux-kustomization';
export type { FluxKustomizationProps } from './gitops/flux-kustomization';
export type {
  ApplicationDestination, ArgoCdApplicationProps, ArgoCdApplicationSetProps, ArgoCdCommonProps, GitDirectorySource, SyncPolicyOptions,
} from './argocd';
export type { AddVolumeOptions } from './vcluster';
export type { VClusterProps } from './props/vcluster-props';
export { propsValues } from './props/props-values';
export type { PropsValues } from './props/props-values';
export { CHART_VERSIONS, DEFAULT_CHART_VERSION } from './values/chart-version';
export type { ChartVersion } from './values/chart-version';
export { formatUpgradeCheck, upgradeCheck } from './upgrade-check';
export type { ChangedObject, RefusedValue, UpgradeCheckOptions, UpgradeCheckResult } from './upgrade-check';
export { BackingStore } from './props/backing-store';
export type {
  DeployedEtcdOptions, EmbeddedDatabaseOptions, EmbeddedEtcdOptions, EtcdHeadlessServiceOptions, EtcdPersistenceOptions, EtcdServiceOptions,
  EtcdTlsOptions,
  ExternalDatabaseOptions, ExternalEtcdOptions,
} from './props/backing-store';
export type { ControlPlaneOptions, ControlPlanePersistenceOptions } from './props/control-plane';
export type { WorkloadOptions } from './props/workload';
export type { DeletionOptions } from './props/deletion';
export type { DockerContainerOptions, DockerLoadBalancerOptions, DockerNodeOptions, DockerOptions } from './props/docker';
export type { PlatformApiKeyOptions, PlatformOptions } from './props/platform';
export type {
  ArgoCDApplication, ArgoCDApplicationTemplate, ArgoCDDeployOptions, DeployOptions, FlannelOptions, KubeProxyOptions,
  LocalPathProvisionerOptions, MetallbOptions,
} from './props/deploy';
export type { CorednsOptions, CorednsServiceOptions } from './props/coredns';
export type { DistroComponentOptions, KubernetesDistroOptions } from './props/distro';
export type { HostPathMapperOptions } from './props/host-path-mapper';
export type { Image } from './props/images';
export type { KubeVipOptions } from './props/kube-vip';
export type { IngressOptions, IngressTls } from './props/ingress';
export type {
  ArgoCDOptions, CertManagerOptions, ExternalSecretsOptions, IntegrationsOptions, IstioOptions, KubeVirtOptions, MetricsServerOptions,
  MetricsServerServiceOptions, NetrisKubeVipOptions, NetrisOptions,
} from './props/integrations';
export type { ExportKubeConfigOptions, KubeConfigAdditionalSecret, KubeConfigSecret, KubeConfigServiceAccount } from './props/kube-config';
export type { LimitRangeOptions, LimitRangeResources } from './props/limit-range';
export { LogEncoding } from './props/logging';
export type { LoggingOptions } from './props/logging';
export type {
  NetworkingOptions, ProxyKubeletsOptions, ReplicateServicesOptions, ResolveDnsOptions, ResolveDnsTargetOptions, ServiceReplicationOptions,
} from './props/networking';
export { ConsolidationPolicy, NodeTypeOperator } from './props/auto-nodes';
export type {
  AutoNodesOptions, DisruptionBudget, DynamicNodePoolOptions, NodePoolDisruption, NodePoolLimits, NodePoolOptions, NodeTypeRequirement,
  StaticNodePoolOptions,
} from './props/auto-nodes';
export type {
  AutoUpgradeOptions, ContainerdOptions, JoinNodeOptions, KubeletExtraArg, KubeletOptions, NodeRegistrationOptions, PrivateNodesOptions,
} from './props/private-nodes';
export type { NetworkPolicyOptions, NetworkPolicyRules, PublicEgressOptions } from './props/network-policy';
export { RetentionPolicy } from './props/persistence';
export type { VolumeClaimOptions } from './props/persistence';
export type { ImagePullSecretsOptions } from './props/image-pull-secrets';
export { UnhealthyPodEvictionPolicy } from './props/pod-disruption-budget';
export type { PodCount, PodDisruptionBudgetOptions } from './props/pod-disruption-budget';
export { PodSecurityStandard } from './props/policies';
export type { PoliciesOptions } from './props/policies';
export { ResourceQuotaScope } from './props/resource-quota';
export { AccessResourcesMode } from './props/resource-proxy';
export type { CustomResourceProxyOptions, ResourceProxyOptions, VirtualClusterRef } from './props/resource-proxy';
export type { RbacClusterRoleOptions, RbacOptions, RbacRoleOptions, RbacRulesOptions } from './props/rbac';
export type { ResourceQuotaEntries, ResourceQuotaOptions, StorageClassQuota } from './props/resource-quota';
export type { RootlessOptions } from './props/rootless';
export type { SchedulingOptions } from './props/scheduling';
export type { ServiceOptions } from './props/service';
export type { ServiceAccountOptions } from './props/service-account';
export type { ServiceMonitorOptions } from './props/service-monitor';
export type { SleepOptions } from './props/sleep';
export type { StandaloneAutoNodesOptions, StandaloneJoinNodeOptions, StandaloneOptions } from './props/standalone';
export type { PluginOptions, PluginRbacOptions, PluginRoleOptions } from './props/plugins';
export { SnapshotStorage } from './props/snapshots';
export type {
  AutoSnapshotsOptions, AzureSnapshotStorageOptions, ContainerSnapshotStorageOptions, OciSnapshotStorageOptions, S3SnapshotStorageOptions,
  SnapshotCredential, SnapshotsOptions, SnapshotVolumeOptions,
} from './props/snapshots';
export type { SyncOptions } from './props/sync';
export type { SyncSettingsOptions } from './props/sync-settings';
export type { TlsRouteOptions, TlsRouteParentRef } from './props/tls-route';
export type {
  FromHostCustomResourceSyncOptions, FromHostMappingSyncOptions, FromHostSelectorSyncOptions,
  FromHostSyncOptions, NodeSyncOptions, StorageClassSyncOptions,
} from './props/sync-from-host';
export { FromNamespaces } from './props/sync-gateways';
export type {
  FromHostGatewaySyncOptions, GatewayAllowedRoutesOptions, GatewayAllowedRoutesOverride, GatewayVirtualNamespacePolicy,
} from './props/sync-gateways';
export { SyncMode } from './props/sync-mode';
export type { SyncPatch, SyncPatchReference } from './props/sync-patch';
export { ResourceScope } from './props/sync-to-host';
export type {
  GatewayApiSyncOptions, NamespaceSyncOptions, PodSyncOptions, RewriteHostsInitContainerOptions, RewriteHostsOptions,
  ToHostCustomResourceSyncOptions, ToHostObjectSyncOptions,
  ToHostSyncOptions,
} from './props/sync-to-host';
export { ConfigSecret, CREDENTIALS_VERSION_ANNOTATION, RemoteSecret } from './props/config-secret';
export type {
  BringYourOwnOptions, ExternalSecretOptions, RemoteSecretRef, SealedSecretOptions, SecretStoreRef,
} from './props/config-secret';
export { diagnoseValues, renderChart, renderObjects, resolveValues } from './pipeline';
export type { ChartObject, DiagnoseOptions, RenderObjectsOptions, RenderOptions, RenderResult, ResolvedValues } from './pipeline';
export type { KubeVersion } from './values/kube-version';
export type { Manifest, RenderedObject } from './render/context';
export { formatDiagnostic, tenantName, ValuesError } from './values/errors';
export type { Diagnostic, Severity, Tenant } from './values/errors';
export { diagnostic, REDACTED } from './values/diagnostic';
export type { DiagnosticOptions } from './values/diagnostic';
export { formatQuantity } from './values/quantity';
export type { Quantity } from './values/quantity';
export type { QuotaBudgetEntry, QuotaBudgetLine, QuotaBudgetUser, QuotaUser, UnsetResource } from './analysis/quota-budget';
export { DEFAULT_KUBE_VERSION } from './values/kube-version';
export { formatFinding } from './preflight/finding';
export type { FindingSeverity, PreflightFinding } from './preflight/finding';
export { hostObjectsFromYaml } from './preflight/host';
export type { HostOptions } from './preflight/host';
export type { ChartValues, VClusterValues } from '../imports/chart-versions';
