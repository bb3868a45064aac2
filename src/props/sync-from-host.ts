import type { k8s } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { Sync } from '../../imports/chart-versions';
import { plainJson } from './fragment';
import { ValueMap } from '../values/value-map';
import { SyncMode, syncSwitch } from './sync-mode';
import { FromHostGatewaySyncOptions, fromHostGatewayValues } from './sync-gateways';
import { patchValues, SyncPatch } from './sync-patch';
import { ResourceScope } from './sync-to-host';
import { checkOneOf, checkPluralGroup, fail } from './validation';

/** A cluster-wide resource of the host synced into the virtual cluster, optionally selected by labels. */
export interface FromHostSelectorSyncOptions {
  /**
   * Only sync the objects these labels select.
   * @default - all
   */
  readonly selector?: k8s.LabelSelector;

  /**
   * Changes to fields of the synced objects.
   * @default - none
   */
  readonly patches?: SyncPatch[];
}

/** StorageClasses of the host synced into the virtual cluster. */
export interface StorageClassSyncOptions extends FromHostSelectorSyncOptions {
  /**
   * Whether they sync.
   * @default true
   */
  readonly enabled?: boolean | SyncMode;
}

/** Host nodes shown in the virtual cluster. */
export interface NodeSyncOptions {
  /**
   * Sync the host nodes' information. `false` shows pseudo nodes instead, while `labels` still
   * confine the virtual cluster's pods to the host nodes they select (the other options act on
   * synced nodes only).
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Sync all nodes, not only those the virtual cluster's pods run on.
   * @default false
   */
  readonly all?: boolean;

  /**
   * Only sync nodes with these labels; virtual pods are then also scheduled onto them only.
   * @default - no label condition
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Write changes to the virtual nodes back to the host nodes.
   * @default false
   */
  readonly syncBackChanges?: boolean;

  /**
   * Hide the host nodes' image lists.
   * @default false
   */
  readonly clearImageStatus?: boolean;

  /**
   * Changes to fields of the synced nodes, e.g. `{ path: 'status.capacity.cpu', expression: '"0"' }`.
   * @default - none
   */
  readonly patches?: SyncPatch[];
}

/**
 * Namespaced objects of the host synced into the virtual cluster, chosen by name. Keys are host
 * objects, values where they appear in the virtual cluster, both `namespace/name`:
 * `{ 'shared/ca': 'default/ca' }`, `{ 'shared/*': 'shared/*' }`, or `'/name'` for an object of
 * the virtual cluster's own namespace.
 */
export interface FromHostMappingSyncOptions {
  /** Host object to virtual object. */
  readonly mappings: { readonly [hostObject: string]: string };

  /**
   * Changes to fields of the synced objects.
   * @default - none
   */
  readonly patches?: SyncPatch[];
}

/** A custom resource of the host synced into the virtual cluster. */
export interface FromHostCustomResourceSyncOptions {
  /** Whether the resource is namespaced or cluster-wide. */
  readonly scope: ResourceScope;

  /**
   * For namespaced resources, which host objects appear where (as in
   * {@link FromHostMappingSyncOptions.mappings}).
   * @default - none
   */
  readonly mappings?: { readonly [hostObject: string]: string };

  /**
   * Changes to fields of the synced objects.
   * @default - none
   */
  readonly patches?: SyncPatch[];
}

/**
 * What syncs from the host into the virtual cluster, read-only (vcluster.yaml `sync.fromHost`).
 * `true` or `false` switches a resource; options switch it on with those settings.
 */
export interface FromHostSyncOptions {
  /**
   * Nodes. Without them the virtual cluster shows pseudo nodes.
   * @default false
   */
  readonly nodes?: boolean | NodeSyncOptions;

  /**
   * Events of synced objects.
   * @default true
   */
  readonly events?: boolean;

  /**
   * StorageClasses, so claims in the virtual cluster can name them.
   * @default SyncMode.AUTO
   */
  readonly storageClasses?: boolean | SyncMode | StorageClassSyncOptions;

  /**
   * IngressClasses, so ingresses in the virtual cluster can name them.
   * @default false
   */
  readonly ingressClasses?: boolean | FromHostSelectorSyncOptions;

  /**
   * GatewayClasses.
   * @default false
   */
  readonly gatewayClasses?: boolean | FromHostSelectorSyncOptions;

  /**
   * Gateways, by their mappings (`false` to switch them off).
   * @default false
   */
  readonly gateways?: false | FromHostGatewaySyncOptions;

  /**
   * RuntimeClasses.
   * @default false
   */
  readonly runtimeClasses?: boolean | FromHostSelectorSyncOptions;

  /**
   * PriorityClasses.
   * @default false
   */
  readonly priorityClasses?: boolean | FromHostSelectorSyncOptions;

  /**
   * DeviceClasses (dynamic resource allocation).
   * @default false
   */
  readonly deviceClasses?: boolean | FromHostSelectorSyncOptions;

  /**
   * CSINodes.
   * @default SyncMode.AUTO
   */
  readonly csiNodes?: boolean | SyncMode;

