import type { ContainerResources } from 'cdk8s-plus-31';
import { Sync } from '../../imports/chart-versions';
import { toggle } from './fragment';
import { ValueMap } from '../values/value-map';
import { Image, imageValues } from './images';
import { resourcesValues } from './quantities';
import { SyncMode, syncSwitch } from './sync-mode';
import { patchValues, SyncPatch } from './sync-patch';
import { checkDnsLabel, checkPluralGroup, fail } from './validation';

/** How virtual pods are synced to the host. */
export interface PodSyncOptions {
  /**
   * Sync pods (without them the virtual cluster runs no workloads).
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Images replaced on the host, e.g. `{ 'nginx:1.27': 'registry.example.com/nginx:1.27' }`.
   * @default - none
   */
  readonly translateImage?: { readonly [virtualImage: string]: string };

  /**
   * Tolerations added to every synced pod, in vCluster's form `key[=value]:Effect`, e.g.
   * "team=a:NoSchedule".
   * @default - none
   */
  readonly enforceTolerations?: string[];

  /**
   * Keep service account tokens in Secrets instead of pod annotations.
   * @default false
   */
  readonly useSecretsForServiceAccountTokens?: boolean;

  /**
   * The RuntimeClass of every synced pod.
   * @default - the pod's own
   */
  readonly runtimeClassName?: string;

  /**
   * The PriorityClass of every synced pod.
   * @default - the pod's own
   */
  readonly priorityClassName?: string;

  /**
   * Rewrite /etc/hosts of StatefulSet pods so their virtual FQDN resolves (an init container):
   * `false` to leave them, options for the init container's image (air-gapped installs) and
   * resources.
   * @default true
   */
  readonly rewriteHosts?: boolean | RewriteHostsOptions;

  /**
   * Changes to fields of the synced pods, e.g. `{ path: 'metadata.annotations["team"]', expression: '"a"' }`.
   * @default - none
   */
  readonly patches?: SyncPatch[];

  /**
   * Schedulers of the host cluster pods may ask for besides the virtual cluster's (hybrid
   * scheduling).
   * @default - no hybrid scheduling
   */
  readonly hostSchedulers?: string[];
}

/** The init container that rewrites /etc/hosts of StatefulSet pods. */
export interface RewriteHostsInitContainerOptions {
  /**
   * Its image.
   * @default - the chart's: mirror.gcr.io/library/alpine:3.20
   */
  readonly image?: Image;

  /**
   * Its resources, merged entry by entry over the chart's.
   * @default - the chart's: 30m CPU and 64Mi memory requested, 30m CPU and 64Mi memory limits
   */
  readonly resources?: ContainerResources;
}

/** How /etc/hosts of StatefulSet pods is rewritten. */
export interface RewriteHostsOptions {
  /**
   * The init container doing it.
   * @default - the chart's
   */
  readonly initContainer?: RewriteHostsInitContainerOptions;
}

/** A resource synced to the host, with changes to its objects' fields. */
export interface ToHostResourceSyncOptions {
  /**
   * Changes to fields of the synced objects, e.g. `{ path: 'metadata.annotations["team"]', expression: '"a"' }`.
   * @default - none
   */
  readonly patches?: SyncPatch[];
}

/** Secrets or ConfigMaps synced to the host. */
export interface ToHostObjectSyncOptions extends ToHostResourceSyncOptions {
  /**
   * Sync every object, not only those pods use.
   * @default false
   */
  readonly all?: boolean;
}

/** Gateway API resources synced to the host, each by its own switch. */
export interface GatewayApiSyncOptions {
  /**
   * vCluster's umbrella switch: Gateways and HTTPRoutes sync, and the host's GatewayClasses are
   * imported, whatever their own switches say. Leave it out to choose resource by resource.
   * @default false
   */
  readonly enabled?: boolean;

  /**
   * HTTPRoutes.
   * @default false
   */
  readonly httpRoutes?: boolean;

  /**
   * Gateways.
   * @default false
   */
  readonly gateways?: boolean;

  /**
   * TLSRoutes.
   * @default false
   */
  readonly tlsRoutes?: boolean;

  /**
   * BackendTLSPolicies.
   * @default false
   */
  readonly backendTlsPolicies?: boolean;

  /**
   * ReferenceGrants.
   * @default SyncMode.AUTO
   */
  readonly referenceGrants?: boolean | SyncMode;
}

