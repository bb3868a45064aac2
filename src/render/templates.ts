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

/** One template file of the chart and its renderer. */
export interface ChartTemplate {
  /** The file, as helm names it in `# Source: vcluster/<file>` comments: "templates/role.yaml". */
  readonly file: string;
  readonly render: TemplateRenderer;
}

/** Every template of the chart, in the chart's file order (the order helm renders them in). */
export const TEMPLATES: readonly ChartTemplate[] = ([
  ['clusterrole.yaml', renderClusterRole],
  ['clusterrolebinding.yaml', renderClusterRoleBinding],
  ['config-secret.yaml', renderConfigSecret],
  ['etcd-headless-service.yaml', renderEtcdHeadlessService],
  ['etcd-service.yaml', renderEtcdService],
  ['etcd-statefulset.yaml', renderEtcdStatefulSet],
  ['headless-service.yaml', renderHeadlessService],
  ['ingress.yaml', renderIngress],
  ['limitrange.yaml', renderLimitRange],
  ['manifests.yaml', renderHostManifests],
  ['networkpolicy.yaml', renderNetworkPolicies],
  ['platform-rbac.yaml', renderPlatformRbac],
  ['pod-disruption-budget.yaml', renderPodDisruptionBudget],
  ['resourcequota.yaml', renderResourceQuota],
  ['role.yaml', renderRole],
  ['rolebinding.yaml', renderRoleBinding],
  ['service-monitor.yaml', renderServiceMonitor],
  ['service.yaml', renderService],
  ['serviceaccount.yaml', renderServiceAccount],
  ['statefulset.yaml', renderControlPlane],
  ['tlsroute.yaml', renderTlsRoute],
  ['workload-serviceaccount.yaml', renderWorkloadServiceAccount],
] as const).map(([file, render]) => ({ file: `templates/${file}`, render }));