  /**
   * CSIDrivers.
   * @default SyncMode.AUTO
   */
  readonly csiDrivers?: boolean | SyncMode;

  /**
   * CSIStorageCapacities.
   * @default SyncMode.AUTO
   */
  readonly csiStorageCapacities?: boolean | SyncMode;

  /**
   * ConfigMaps of the host, by name.
   * @default - none
   */
  readonly configMaps?: FromHostMappingSyncOptions;

  /**
   * Secrets of the host, by name.
   * @default - none
   */
  readonly secrets?: FromHostMappingSyncOptions;

  /**
   * Custom resources by `<plural>.<group>`. Their CRDs must exist on the host.
   * @default - none
   */
  readonly customResources?: { readonly [resource: string]: FromHostCustomResourceSyncOptions };
}

const SELECTABLE = ['ingressClasses', 'gatewayClasses', 'runtimeClasses', 'priorityClasses', 'deviceClasses'] as const;
const AUTO = ['csiNodes', 'csiDrivers', 'csiStorageCapacities'] as const;

function selector(s: k8s.LabelSelector | undefined): ValueMap | undefined {
  return s && plainJson(cdk8sPlus().k8s.toJson_LabelSelector(s));
}

function checkMappings(prop: string, mappings: { readonly [k: string]: string }): void {
  for (const [host, virtual] of Object.entries(mappings)) {
    if (host !== '' && !host.includes('/')) {
      fail(prop, { [host]: virtual }, 'keys are host objects as "namespace/name" ("namespace/*" for all of a namespace, "/name" for the ' +
        'virtual cluster\'s namespace).');
    }
  }
}

export function fromHostValues(fromHost: FromHostSyncOptions | undefined): Sync['fromHost'] | undefined {
  if (fromHost === undefined) return undefined;
  const prop = 'sync.fromHost';
  const out: ValueMap = {};
  out.events = syncSwitch(`${prop}.events`, fromHost.events, false);
  for (const key of AUTO) out[key] = syncSwitch(`${prop}.${key}`, fromHost[key], true);
  for (const key of SELECTABLE) {
    const v = fromHost[key];
    out[key] = typeof v === 'object'
      ? { enabled: true, selector: selector(v.selector), patches: patchValues(`${prop}.${key}.patches`, v.patches) }
      : syncSwitch(`${prop}.${key}`, v, false);
  }
  const sc = fromHost.storageClasses;
  out.storageClasses = typeof sc === 'object'
    ? {
      ...syncSwitch(`${prop}.storageClasses.enabled`, sc.enabled ?? true, true),
      selector: selector(sc.selector),
      patches: patchValues(`${prop}.storageClasses.patches`, sc.patches),
    }
    : syncSwitch(`${prop}.storageClasses`, sc, true);
  const nodes = fromHost.nodes;
  out.nodes = typeof nodes === 'object'
    ? {
      enabled: nodes.enabled ?? true,
      syncBackChanges: nodes.syncBackChanges,
      clearImageStatus: nodes.clearImageStatus,
      selector: { all: nodes.all, labels: nodes.labels && { ...nodes.labels } },
      patches: patchValues(`${prop}.nodes.patches`, nodes.patches),
    }
    : syncSwitch(`${prop}.nodes`, nodes, false);
  const gateways = fromHost.gateways;
  // Typed as false or options; `true` reaches here from JavaScript (the props schema says boolean).
  if ((gateways as unknown) === true) {
    fail(`${prop}.gateways`, gateways, 'vCluster imports only the Gateways mappings name; give { mappings: { "infra/public": "default/public" } }.');
  }
  out.gateways = typeof gateways === 'object' ? fromHostGatewayValues(`${prop}.gateways`, gateways) : syncSwitch(`${prop}.gateways`, gateways, false);
  for (const key of ['configMaps', 'secrets'] as const) {
    const v = fromHost[key];
    if (v === undefined) continue;
    checkMappings(`${prop}.${key}.mappings`, v.mappings ?? {});
    if (Object.keys(v.mappings ?? {}).length === 0) {
      fail(`${prop}.${key}.mappings`, v.mappings, `name the host ${key} to sync, e.g. { "shared/ca": "default/ca" }.`);
    }
    out[key] = { enabled: true, mappings: { byName: { ...v.mappings } }, patches: patchValues(`${prop}.${key}.patches`, v.patches) };
  }
  if (fromHost.customResources !== undefined) {
    out.customResources = {};
    for (const [resource, v] of Object.entries(fromHost.customResources)) {
      const p = `${prop}.customResources`;
      checkPluralGroup(p, resource, 'clusterissuers.cert-manager.io');
      checkOneOf(`${p}.${resource}.scope`, v?.scope, ResourceScope, 'use ResourceScope.NAMESPACED or ResourceScope.CLUSTER.');
      if (v.mappings) checkMappings(`${p}.${resource}.mappings`, v.mappings);
      out.customResources[resource] = {
        enabled: true,
        scope: v.scope,
        mappings: v.mappings && { byName: { ...v.mappings } },
        patches: patchValues(`${p}.${resource}.patches`, v.patches),
      };
    }
  }
  return out;
}
