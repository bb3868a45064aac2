import { RenderContext, standardLabels } from './context';
import { isTrueString, plain, plainString, rangeKeys, rangeValues, truncName, uniqSortedAsQuoted } from './go-template';
import { goString, truthy } from '../values/go-values';
import { clone, isMap, Value, ValueMap } from '../values/value-map';
import { chartHas } from '../values/chart-version';
import type { NewestVClusterValues } from '../../imports/chart-versions';

/**
 * The shared logic of the chart's `_rbac.tpl`: object names, whether the cluster role exists,
 * the rules that come from values, plugins, custom resources and fromHost mappings, and the
 * platform secret's location.
 */

/** One RBAC policy rule, as the chart writes it. */
export type Rule = ValueMap;

const READ = ['get', 'list', 'watch'];

/** A rule for the given API groups, resources and verbs; the lists are copied so objects never share them. */
export function rule(apiGroups: readonly string[], resources: readonly string[], verbs: readonly string[]): Rule {
  return { apiGroups: [...apiGroups], resources: [...resources], verbs: [...verbs] };
}

/** `vcluster.clusterRoleName`. */
export function clusterRoleName(ctx: RenderContext): string {
  return truncName(`vc-${ctx.release.name}-v-${ctx.release.namespace}`);
}

/** `vcluster.clusterRoleNameMultinamespace`: the role becomes cluster-wide when namespaces sync to the host. */
export function multiNamespaceRoleName(ctx: RenderContext): string {
  return truncName(`vc-mn-${ctx.release.name}-v-${ctx.release.namespace}`);
}

/** The control plane's service account, as the bindings name it (unquoted in the chart). */
export function controlPlaneServiceAccountSubject(ctx: RenderContext): ValueMap {
  const name = ctx.values.controlPlane?.advanced?.serviceAccount?.name;
  return {
    kind: 'ServiceAccount',
    name: truthy(name) ? plain(name) : `vc-${ctx.release.name}`,
    namespace: ctx.release.namespace,
  };
}

/** Labels and annotations of the role and binding objects: standard labels, global annotations. */
export function rbacMetadata(ctx: RenderContext): ValueMap {
  const annotations = ctx.values.controlPlane?.advanced?.globalMetadata?.annotations;
  return {
    labels: standardLabels(ctx),
    ...(truthy(annotations) ? { annotations: clone(annotations) } : {}),
  };
}

/** `vcluster.createClusterRole`: forced on or off, or "auto" when any feature needs cluster-wide access. */
export function createClusterRole(ctx: RenderContext): boolean {
  const v = ctx.values;
  const enabled = goString(v.rbac?.clusterRole?.enabled);
  if (enabled === 'true') return true;
  if (enabled !== 'auto') return false;
  const sync = v.sync ?? {};
  const toHost = sync.toHost ?? {};
  const fromHost = sync.fromHost ?? {};
  const gatewayApi = toHost.gatewayApi ?? {};
  const integrations = v.integrations ?? {};
  return [
    v.rbac?.clusterRole?.overwriteRules,
    globalExtraRules(v, 'clusterRole').length > 0,
    pluginExtraRules(v, 'clusterRole').length > 0,
    v.networking?.replicateServices?.fromHost,
    v.pro,
    toHost.storageClasses?.enabled,
    toHost.persistentVolumes?.enabled,
    toHost.priorityClasses?.enabled,
    toHost.resourceClaims?.enabled,
    toHost.resourceClaimTemplates?.enabled,
    fromHost.priorityClasses?.enabled,
    fromHost.deviceClasses?.enabled,
    v.controlPlane?.distro?.k8s?.scheduler?.enabled,
    v.controlPlane?.advanced?.virtualScheduler?.enabled,
    toHost.pods?.hybridScheduling?.enabled,
    fromHost.ingressClasses?.enabled,
    fromHost.runtimeClasses?.enabled,
    isTrueString(fromHost.storageClasses?.enabled),
    isTrueString(fromHost.csiNodes?.enabled),
    isTrueString(fromHost.csiDrivers?.enabled),
    isTrueString(fromHost.csiStorageCapacities?.enabled),
    fromHost.nodes?.enabled,
    toHost.customResources,
    fromHost.customResources,
    integrations.kubeVirt?.enabled,
    integrations.externalSecrets?.enabled,
    truthy(integrations.certManager?.enabled) && truthy(integrations.certManager?.sync?.fromHost?.clusterIssuers?.enabled),
    truthy(integrations.metricsServer?.enabled) && truthy(integrations.metricsServer?.nodes),
    fromHost.configMaps?.enabled,
    fromHost.secrets?.enabled,
    integrations.istio?.enabled,
    toHost.namespaces?.enabled,
    // Before 0.36.0: volume snapshot sync; from 0.36.0: Gateway API sync.
    ...(chartHas(ctx.chartVersion, '0.36.0') ? [
      fromHost.gatewayClasses?.enabled,
      fromHost.gateways?.enabled,
      gatewayApi.enabled,
      gatewayApi.gateways?.enabled,
      gatewayApi.httpRoutes?.enabled,
      gatewayApi.tlsRoutes?.enabled,
      gatewayApi.backendTLSPolicies?.enabled,
    ] : [toHost.volumeSnapshotContents?.enabled, fromHost.volumeSnapshotClasses?.enabled, volumeSnapshotRules(ctx)]),
    kubeOvn(ctx).enabled,
  ].some(truthy);
}

