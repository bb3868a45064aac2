import type { k8s } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { plainJson } from './fragment';
import { ValueMap } from '../values/value-map';
import { isDnsLabel, isDnsSubdomain } from '../values/names';
import { patchValues, SyncPatch } from './sync-patch';
import { checkHost, checkOneOf, fail } from './validation';

/** Which virtual namespaces may attach routes to an imported Gateway (Gateway API's `FromNamespaces`). */
export enum FromNamespaces {
  /** Every namespace. */
  ALL = 'All',
  /** The namespace the Gateway appears in. */
  SAME = 'Same',
  /** The namespaces the policy's selector selects. */
  SELECTOR = 'Selector',
}

/** Which virtual namespaces' routes an imported Gateway accepts. */
export interface GatewayVirtualNamespacePolicy {
  /** Which namespaces. */
  readonly from: FromNamespaces;

  /**
   * With `FromNamespaces.SELECTOR`: the namespaces' labels.
   * @default - none (required with `FromNamespaces.SELECTOR`)
   */
  readonly selector?: k8s.LabelSelector;
}

/** The routes policy of one imported Gateway. */
export interface GatewayAllowedRoutesOverride {
  /** The Gateway's namespace on the host; `mappings` must import it. */
  readonly hostNamespace: string;

  /** The Gateway's name on the host. */
  readonly name: string;

  /**
   * Host names routes may use, e.g. `*.team.example.com`.
   * @default - any
   */
  readonly allowedHostnames?: string[];

  /**
   * Which virtual namespaces' routes it accepts.
   * @default - the default policy
   */
  readonly virtualNamespacePolicy?: GatewayVirtualNamespacePolicy;
}

/** Which routes of the virtual cluster imported Gateways accept. */
export interface GatewayAllowedRoutesOptions {
  /**
   * The policy of every imported Gateway without an override.
   * @default - vCluster's
   */
  readonly defaultVirtualNamespacePolicy?: GatewayVirtualNamespacePolicy;

  /**
   * Policies of single Gateways.
   * @default - none
   */
  readonly overrides?: GatewayAllowedRoutesOverride[];
}

/**
 * Gateways of the host offered to the virtual cluster's routes. vCluster imports only those
 * `mappings` name, so they are required.
 */
export interface FromHostGatewaySyncOptions {
  /**
   * Host Gateway (`namespace/name`, or `namespace/*` for all of a namespace) to where it appears in
   * the virtual cluster (`namespace/name`, or `namespace/*` for a wildcard key), e.g.
   * `{ 'infra/public': 'default/public' }`.
   */
  readonly mappings: { readonly [hostGateway: string]: string };

  /**
   * Only the Gateways these labels select.
   * @default - all those mapped
   */
  readonly selector?: k8s.LabelSelector;

  /**
   * Which routes of the virtual cluster the Gateways accept.
   * @default - vCluster's
   */
  readonly allowedRoutes?: GatewayAllowedRoutesOptions;

  /**
   * Changes to fields of the synced Gateways.
   * @default - none
   */
  readonly patches?: SyncPatch[];
}

const RESERVED_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/** `namespace/name` or `namespace/*`, as vCluster parses a Gateway mapping. */
function gatewayRef(prop: string, ref: string, side: string): { namespace: string; name: string; wildcard: boolean } {
  const [namespace, name, ...rest] = ref.split('/');
  if (rest.length > 0 || name === undefined || !isDnsLabel(namespace) || (name !== '*' && !isDnsSubdomain(name))) {
    fail(prop, ref, `a ${side} is "namespace/name" or "namespace/*", with an explicit namespace.`);
  }
  return { namespace, name, wildcard: name === '*' };
}

