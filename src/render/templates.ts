import { renderClusterRole, renderClusterRoleBinding } from './cluster-role';
import { renderConfigSecret } from './config-secret';
import { TemplateRenderer } from './context';
import { renderControlPlane } from './control-plane';
import { renderEtcdHeadlessService, renderEtcdService, renderEtcdStatefulSet } from './etcd';
import { renderIngress } from './ingress';
import { renderLimitRange } from './limit-range';
import { renderHostManifests } from './manifests';
import { renderNetworkPolicies } from './network-policy';
import { renderPlatformRbac } from './platform-rbac';
import { renderPodDisruptionBudget } from './pod-disruption-budget';
import { renderResourceQuota } from './resource-quota';
import { renderRole, renderRoleBinding } from './role';
import { renderServiceMonitor } from './service-monitor';
import { renderHeadlessService, renderService } from './service';
import { renderServiceAccount, renderWorkloadServiceAccount } from './service-account';
import { renderTlsRoute } from './tls-route';

/** Every template of the chart, one renderer each, in the chart's file order. */
export const TEMPLATES: readonly TemplateRenderer[] = [
  renderClusterRole,
  renderClusterRoleBinding,
  renderConfigSecret,
  renderEtcdHeadlessService,
  renderEtcdService,
  renderEtcdStatefulSet,
  renderHeadlessService,
  renderIngress,
  renderLimitRange,
  renderHostManifests,
  renderNetworkPolicies,
  renderPlatformRbac,
  renderPodDisruptionBudget,
  renderResourceQuota,
  renderRole,
  renderRoleBinding,
  renderServiceMonitor,
  renderService,
  renderServiceAccount,
  renderControlPlane,
  renderTlsRoute,
  renderWorkloadServiceAccount,
];
