import { truthy } from '../values/go-values';
import { ValueMap } from '../values/value-map';

/** The pod CoreDNS runs as in the host namespace. */
export interface CorednsPod {
  readonly replicas: number;
  readonly spec: ValueMap;
}

/**
 * The uid CoreDNS runs as when its security context is not set: vCluster's syncer uses its own
 * uid, or 1001 when it runs as root (pkg/coredns GetUserID), never root.
 */
const COREDNS_DEFAULT_USER = 1001;

/**
 * CoreDNS, as vCluster deploys it inside the virtual cluster (pkg/coredns/template.go): its pods are
 * synced into the host namespace, unless CoreDNS is embedded in the syncer, its manifests are the
 * user's own, pods are not synced, or they run on private nodes. What the quota and the host's
 * Pod Security admission see of it: resources, scheduling, security contexts and volumes.
 */
export function corednsPod(values: ValueMap): CorednsPod | undefined {
  const coredns = values.controlPlane?.coredns ?? {};
  if (!truthy(coredns.enabled) || truthy(coredns.embedded) || truthy(coredns.overwriteManifests)) return undefined;
  if (!truthy(values.sync?.toHost?.pods?.enabled) || truthy(values.privateNodes?.enabled)) return undefined;
  const deployment = coredns.deployment ?? {};
  const security = coredns.security ?? {};
  const podSecurity = truthy(security.podSecurityContext) ? security.podSecurityContext
    : truthy(values.policies?.podSecurityStandard) ? { seccompProfile: { type: 'RuntimeDefault' } } : undefined;
  const containerSecurity = truthy(security.containerSecurityContext) ? security.containerSecurityContext : {
    runAsNonRoot: true,
    runAsUser: COREDNS_DEFAULT_USER,
    runAsGroup: COREDNS_DEFAULT_USER,
    allowPrivilegeEscalation: false,
    capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
    readOnlyRootFilesystem: true,
  };
  return {
    replicas: typeof deployment.replicas === 'number' ? deployment.replicas : 1,
    spec: {
      priorityClassName: coredns.priorityClassName,
      affinity: deployment.affinity,
      ...(podSecurity ? { securityContext: podSecurity } : {}),
      containers: [{
        name: 'coredns',
        ...(truthy(deployment.resources) ? { resources: deployment.resources } : {}),
        securityContext: containerSecurity,
      }],
      volumes: [{ name: 'config-volume', configMap: { name: 'coredns' } }, { name: 'custom-config-volume', configMap: { name: 'coredns-custom' } }],
    },
  };
}
