import { RenderContext, RenderedObject } from './context';
import { isTrueString } from './go-template';
import { truthy } from '../values/go-values';
import { clone } from '../values/value-map';
import { chartHas } from '../values/chart-version';
import {
  clusterRoleName,
  controlPlaneServiceAccountSubject,
  createClusterRole,
  customResourceRules,
  FROM_HOST_CUSTOM_RESOURCE_VERBS,
  fromHostCoreResourceRules,
  globalExtraRules,
  kubeOvn,
  pluginExtraRules,
  rbacMetadata,
  rule,
  Rule,
  volumeSnapshotRules,
} from './rbac-rules';

// Most cluster role rules list their verbs in this order; the ones that differ spell theirs out.
const READ = ['get', 'watch', 'list'];
const MANAGE = ['create', 'delete', 'patch', 'update', 'get', 'watch', 'list'];

/** `clusterrole.yaml`: the host cluster-wide access the syncer needs for the enabled features. */
export function renderClusterRole(ctx: RenderContext): RenderedObject[] {
  if (!createClusterRole(ctx)) return [];
  const overwrite = ctx.values.rbac?.clusterRole?.overwriteRules;
  return [{
    id: 'ClusterRole',
    manifest: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: clusterRoleName(ctx), ...rbacMetadata(ctx) },
      rules: truthy(overwrite) ? clone(overwrite) : clusterRoleRules(ctx),
    },
  }];
}

/** `clusterrolebinding.yaml`: binds the cluster role to the control plane's service account. */
export function renderClusterRoleBinding(ctx: RenderContext): RenderedObject[] {
  if (!createClusterRole(ctx)) return [];
  return [{
    id: 'ClusterRoleBinding',
    manifest: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: clusterRoleName(ctx), ...rbacMetadata(ctx) },
      subjects: [controlPlaneServiceAccountSubject(ctx)],
      roleRef: { kind: 'ClusterRole', name: clusterRoleName(ctx), apiGroup: 'rbac.authorization.k8s.io' },
    },
  }];
}

