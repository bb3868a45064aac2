import { Manifest, RenderedObject } from './render/context';
import { isMap, ValueMap } from './values/value-map';
import { truthy } from './values/go-values';

/** The verbs an informer needs: vCluster's host client reads through its cache. */
const INFORMER_VERBS = ['list', 'watch'];

/**
 * The Role and RoleBinding vCluster needs in each host namespace, other than its own, that it
 * exports a kubeconfig Secret to (`exportKubeConfig.secret.namespace` or
 * `exportKubeConfig.additionalSecrets[].namespace`); the chart renders none (vCluster v0.36.1):
 * - the syncer writes each Secret with controllerutil.CreateOrPatch through the host manager's
 *   cached client (pkg/util/kubeconfig WriteKubeConfig, pkg/setup/controllers.go): the read is
 *   the cache's list and watch, then `create`, or `patch` of that one Secret;
 * - the host manager's cache spans each such namespace beside its own (pkg/setup
 *   controller_context.go getLocalCacheOptions: "we will need access to all the objects that
 *   the vcluster usually has access to otherwise the controller will not start"): every informer
 *   it runs lists and watches there too, so the Role lets read (list, watch) what the chart's
 *   Role lets read in the virtual cluster's namespace.
 * `create` cannot be limited to names (the name is not known to RBAC before the object exists),
 * nor can list and watch without a field selector, which informers do not use: only `patch`
 * names the Secrets. None when the chart renders no namespaced Role (rbac.role.enabled off: the
 * user keeps the syncer's RBAC; namespace sync: the chart's ClusterRole covers every namespace).
 */
export function kubeConfigSecretRbac(
  values: ValueMap, objects: readonly RenderedObject[], release: { name: string; namespace: string },
): RenderedObject[] {
  const role = objects.find((o) => o.id === 'Role')?.manifest;
  const binding = objects.find((o) => o.id === 'RoleBinding')?.manifest;
  if (role?.kind !== 'Role' || binding === undefined) return [];
  const byNamespace = new Map<string, string[]>();
  for (const secret of exportedSecrets(values)) {
    const namespace = secret.namespace || release.namespace;
    if (namespace === release.namespace) continue;
    const names = byNamespace.get(namespace) ?? [];
    const name = secret.name || `vc-${release.name}`;
    if (!names.includes(name)) names.push(name);
    byNamespace.set(namespace, names);
  }
  const name = `vc-${release.name}-kubeconfig`;
  const metadata = (namespace: string): Manifest['metadata'] => ({ name, namespace, labels: { app: 'vcluster', release: release.name } });
  return [...byNamespace].flatMap(([namespace, names]) => [
    {
      id: `Role-kubeconfig-${namespace}`,
      manifest: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: metadata(namespace),
        rules: [
          ...readRules(role.rules),
          { apiGroups: [''], resources: ['secrets'], verbs: [...INFORMER_VERBS, 'create'] },
          { apiGroups: [''], resources: ['secrets'], resourceNames: names, verbs: ['patch'] },
        ],
      },
    },
    {
      id: `RoleBinding-kubeconfig-${namespace}`,
      manifest: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: metadata(namespace),
        subjects: binding.subjects,
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      },
    },
  ]);
}

/** The Secrets vCluster writes besides vc-<name>, as its ExportKubeConfig.GetAdditionalSecrets reads them. */
function exportedSecrets(values: ValueMap): Array<{ name?: string; namespace?: string }> {
  const exportKubeConfig = values.exportKubeConfig;
  if (!isMap(exportKubeConfig)) return [];
  const secret = exportKubeConfig.secret;
  if (isMap(secret) && (truthy(secret.name) || truthy(secret.namespace))) return [text(secret)];
  const additional = exportKubeConfig.additionalSecrets;
  return Array.isArray(additional) ? additional.filter(isMap).map(text) : [];
}

function text(reference: ValueMap): { name?: string; namespace?: string } {
  return {
    name: typeof reference.name === 'string' ? reference.name : undefined,
    namespace: typeof reference.namespace === 'string' ? reference.namespace : undefined,
  };
}

/**
 * The chart Role's rules cut to what informers do: list and watch, on resources (subresources
 * have no informers). Secrets get their own rules.
 */
function readRules(rules: unknown): ValueMap[] {
  if (!Array.isArray(rules)) return [];
  return rules.filter(isMap).flatMap((r) => {
    const verbs = strings(r.verbs);
    const resources = strings(r.resources).filter((res) => !res.includes('/') && res !== 'secrets');
    const read = INFORMER_VERBS.filter((v) => verbs.includes(v) || verbs.includes('*'));
    return read.length > 0 && resources.length > 0 && r.resourceNames === undefined
      ? [{ apiGroups: strings(r.apiGroups), resources, verbs: read }]
      : [];
  });
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
