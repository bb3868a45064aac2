import { GatewayAPIEnableSwitchWithPatches } from '../../imports/chart-versions';
import { RenderContext, RenderedObject } from './context';
import { goInt, isTrueString } from './go-template';
import { truthy } from '../values/go-values';
import { clone } from '../values/value-map';
import { chartHas } from '../values/chart-version';
import type { NewestVClusterValues } from '../../imports/chart-versions';
import {
  controlPlaneServiceAccountSubject,
  customResourceRules,
  globalExtraRules,
  kubeOvn,
  multiNamespaceRoleName,
  pluginExtraRules,
  rbacMetadata,
  rule,
  Rule,
  TO_HOST_CUSTOM_RESOURCE_VERBS,
  volumeSnapshotRules,
} from './rbac-rules';

const MANAGE = ['create', 'delete', 'patch', 'update', 'get', 'list', 'watch'];
const READ = ['get', 'list', 'watch'];
const EVENT_VERBS = ['create', 'get', 'list', 'watch'];

/**
 * `role.yaml`: what the syncer may do in the host namespace. With namespace sync the virtual
 * cluster spans several host namespaces, so the same rules become a ClusterRole.
 */
export function renderRole(ctx: RenderContext): RenderedObject[] {
  if (!truthy(ctx.values.rbac?.role?.enabled)) return [];
  const overwrite = ctx.values.rbac?.role?.overwriteRules;
  return [{
    id: 'Role',
    manifest: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: multiNamespace(ctx) ? 'ClusterRole' : 'Role',
      metadata: { ...roleIdentity(ctx), ...rbacMetadata(ctx) },
      rules: truthy(overwrite) ? clone(overwrite) : roleRules(ctx),
    },
  }];
}

/** `rolebinding.yaml`: binds the role (or its cluster-wide form) to the control plane's service account. */
export function renderRoleBinding(ctx: RenderContext): RenderedObject[] {
  if (!truthy(ctx.values.rbac?.role?.enabled)) return [];
  const identity = roleIdentity(ctx);
  return [{
    id: 'RoleBinding',
    manifest: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: multiNamespace(ctx) ? 'ClusterRoleBinding' : 'RoleBinding',
      metadata: { ...identity, ...rbacMetadata(ctx) },
      subjects: [controlPlaneServiceAccountSubject(ctx)],
      roleRef: {
        kind: multiNamespace(ctx) ? 'ClusterRole' : 'Role',
        name: identity.name,
        apiGroup: 'rbac.authorization.k8s.io',
      },
    },
  }];
}

function multiNamespace(ctx: RenderContext): boolean {
  return truthy(ctx.values.sync?.toHost?.namespaces?.enabled);
}

/** The role and its binding share name (and namespace, unless they are cluster-wide). */
function roleIdentity(ctx: RenderContext): { name: string; namespace?: string } {
  return multiNamespace(ctx)
    ? { name: multiNamespaceRoleName(ctx) }
    : { name: `vc-${ctx.release.name}`, namespace: ctx.release.namespace };
}

