import { cdk8sPlus } from '../cdk8s-plus';
import { booleanExpr, leaf, object } from './candidate';
import { at, structList } from './candidates';

/** An `rbac.role` or `rbac.clusterRole` section; `enabled` only where it says other than the chart's default. */
function role(r: unknown, defaultEnabled: unknown) {
  const enabled = at(r, 'enabled');
  const rules = (v: unknown) => (Array.isArray(v) && v.length > 0 ? structList(v, cdk8sPlus().k8s.toJson_PolicyRule) : undefined);
  return object({
    enabled: typeof enabled === 'boolean' && enabled !== defaultEnabled ? leaf(booleanExpr(enabled)) : undefined,
    extraRules: rules(at(r, 'extraRules')),
    overwriteRules: rules(at(r, 'overwriteRules')),
  });
}

export const decodeRbac = (rbac: unknown) => object({
  role: role(at(rbac, 'role'), true),
  clusterRole: role(at(rbac, 'clusterRole'), 'auto'),
});
