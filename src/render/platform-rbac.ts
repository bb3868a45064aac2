import { RenderContext, RenderedObject } from './context';
import {
  controlPlaneServiceAccountSubject,
  createPlatformSecretRole,
  platformRoleBindingName,
  platformRoleName,
  platformSecretName,
  platformSecretNamespace,
  rule,
} from './rbac-rules';

/**
 * `platform-rbac.yaml`: when the platform API key secret lives in another namespace, lets the
 * control plane read that one secret there.
 */
export function renderPlatformRbac(ctx: RenderContext): RenderedObject[] {
  if (!createPlatformSecretRole(ctx)) return [];
  const namespace = platformSecretNamespace(ctx);
  return [
    {
      id: 'PlatformRole',
      manifest: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: platformRoleName(ctx), namespace },
        rules: [{ ...rule([''], ['secrets'], ['get']), resourceNames: [platformSecretName(ctx)] }],
      },
    },
    {
      id: 'PlatformRoleBinding',
      manifest: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: platformRoleBindingName(ctx), namespace },
        subjects: [controlPlaneServiceAccountSubject(ctx)],
        roleRef: { kind: 'Role', name: platformRoleName(ctx), apiGroup: 'rbac.authorization.k8s.io' },
      },
    },
  ];
}