function clusterRoleRules(ctx: RenderContext): unknown[] {
  const v = ctx.values;
  const toHost = v.sync?.toHost ?? {};
  const fromHost = v.sync?.fromHost ?? {};
  const gatewayApi = toHost.gatewayApi ?? {};
  const integrations = v.integrations ?? {};
  const proxyKubelets = v.networking?.advanced?.proxyKubelets ?? {};
  const certManager = integrations.certManager ?? {};
  const externalSecrets = integrations.externalSecrets ?? {};
  const kubeVirt = integrations.kubeVirt ?? {};
  const rules: unknown[] = [];
  const add = (when: unknown, ...r: Rule[]): void => {
    if (truthy(when)) rules.push(...r);
  };

  add(v.pro,
    rule(['cluster.loft.sh', 'storage.loft.sh'], ['features', 'virtualclusters'], ['get', 'list', 'watch']),
    rule(['management.loft.sh'], ['virtualclusterinstances'], ['get']));
  add(truthy(v.pro) || truthy(fromHost.nodes?.enabled), rule([''], ['pods', 'nodes', 'nodes/status'], READ));
  add(truthy(fromHost.nodes?.enabled) && (truthy(proxyKubelets.byIP) || truthy(proxyKubelets.byHostname)),
    rule([''], ['nodes/metrics', 'nodes/stats', 'nodes/proxy'], ['get']));
  add(truthy(fromHost.nodes?.enabled) && truthy(fromHost.nodes?.syncBackChanges),
    rule([''], ['nodes', 'nodes/status'], ['update', 'patch']));
  add([v.controlPlane?.distro?.k8s?.scheduler?.enabled, v.controlPlane?.advanced?.virtualScheduler?.enabled,
    toHost.pods?.hybridScheduling?.enabled].some(truthy),
  rule(['storage.k8s.io'], ['storageclasses', 'csinodes', 'csidrivers', 'csistoragecapacities'], READ));
  add(isTrueString(fromHost.storageClasses?.enabled), rule(['storage.k8s.io'], ['storageclasses'], READ));
  add(isTrueString(fromHost.csiNodes?.enabled), rule(['storage.k8s.io'], ['csinodes'], READ));
  add(isTrueString(fromHost.csiDrivers?.enabled), rule(['storage.k8s.io'], ['csidrivers'], READ));
  add(isTrueString(fromHost.csiStorageCapacities?.enabled), rule(['storage.k8s.io'], ['csistoragecapacities'], READ));
  const snapshots = volumeSnapshotRules(ctx);
  add(truthy(toHost.persistentVolumes?.enabled) || snapshots, rule([''], ['persistentvolumes'], ['get', 'list']));
  add(toHost.persistentVolumes?.enabled, rule([''], ['persistentvolumes'], ['create', 'delete', 'patch', 'update', 'watch']));
  add(fromHost.ingressClasses?.enabled, rule(['networking.k8s.io'], ['ingressclasses'], READ));
  add([fromHost.gatewayClasses?.enabled, fromHost.gateways?.enabled, gatewayApi.enabled].some(truthy),
    rule(['gateway.networking.k8s.io'], ['gatewayclasses'], READ));
  add(fromHost.gateways?.enabled, rule(['gateway.networking.k8s.io'], ['gateways'], READ));
  add(fromHost.runtimeClasses?.enabled, rule(['node.k8s.io'], ['runtimeclasses'], READ));
  add(toHost.storageClasses?.enabled, rule(['storage.k8s.io'], ['storageclasses'], MANAGE));
  add(truthy(toHost.priorityClasses?.enabled) || truthy(fromHost.priorityClasses?.enabled),
    rule(['scheduling.k8s.io'], ['priorityclasses'], ['create', 'delete', 'patch', 'update', 'get', 'list', 'watch']));
  add([toHost.resourceClaims?.enabled, toHost.resourceClaimTemplates?.enabled, fromHost.deviceClasses?.enabled].some(truthy),
    rule(['resource.k8s.io'], ['deviceclasses'], READ));
  // Volume snapshot sync, before 0.36.0 (the toggles are only read there).
  const preSnapshotRemoval = !chartHas(ctx.chartVersion, '0.36.0');
  add(snapshots || (preSnapshotRemoval && truthy(fromHost.volumeSnapshotClasses?.enabled)),
    rule(['snapshot.storage.k8s.io'], ['volumesnapshotclasses'], ['get', 'list']));
  add(preSnapshotRemoval && fromHost.volumeSnapshotClasses?.enabled, rule(['snapshot.storage.k8s.io'], ['volumesnapshotclasses'], ['watch']));
  add(snapshots || (preSnapshotRemoval && truthy(toHost.volumeSnapshotContents?.enabled)),
    rule(['snapshot.storage.k8s.io'], ['volumesnapshotcontents'], ['create', 'delete', 'patch', 'update', 'get', 'list']));
  add(preSnapshotRemoval && toHost.volumeSnapshotContents?.enabled, rule(['snapshot.storage.k8s.io'], ['volumesnapshotcontents'], ['watch']));
  add(v.networking?.replicateServices?.fromHost, rule([''], ['services', 'endpoints'], READ));
  add(toHost.namespaces?.enabled, rule([''], ['namespaces', 'serviceaccounts'], MANAGE));
  add(truthy(integrations.metricsServer?.enabled) && truthy(integrations.metricsServer?.nodes),
    rule(['metrics.k8s.io'], ['nodes'], ['get', 'list']));
  add((truthy(kubeVirt.enabled) && truthy(kubeVirt.webhook?.enabled)) ||
    (truthy(externalSecrets.enabled) && truthy(externalSecrets.webhook?.enabled)),
  rule(['admissionregistration.k8s.io'], ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'], ['get', 'list', 'watch']));
  add([kubeVirt.enabled, externalSecrets.enabled, certManager.enabled, toHost.customResources, fromHost.customResources,
    integrations.istio?.enabled, fromHost.gateways?.enabled, fromHost.gatewayClasses?.enabled, gatewayApi.enabled,
    gatewayApi.gateways?.enabled, gatewayApi.httpRoutes?.enabled, gatewayApi.tlsRoutes?.enabled,
    gatewayApi.backendTLSPolicies?.enabled].some(truthy),
  rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], ['get', 'list', 'watch']));
  add(truthy(externalSecrets.enabled) && truthy(externalSecrets.sync?.fromHost?.clusterStores?.enabled),
    rule(['external-secrets.io'], ['clustersecretstores'], ['get', 'list', 'watch']));
  add(truthy(certManager.enabled) && truthy(certManager.sync?.fromHost?.clusterIssuers?.enabled),
    rule(['cert-manager.io'], ['clusterissuers'], ['get', 'list', 'watch']));
  const ovn = kubeOvn(ctx);
  add(ovn.enabled, rule(['kubeovn.io'], ['ovn-eips', 'router-lb-rules'], ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']));
  add(ovn.enabled && ovn.podRoutes, rule(['kubeovn.io'], ['vpcs'], ['get', 'list', 'watch', 'update', 'patch']));
  rules.push(
    ...fromHostCoreResourceRules(ctx, fromHost.configMaps?.mappings?.byName, 'configmaps', fromHost.configMaps?.enabled),
    ...fromHostCoreResourceRules(ctx, fromHost.secrets?.mappings?.byName, 'secrets', fromHost.secrets?.enabled),
    ...customResourceRules(fromHost.customResources, FROM_HOST_CUSTOM_RESOURCE_VERBS),
    ...pluginExtraRules(v, 'clusterRole'),
    ...globalExtraRules(v, 'clusterRole'),
  );
  return rules;
}