/** The mappings, checked as vCluster checks them when it starts. */
function checkGatewayMappings(prop: string, mappings: { readonly [host: string]: string }): void {
  const entries = Object.entries(mappings ?? {});
  if (entries.length === 0) {
    fail(prop, mappings, 'vCluster imports only the Gateways named here; name them, e.g. { "infra/public": "default/public" }.');
  }
  const wildcardTargets = new Map<string, string>();
  const exactTargets = new Map<string, string>();
  const refs = entries.map(([key, value]) => [gatewayRef(prop, key, 'key'), gatewayRef(prop, value, 'value'), key, value] as const);
  for (const [host, tenant, key, value] of refs) {
    if (RESERVED_NAMESPACES.includes(tenant.namespace)) fail(prop, { [key]: value }, `the virtual namespace ${tenant.namespace} is reserved.`);
    if (host.wildcard !== tenant.wildcard) fail(prop, { [key]: value }, 'a "namespace/*" key maps to a "namespace/*" value, a name to a name.');
    const [seen, target] = host.wildcard ? [wildcardTargets, tenant.namespace] : [exactTargets, value];
    if (seen.has(target)) fail(prop, { [key]: value }, `"${seen.get(target)}" is imported to ${target} already.`);
    seen.set(target, key);
  }
  for (const [host, tenant, key, value] of refs) {
    if (host.wildcard) continue;
    if (mappings[`${host.namespace}/*`] !== undefined) fail(prop, { [key]: value }, `"${host.namespace}/*" imports this Gateway already.`);
    if (wildcardTargets.has(tenant.namespace)) {
      fail(prop, { [key]: value }, `the namespace ${tenant.namespace} takes "${wildcardTargets.get(tenant.namespace)}" whole.`);
    }
  }
}

function policyValues(prop: string, policy: GatewayVirtualNamespacePolicy | undefined): ValueMap | undefined {
  if (policy === undefined) return undefined;
  checkOneOf(`${prop}.from`, policy.from, FromNamespaces, 'use FromNamespaces.ALL, .SAME or .SELECTOR.');
  const selector = policy.selector && plainJson(cdk8sPlus().k8s.toJson_LabelSelector(policy.selector));
  if (policy.from === FromNamespaces.SELECTOR && Object.keys(selector?.matchLabels ?? {}).length === 0
    && ((selector?.matchExpressions as unknown[] | undefined) ?? []).length === 0) {
    fail(`${prop}.selector`, policy.selector, 'FromNamespaces.SELECTOR needs the namespaces\' labels (matchLabels or matchExpressions).');
  }
  return { from: policy.from, selector };
}

/** The `sync.fromHost.gateways` section of the options. */
export function fromHostGatewayValues(prop: string, o: FromHostGatewaySyncOptions): ValueMap {
  checkGatewayMappings(`${prop}.mappings`, o.mappings);
  const overrides = o.allowedRoutes?.overrides?.map((override, i) => {
    const at = `${prop}.allowedRoutes.overrides[${i}]`;
    const { hostNamespace, name } = override;
    if (o.mappings[`${hostNamespace}/${name}`] === undefined && o.mappings[`${hostNamespace}/*`] === undefined) {
      fail(at, `${hostNamespace}/${name}`, 'names a host Gateway that mappings do not import; map it, or remove the override.');
    }
    override.allowedHostnames?.forEach((h, j) => checkHost(`${at}.allowedHostnames[${j}]`, h.trim().toLowerCase(), 'an allowed host name'));
    return plainJson({
      hostNamespace,
      name,
      allowedHostnames: override.allowedHostnames,
      virtualNamespacePolicy: policyValues(`${at}.virtualNamespacePolicy`, override.virtualNamespacePolicy),
    });
  });
  return {
    enabled: true,
    selector: o.selector && plainJson(cdk8sPlus().k8s.toJson_LabelSelector(o.selector)),
    mappings: { byName: { ...o.mappings } },
    allowedRoutes: o.allowedRoutes && {
      defaultVirtualNamespacePolicy:
        policyValues(`${prop}.allowedRoutes.defaultVirtualNamespacePolicy`, o.allowedRoutes.defaultVirtualNamespacePolicy),
      overrides,
    },
    patches: patchValues(`${prop}.patches`, o.patches),
  };
}