/**
 * Multi-namespace mode: each virtual namespace syncs to a host namespace of its own, and objects
 * keep their names. The chart puts its ResourceQuota and LimitRange only into the virtual
 * cluster's namespace; the construct copies them into every host namespace named here.
 */
export interface NamespaceSyncOptions {
  /**
   * Virtual namespace to host namespace, e.g. `{ 'team-a': 'vc1-team-a' }`. A `*` in both
   * maps a pattern, e.g. `{ 'team-*': 'vc1-team-*' }`. Fixed once the virtual cluster runs.
   */
  readonly mappings: { readonly [virtualNamespace: string]: string };

  /**
   * Refuse virtual namespaces no mapping matches.
   * @default false
   */
  readonly mappingsOnly?: boolean;

  /**
   * Labels added to the host namespaces.
   * @default - none
   */
  readonly extraLabels?: { readonly [key: string]: string };

  /**
   * Host namespaces the virtual cluster uses besides the fixed ones of `mappings`: those a
   * pattern will create. Each must match a pattern's host side. They are emitted (and vCluster
   * imports them) and get the ResourceQuota and LimitRange too.
   * @default - none
   */
  readonly hostNamespaces?: string[];

  /**
   * Accept a pattern that no entry of `hostNamespaces` matches although the virtual cluster has
   * a ResourceQuota or LimitRange: the host namespaces vCluster creates for it at run time get
   * neither, so workloads there escape the quota.
   * @default false
   */
  readonly allowPatternsWithoutQuota?: boolean;
}

/** The scope of a custom resource. */
export enum ResourceScope {
  /** Namespaced objects. */
  NAMESPACED = 'Namespaced',
  /** Cluster-wide objects. */
  CLUSTER = 'Cluster',
}

/** A custom resource synced to the host. */
export interface ToHostCustomResourceSyncOptions {
  /**
   * The resource's scope; only namespaced resources sync to the host.
   * @default ResourceScope.NAMESPACED
   */
  readonly scope?: ResourceScope;

  /**
   * Changes to fields of the synced objects.
   * @default - none
   */
  readonly patches?: SyncPatch[];
}

/**
 * What syncs from the virtual cluster to the host (vcluster.yaml `sync.toHost`). `true` or
 * `false` switches a resource; options switch it on with those settings.
 */
export interface ToHostSyncOptions {
  /**
   * Pods.
   * @default true
   */
  readonly pods?: boolean | PodSyncOptions;

  /**
   * Secrets (those pods use).
   * @default true
   */
  readonly secrets?: boolean | ToHostObjectSyncOptions;

  /**
   * ConfigMaps (those pods use).
   * @default true
   */
  readonly configMaps?: boolean | ToHostObjectSyncOptions;

  /**
   * Services.
   * @default true
   */
  readonly services?: boolean | ToHostResourceSyncOptions;

  /**
   * Endpoints.
   * @default true
   */
  readonly endpoints?: boolean | ToHostResourceSyncOptions;

  /**
   * EndpointSlices.
   * @default true
   */
  readonly endpointSlices?: boolean | ToHostResourceSyncOptions;

  /**
   * PersistentVolumeClaims.
   * @default true
   */
  readonly persistentVolumeClaims?: boolean | ToHostResourceSyncOptions;

  /**
   * Ingresses, for the host's ingress controller.
   * @default false
   */
  readonly ingresses?: boolean | ToHostResourceSyncOptions;

  /**
   * Gateway API resources: `true` for vCluster's umbrella switch (Gateways and HTTPRoutes, the
   * host's GatewayClasses imported), options to choose resource by resource (without the umbrella
   * unless they say `enabled: true`).
   * @default false
   */
  readonly gatewayApi?: boolean | GatewayApiSyncOptions;

  /**
   * NetworkPolicies.
   * @default false
   */
  readonly networkPolicies?: boolean | ToHostResourceSyncOptions;

  /**
   * PersistentVolumes.
   * @default false
   */
  readonly persistentVolumes?: boolean | ToHostResourceSyncOptions;

  /**
   * StorageClasses.
   * @default false
   */
  readonly storageClasses?: boolean | ToHostResourceSyncOptions;

  /**
   * ServiceAccounts.
   * @default false
   */
  readonly serviceAccounts?: boolean | ToHostResourceSyncOptions;