/**
 * `vcluster.enableVolumeSnapshotRules`, before 0.36.0 (which removed volume snapshot sync): forced on
 * or off, or "auto", on without private nodes.
 */
export function volumeSnapshotRules(ctx: RenderContext): boolean {
  if (chartHas(ctx.chartVersion, '0.36.0')) return false;
  const enabled = goString(ctx.values.rbac?.enableVolumeSnapshotRules?.enabled);
  return enabled === 'true' || (enabled === 'auto' && !truthy(ctx.values.privateNodes?.enabled));
}

/**
 * The kube-ovn cloud controller manager (0.37): `dig "kubeOvn" "enabled" false` and `dig "kubeOvn"
 * "podRoutes" "enabled" false` of controlPlane.advanced.cloudControllerManager.
 */
export function kubeOvn(ctx: RenderContext): { readonly enabled: boolean; readonly podRoutes: boolean } {
  if (!chartHas(ctx.chartVersion, '0.37.0')) return { enabled: false, podRoutes: false };
  const ovn = (ctx.values as NewestVClusterValues).controlPlane?.advanced?.cloudControllerManager?.kubeOvn;
  return { enabled: truthy(ovn?.enabled), podRoutes: truthy(ovn?.podRoutes?.enabled) };
}

/** `rbac.role.extraRules` or `rbac.clusterRole.extraRules`, each rule passed through as given. */
export function globalExtraRules(values: ValueMap, role: 'role' | 'clusterRole'): Value[] {
  const rules = values.rbac?.[role]?.extraRules;
  return truthy(rules) ? rangeValues(rules).map(clone) : [];
}

/** The extra rules plugins ask for: legacy `plugin` entries first, then `plugins`, each by sorted name. */
export function pluginExtraRules(values: ValueMap, role: 'role' | 'clusterRole'): Value[] {
  const rules: Value[] = [];
  for (const section of [values.plugin, values.plugins]) {
    for (const plugin of rangeValues(section)) {
      const extra = isMap(plugin) && isMap(plugin.rbac) && isMap(plugin.rbac[role]) ? plugin.rbac[role].extraRules : undefined;
      if (truthy(extra)) rules.push(...rangeValues(extra).map(clone));
    }
  }
  return rules;
}

/**
 * Rules for the enabled generic custom resource syncs. Keys are `resource.group[/version]`;
 * the resource is the part before the first dot, the group everything after it.
 */
