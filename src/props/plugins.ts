import type { ContainerResources, ImagePullPolicy, k8s } from 'cdk8s-plus-31';
import type { VClusterValues } from '../../imports/chart-versions';
import { cdk8sPlus } from './cdk8s-plus';
import { plainJson } from './fragment';
import { resourcesValues } from './quantities';
import { checkDnsLabel, checkNonEmpty, fail } from './validation';
import { isMap, ValueMap } from '../values/value-map';

/** Extra rules of one of the control plane's roles, which the plugin needs. */
export interface PluginRoleOptions {
  /**
   * Rules added to the role, e.g. `{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }`.
   * @default - none
   */
  readonly extraRules?: k8s.PolicyRule[];
}

/** The permissions a plugin adds to the control plane's roles on the host. */
export interface PluginRbacOptions {
  /**
   * Rules added to the control plane's Role.
   * @default - none
   */
  readonly role?: PluginRoleOptions;
  /**
   * Rules added to the control plane's ClusterRole (which they make the chart create).
   * @default - none
   */
  readonly clusterRole?: PluginRoleOptions;
}

/**
 * A vCluster plugin (vcluster.yaml `plugins.<name>`): an init container of the control plane
 * copies it from its image, the syncer runs it. These are the keys the chart renders (or vCluster
 * reads); the chart has no `env` for plugins.
 */
export interface PluginOptions {
  /** The plugin's image, e.g. "ghcr.io/loft-sh/vcluster-example-hooks:v1" (prefixed by `defaultImageRegistry`). */
  readonly image: string;
  /**
   * The init container's name.
   * @default - the plugin's name
   */
  readonly name?: string;
  /**
   * The init container's image pull policy.
   * @default - Kubernetes's
   */
  readonly imagePullPolicy?: ImagePullPolicy;
  /**
   * The init container's command.
   * @default - with neither command nor args: `sh -c "cp -r /plugin /plugins/<name>"`
   */
  readonly command?: string[];
  /**
   * The init container's arguments.
   * @default - see command
   */
  readonly args?: string[];
  /**
   * The init container's security context.
   * @default - none
   */
  readonly securityContext?: k8s.SecurityContext;
  /**
   * The init container's resources.
   * @default - none
   */
  readonly resources?: ContainerResources;
  /**
   * The init container's volume mounts.
   * @default - the `plugins` volume at /plugins
   */
  readonly volumeMounts?: k8s.VolumeMount[];
  /**
   * Rules the plugin adds to the control plane's Role and ClusterRole.
   * @default - none
   */
  readonly rbac?: PluginRbacOptions;
  /**
   * The plugin's own configuration, as the plugin documents it.
   * @default - none
   */
  readonly config?: { readonly [key: string]: unknown };
}

/** `plugins`: each plugin by its name. */
export function pluginsSection(plugins: { readonly [name: string]: PluginOptions }): VClusterValues['plugins'] {
  return Object.fromEntries(Object.entries(plugins).map(([name, p]) => [name, pluginValues(`plugins.${name}`, name, p)]));
}

function pluginValues(prop: string, name: string, p: PluginOptions): ValueMap {
  if (!isMap(p)) fail(prop, p, 'give the plugin\'s options, e.g. { image: "ghcr.io/loft-sh/vcluster-example-hooks:v1" }.');
  // The name of the init container, and of its directory under /plugins.
  checkDnsLabel(p.name === undefined ? prop : `${prop}.name`, p.name ?? name, 'a plugin\'s name (its init container\'s)');
  checkNonEmpty(`${prop}.image`, p.image, 'give the plugin\'s image, e.g. "ghcr.io/loft-sh/vcluster-example-hooks:v1": the chart renders ' +
    'no plugin without one.');
  if (p.config !== undefined && !isMap(p.config)) fail(`${prop}.config`, p.config, 'give the plugin\'s configuration as a map.');
  const k = cdk8sPlus().k8s;
  const rules = (list: k8s.PolicyRule[] | undefined) => list?.map((r) => plainJson(k.toJson_PolicyRule(r)));
  return {
    name: p.name,
    image: p.image,
    imagePullPolicy: p.imagePullPolicy,
    command: p.command && [...p.command],
    args: p.args && [...p.args],
    securityContext: p.securityContext && plainJson(k.toJson_SecurityContext(p.securityContext)),
    resources: resourcesValues(`${prop}.resources`, p.resources),
    volumeMounts: p.volumeMounts?.map((m) => plainJson(k.toJson_VolumeMount(m))),
    rbac: p.rbac && {
      role: p.rbac.role && { extraRules: rules(p.rbac.role.extraRules) },
      clusterRole: p.rbac.clusterRole && { extraRules: rules(p.rbac.clusterRole.extraRules) },
    },
    config: p.config && structuredClone(p.config as ValueMap),
  };
}