  /**
   * PodDisruptionBudgets.
   * @default false
   */
  readonly podDisruptionBudgets?: boolean | ToHostResourceSyncOptions;

  /**
   * PriorityClasses.
   * @default false
   */
  readonly priorityClasses?: boolean | ToHostResourceSyncOptions;

  /**
   * ResourceClaims (dynamic resource allocation).
   * @default false
   */
  readonly resourceClaims?: boolean | ToHostResourceSyncOptions;

  /**
   * ResourceClaimTemplates (dynamic resource allocation).
   * @default false
   */
  readonly resourceClaimTemplates?: boolean | ToHostResourceSyncOptions;

  /**
   * Namespaces: multi-namespace mode.
   * @default - off: everything syncs into the virtual cluster's namespace, with rewritten names
   */
  readonly namespaces?: NamespaceSyncOptions;

  /**
   * Custom resources by `<plural>.<group>`, e.g. `{ 'certificates.cert-manager.io': true }`.
   * Their CRDs must exist on the host.
   * @default - none
   */
  readonly customResources?: { readonly [resource: string]: boolean | ToHostCustomResourceSyncOptions };
}

const PLAIN = [
  'services', 'endpoints', 'endpointSlices', 'persistentVolumeClaims', 'ingresses', 'networkPolicies',
  'persistentVolumes', 'storageClasses', 'serviceAccounts', 'podDisruptionBudgets', 'priorityClasses',
  'resourceClaims', 'resourceClaimTemplates',
] as const;

export function toHostValues(toHost: ToHostSyncOptions | undefined): Sync['toHost'] | undefined {
  if (toHost === undefined) return undefined;
  const prop = 'sync.toHost';
  const out: ValueMap = {};
  for (const key of PLAIN) {
    const v = toHost[key];
    out[key] = typeof v === 'object'
      ? { enabled: true, patches: patchValues(`${prop}.${key}.patches`, v.patches) }
      : syncSwitch(`${prop}.${key}`, v, false);
  }
  out.pods = toggle(toHost.pods, (o) => ({
    enabled: o.enabled ?? true,
    translateImage: o.translateImage && { ...o.translateImage },
    enforceTolerations: o.enforceTolerations && [...o.enforceTolerations],
    useSecretsForSATokens: o.useSecretsForServiceAccountTokens,
    runtimeClassName: o.runtimeClassName,
    priorityClassName: o.priorityClassName,
    rewriteHosts: toggle(o.rewriteHosts, (r) => ({
      initContainer: r.initContainer && {
        image: imageValues(`${prop}.pods.rewriteHosts.initContainer.image`, r.initContainer.image),
        resources: resourcesValues(`${prop}.pods.rewriteHosts.initContainer.resources`, r.initContainer.resources),
      },
    })),
    patches: patchValues(`${prop}.pods.patches`, o.patches),
    hybridScheduling: o.hostSchedulers && { enabled: true, hostSchedulers: [...o.hostSchedulers] },
  }));
  for (const key of ['secrets', 'configMaps'] as const) {
    out[key] = toggle(toHost[key], (o) => ({ all: o.all, patches: patchValues(`${prop}.${key}.patches`, o.patches) }));
  }
  const gatewayApi = toHost.gatewayApi;
  // Options leave the umbrella switch alone: it would also sync Gateways the options do not name.
  out.gatewayApi = typeof gatewayApi === 'object' ? {
    enabled: gatewayApi.enabled,
    httpRoutes: syncSwitch(`${prop}.gatewayApi.httpRoutes`, gatewayApi.httpRoutes, false),
    gateways: syncSwitch(`${prop}.gatewayApi.gateways`, gatewayApi.gateways, false),
    tlsRoutes: syncSwitch(`${prop}.gatewayApi.tlsRoutes`, gatewayApi.tlsRoutes, false),
    backendTLSPolicies: syncSwitch(`${prop}.gatewayApi.backendTlsPolicies`, gatewayApi.backendTlsPolicies, false),
    referenceGrants: syncSwitch(`${prop}.gatewayApi.referenceGrants`, gatewayApi.referenceGrants, true),
  } : syncSwitch(`${prop}.gatewayApi`, gatewayApi, false);
  out.namespaces = namespaceValues(`${prop}.namespaces`, toHost.namespaces);
  if (toHost.customResources !== undefined) {
    out.customResources = {};
    for (const [resource, v] of Object.entries(toHost.customResources)) {
      const p = `${prop}.customResources`;
      checkPluralGroup(p, resource, 'certificates.cert-manager.io');
      if (typeof v === 'object' && v.scope === ResourceScope.CLUSTER) {
        fail(`${p}.${resource}.scope`, v.scope, 'only namespaced custom resources sync to the host; sync cluster-wide ones from the host ' +
          '(sync.fromHost.customResources).');
      }
      out.customResources[resource] = toggle(v, (o) => ({ scope: o.scope, patches: patchValues(`${p}.${resource}.patches`, o.patches) }));
    }
  }
  return out;
}

