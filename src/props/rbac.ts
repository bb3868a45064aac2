import type { k8s } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { VClusterValues } from '../../imports/chart-versions';
import { plainJson } from './fragment';
import { ValueMap } from '../values/value-map';
import { fail } from './validation';

/** The rules of one of the control plane's roles. */
export interface RbacRulesOptions {
  /**
   * Rules added to the chart's, e.g. `{ apiGroups: [''], resources: ['pods/status'], verbs: ['patch'] }`.
   * @default - none
   */
  readonly extraRules?: k8s.PolicyRule[];

  /**
   * Rules replacing all of the chart's (and the plugins'): the control plane then has only
   * these, and must be given every permission its sync needs.
   * @default - the chart's rules
   */
  readonly overwriteRules?: k8s.PolicyRule[];
}

/** The control plane's Role in its namespace (a ClusterRole in multi-namespace mode). */
export interface RbacRoleOptions extends RbacRulesOptions {
  /**
   * Create the Role and its RoleBinding; without them the control plane's service account
   * needs its permissions from elsewhere.
   * @default true
   */
  readonly enabled?: boolean;
}

/** The control plane's ClusterRole. */
export interface RbacClusterRoleOptions extends RbacRulesOptions {
  /**
   * Create the ClusterRole and its binding: `false` where the installer may not create
   * cluster-wide objects (features that need it then fail at run time).
   * @default - automatic: when a feature needs cluster-wide access (extra rules included)
   */
  readonly enabled?: boolean;
}

/**
 * The control plane's permissions on the host (vcluster.yaml `rbac`): its Role and ClusterRole,
 * their extra rules, or rules of your own instead of the chart's.
 */
export interface RbacOptions {
  /**
   * The Role.
   * @default - the chart's rules
   */
  readonly role?: RbacRoleOptions;

  /**
   * The ClusterRole.
   * @default - the chart's rules, created when needed
   */
  readonly clusterRole?: RbacClusterRoleOptions;
}

function roleValues(prop: string, role: RbacRoleOptions | RbacClusterRoleOptions | undefined): ValueMap | undefined {
  if (role === undefined) return undefined;
  const rules = (list: k8s.PolicyRule[] | undefined) => list?.map((r) => plainJson(cdk8sPlus().k8s.toJson_PolicyRule(r)));
  // The chart ignores extra rules beside overwriting ones, and every rule of a role it does not create.
  if (role.extraRules?.length && role.overwriteRules?.length) {
    fail(`${prop}.extraRules`, role.extraRules,
      `the chart ignores extra rules when overwriteRules replace its rules; put them into ${prop}.overwriteRules.`);
  }
  if (role.enabled === false && (role.extraRules?.length || role.overwriteRules?.length)) {
    fail(`${prop}.enabled`, role.enabled, 'a role that is not created has no rules; remove its rules, or leave enabled out.');
  }
  return { enabled: role.enabled, extraRules: rules(role.extraRules), overwriteRules: rules(role.overwriteRules) };
}

/** The `rbac` section. */
export function rbacSection(rbac: RbacOptions): VClusterValues['rbac'] {
  return { role: roleValues('rbac.role', rbac.role), clusterRole: roleValues('rbac.clusterRole', rbac.clusterRole) };
}