export function customResourceRules(customResources: Value, verbs: readonly string[]): Rule[] {
  if (!isMap(customResources)) return [];
  const rules: Rule[] = [];
  for (const name of rangeKeys(customResources)) {
    const config = customResources[name];
    if (!isMap(config) || !truthy(config.enabled)) continue;
    const withoutVersion = name.split('/')[0];
    const dot = withoutVersion.indexOf('.');
    const resource = dot < 0 ? withoutVersion : withoutVersion.slice(0, dot);
    const group = dot < 0 ? '' : withoutVersion.slice(dot + 1);
    rules.push({ resources: [resource], apiGroups: [group], verbs: [...verbs] });
  }
  return rules;
}

/** The verbs that custom resources synced to the host need. */
export const TO_HOST_CUSTOM_RESOURCE_VERBS = ['create', 'delete', 'patch', 'update', ...READ];
/** The verbs that custom resources synced from the host need. */
export const FROM_HOST_CUSTOM_RESOURCE_VERBS = READ;

/**
 * `vcluster.rbac.rulesForFromHostSyncerForGivenCoreResource`: read access to the source
 * namespaces and objects of `fromHost` mappings (`namespace/name`, an empty namespace meaning
 * the release's, `*` meaning every object, which drops the resourceNames restriction).
 */
export function fromHostCoreResourceRules(ctx: RenderContext, mappings: Value, kind: string, enabled: Value): Rule[] {
  if (!truthy(enabled) || !truthy(mappings)) return [];
  const namespaces: string[] = [];
  const objectNames: string[] = [];
  let restrictNames = true;
  for (const key of rangeKeys(mappings)) {
    const parts = key.split('/');
    const namespace = parts[0];
    const objectName = parts[parts.length - 1];
    namespaces.push(namespace === '' ? ctx.release.namespace : namespace);
    if (objectName === '*') restrictNames = false;
    else objectNames.push(objectName);
  }
  const rules: Rule[] = [
    { apiGroups: [''], resources: ['namespaces'], resourceNames: uniqSortedAsQuoted(namespaces), verbs: [...READ] },
    { apiGroups: [''], resources: [kind], verbs: ['list', 'watch'] },
    { apiGroups: [''], resources: [kind], verbs: ['get'] },
  ];
  if (restrictNames) rules[2].resourceNames = uniqSortedAsQuoted(objectNames);
  return rules;
}

/** `vcluster.rbac.createPlatformSecretRole`: the platform API key lives in another namespace and RBAC is wanted. */
export function createPlatformSecretRole(ctx: RenderContext): boolean {
  return truthy(platformApiKey(ctx.values, 'createRBAC', true)) && platformSecretNamespace(ctx) !== ctx.release.namespace;
}

/** `vcluster.rbac.platformSecretNamespace`. */
export function platformSecretNamespace(ctx: RenderContext): string {
  const ns = platformApiKey(ctx.values, 'namespace', ctx.release.namespace);
  return truthy(ns) ? plainString(ns, 'platform.apiKey.namespace', 'the namespace of the platform API key Secret') : ctx.release.namespace;
}

/** `vcluster.rbac.platformSecretName`. */
export function platformSecretName(ctx: RenderContext): string {
  const name = platformApiKey(ctx.values, 'secretName', '');
  return truthy(name) ? goString(name) : 'vcluster-platform-api-key';
}

/** `vcluster.rbac.platformRoleName`. */
export function platformRoleName(ctx: RenderContext): string {
  return truncName(`vc-${ctx.release.name}-v-${ctx.release.namespace}-platform-role`);
}

/** `vcluster.rbac.platformRoleBindingName`. */
export function platformRoleBindingName(ctx: RenderContext): string {
  return truncName(`vc-${ctx.release.name}-v-${ctx.release.namespace}-platform-role-binding`);
}

/** Sprig `dig "apiKey" key fallback .Values.platform`: the fallback only when the key is absent. */
function platformApiKey(values: ValueMap, key: string, fallback: Value): Value {
  const apiKey = isMap(values.platform) ? values.platform.apiKey : undefined;
  return isMap(apiKey) && key in apiKey ? apiKey[key] : fallback;
}