function namespaceValues(prop: string, ns: NamespaceSyncOptions | undefined): ValueMap | undefined {
  if (ns === undefined) return undefined;
  const mappings = Object.entries(ns.mappings ?? {});
  if (mappings.length === 0) {
    fail(`${prop}.mappings`, ns.mappings, 'multi-namespace mode needs at least one mapping of a virtual namespace to a host namespace, e.g. ' +
      '{ "team-a": "vc1-team-a" }.');
  }
  for (const [virtual, host] of mappings) {
    if (virtual.includes('*') !== host.includes('*')) {
      fail(`${prop}.mappings`, { [virtual]: host }, 'a pattern needs a "*" on both sides, e.g. { "team-*": "vc1-team-*" }.');
    }
    if (virtual.split('*').length > 2 || host.split('*').length > 2) {
      fail(`${prop}.mappings`, { [virtual]: host }, 'a pattern has one "*" on each side, e.g. { "team-*": "vc1-team-*" }.');
    }
  }
  return {
    enabled: true,
    mappings: { byName: { ...ns.mappings } },
    mappingsOnly: ns.mappingsOnly,
    extraLabels: ns.extraLabels && { ...ns.extraLabels },
  };
}

/**
 * The host namespaces the virtual cluster uses besides its own, as the construct accounts for
 * them: the fixed targets of the mappings and the declared ones, each once, in the order given,
 * with `${name}` replaced by the release name (vCluster substitutes it at run time). Refuses a
 * declared host namespace no mapping leads to (vCluster would never use it) and, when the virtual
 * cluster has a quota or limit range (`policed`), a pattern no declared host namespace matches.
 */
export function hostNamespaces(toHost: ToHostSyncOptions | undefined, releaseName: string, policed: boolean): string[] {
  const ns = toHost?.namespaces;
  if (ns === undefined) return [];
  const prop = 'sync.toHost.namespaces.hostNamespaces';
  const hosts = Object.values(ns.mappings ?? {}).map((host) => host.split('${name}').join(releaseName));
  const fixed = hosts.filter((host) => !host.includes('*'));
  const patterns = hosts.filter((host) => host.includes('*'));
  const declared = ns.hostNamespaces ?? [];
  const all = [...new Set([...fixed, ...declared])];
  all.forEach((host) => checkDnsLabel('sync.toHost.namespaces', host, `host namespace ${JSON.stringify(host)}`));
  for (const host of declared) {
    if (!fixed.includes(host) && !patterns.some((p) => matchesPattern(p, host))) {
      fail(prop, host, 'lists a host namespace that no mapping leads to, so vCluster never uses it; remove it, or map a virtual namespace to it ' +
        `(patterns: ${patterns.length > 0 ? patterns.map((p) => JSON.stringify(p)).join(', ') : 'none'}).`);
    }
  }
  const undeclared = patterns.filter((p) => !declared.some((host) => matchesPattern(p, host)));
  if (policed && undeclared.length > 0 && !ns.allowPatternsWithoutQuota) {
    fail(prop, ns.hostNamespaces,
      `the host namespaces that the pattern${undeclared.length > 1 ? 's' : ''} ${undeclared.map((p) => JSON.stringify(p)).join(', ')} will create ` +
      `get no ResourceQuota or LimitRange, so their workloads escape the quota. Declare them here (e.g. ` +
        `"${undeclared[0].replace('*', 'example')}"), ` +
      'map exact names instead, or set allowPatternsWithoutQuota: true.');
  }
  return all;
}

/** vCluster's pattern mappings: one `*` standing for a non-empty part of the name. */
function matchesPattern(pattern: string, name: string): boolean {
  const [before, after] = pattern.split('*');
  return name.length > before.length + after.length && name.startsWith(before) && name.endsWith(after);
}