function roleRules(ctx: RenderContext): unknown[] {
  const v = ctx.values;
  const toHost = v.sync?.toHost ?? {};
  const gatewayApi = toHost.gatewayApi ?? {};
  const integrations = v.integrations ?? {};
  const privateNodes = truthy(v.privateNodes?.enabled);
  const rules: unknown[] = [];
  const add = (when: unknown, ...r: Rule[]): void => {
    if (truthy(when)) rules.push(...r);
  };

  if (privateNodes) {
    rules.push(
      rule([''], ['secrets', 'configmaps'], MANAGE),
      rule([''], ['services', 'pods', 'persistentvolumeclaims'], READ),
    );
  } else {
    rules.push(
      rule([''], ['configmaps', 'secrets', 'services', 'pods', 'pods/attach', 'pods/portforward', 'pods/exec', 'persistentvolumeclaims'], MANAGE),
      rule([''], ['pods/status', 'pods/ephemeralcontainers'], ['patch', 'update']),
    );
  }
  add(ctx.kubeVersion.minor >= 35, rule([''], ['pods/resize'], ['patch', 'update']));
  rules.push(
    rule(['apps'], ['statefulsets', 'replicasets', 'deployments'], ['get', 'list', 'watch', 'patch', 'update']),
    rule([''], ['endpoints', 'pods/log'], READ),
    rule([''], ['events'], EVENT_VERBS),
    rule(['events.k8s.io'], ['events'], EVENT_VERBS),
  );
  add(toHost.endpoints?.enabled, rule([''], ['endpoints'], ['create', 'delete', 'patch', 'update']));
  add(toHost.endpointSlices?.enabled,
    rule(['discovery.k8s.io'], ['endpointslices'], ['create', 'list', 'get', 'delete', 'patch', 'update', 'watch']));
  add(
    privateNodes ||
      goInt(v.controlPlane?.statefulSet?.highAvailability?.replicas) > 1 ||
      truthy(v.controlPlane?.backingStore?.etcd?.embedded?.enabled),
    rule(['coordination.k8s.io'], ['leases'], MANAGE),
  );
  add(truthy(integrations.metricsServer?.enabled) && truthy(integrations.metricsServer?.pods),
    rule(['metrics.k8s.io'], ['pods'], ['get', 'list']));
  add(toHost.ingresses?.enabled, rule(['networking.k8s.io'], ['ingresses'], MANAGE));
  add(truthy(gatewayApi.enabled) || truthy(gatewayApi.gateways?.enabled), rule(['gateway.networking.k8s.io'], ['gateways'], MANAGE));
  add(truthy(gatewayApi.enabled) || truthy(gatewayApi.httpRoutes?.enabled), rule(['gateway.networking.k8s.io'], ['httproutes'], MANAGE));
  add(gatewayApi.tlsRoutes?.enabled, rule(['gateway.networking.k8s.io'], ['tlsroutes'], MANAGE));
  add(gatewayApi.backendTLSPolicies?.enabled, rule(['gateway.networking.k8s.io'], ['backendtlspolicies'], MANAGE));
  rules.push(...referenceGrantRules(ctx));
  add(toHost.networkPolicies?.enabled, rule(['networking.k8s.io'], ['networkpolicies'], MANAGE));
  // Volume snapshot sync, before 0.36.0 (the toggle is only read there).
  const snapshotSync = !chartHas(ctx.chartVersion, '0.36.0') && truthy(toHost.volumeSnapshots?.enabled);
  add(snapshotSync || volumeSnapshotRules(ctx),
    rule(['snapshot.storage.k8s.io'], ['volumesnapshots'], ['create', 'delete', 'patch', 'update', 'get', 'list']));
  add(snapshotSync, rule(['snapshot.storage.k8s.io'], ['volumesnapshots'], ['watch']));
  add(toHost.resourceClaims?.enabled,
    rule(['resource.k8s.io'], ['resourceclaims'], MANAGE),
    rule(['resource.k8s.io'], ['resourceclaims/status'], ['patch', 'update']));
  add(toHost.resourceClaimTemplates?.enabled, rule(['resource.k8s.io'], ['resourceclaimtemplates'], MANAGE));
  add(toHost.serviceAccounts?.enabled, rule([''], ['serviceaccounts'], MANAGE));
  add(toHost.podDisruptionBudgets?.enabled, rule(['policy'], ['poddisruptionbudgets'], MANAGE));
  add(integrations.kubeVirt?.enabled,
    rule(['subresources.kubevirt.io'], ['*'], MANAGE),
    rule(['pool.kubevirt.io'], ['virtualmachinepools', 'virtualmachinepools/status'], MANAGE),
    rule(['clone.kubevirt.io'], ['virtualmachineclones', 'virtualmachineclones/status'], MANAGE),
    rule(['cdi.kubevirt.io'], ['datavolumes', 'datavolumes/status'], MANAGE),
    rule(['kubevirt.io'], ['virtualmachines', 'virtualmachines/status', 'virtualmachineinstances', 'virtualmachineinstances/status',
      'virtualmachineinstancemigrations', 'virtualmachineinstancemigrations/status'], MANAGE));
  const externalSecrets = integrations.externalSecrets ?? {};
  add(externalSecrets.enabled, rule(['external-secrets.io'], ['externalsecrets'], MANAGE));
  add(truthy(externalSecrets.enabled) && truthy(externalSecrets.sync?.toHost?.stores?.enabled),
    rule(['external-secrets.io'], ['secretstores'], MANAGE));
  const certManager = integrations.certManager ?? {};
  add(truthy(certManager.enabled) && truthy(certManager.sync?.toHost?.certificates?.enabled),
    rule(['cert-manager.io'], ['certificates'], MANAGE));
  add(truthy(certManager.enabled) && truthy(certManager.sync?.toHost?.issuers?.enabled),
    rule(['cert-manager.io'], ['issuers'], MANAGE));
  add(integrations.istio?.enabled,
    rule(['networking.istio.io'], ['destinationrules', 'gateways', 'serviceentries', 'virtualservices'], MANAGE));
  add(v.experimental?.nodeMonitors, rule(['monitoring.coreos.com'], ['servicemonitors'], MANAGE));
  add(kubeOvn(ctx).enabled,
    rule([''], ['services'], ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']),
    rule(['discovery.k8s.io'], ['endpointslices'], ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']));
  // `vcluster.rbac.kubeVirtCSIRoleRules` (0.37): the kubevirt CSI driver provisions volumes and hot plugs them.
  add(chartHas(ctx.chartVersion, '0.37.0') && (v as NewestVClusterValues).deploy?.csi?.kubeVirt?.enabled,
    rule([''], ['persistentvolumeclaims'], ['create', 'delete', 'get', 'list', 'watch']),
    rule(['cdi.kubevirt.io'], ['datavolumes'], ['create', 'delete', 'get', 'list', 'watch']),
    rule(['kubevirt.io'], ['virtualmachines', 'virtualmachineinstances'], ['get', 'list']),
    rule(['subresources.kubevirt.io'], ['virtualmachines/addvolume', 'virtualmachines/removevolume'], ['update']));
  rules.push(
    ...customResourceRules(toHost.customResources, TO_HOST_CUSTOM_RESOURCE_VERBS),
    ...pluginExtraRules(v, 'role'),
    ...globalExtraRules(v, 'role'),
  );
  return rules;
}

/**
 * ReferenceGrants sync to the host when routes sync across several host namespaces, for Istio,
 * or when forced on; with routes in a single namespace they are only read, for validation.
 */
function referenceGrantRules(ctx: RenderContext): Rule[] {
  const toHost = ctx.values.sync?.toHost ?? {};
  const gatewayApi: GatewayAPIEnableSwitchWithPatches = toHost.gatewayApi ?? {};
  const routes = [gatewayApi.enabled, gatewayApi.httpRoutes?.enabled, gatewayApi.tlsRoutes?.enabled,
    gatewayApi.backendTLSPolicies?.enabled].some(truthy);
  if ((routes && truthy(toHost.namespaces?.enabled)) || truthy(ctx.values.integrations?.istio?.enabled) ||
    isTrueString(gatewayApi.referenceGrants?.enabled)) {
    return [rule(['gateway.networking.k8s.io'], ['referencegrants'], MANAGE)];
  }
  return routes ? [rule(['gateway.networking.k8s.io'], ['referencegrants'], READ)] : [];
}
