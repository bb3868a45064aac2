import { Experimental } from '../../imports/chart-versions';
import { ValueMap } from '../values/value-map';
import { isDnsLabel } from '../values/names';
import { checkOneOf, fail } from './validation';

/** Which objects of the proxied resource the virtual cluster sees. */
export enum AccessResourcesMode {
  /** Only those it created. */
  OWNED = 'owned',
  /** All of them, whoever created them. */
  ALL = 'all',
}

/** A virtual cluster of vCluster Platform. */
export interface VirtualClusterRef {
  /** Its name. */
  readonly name: string;

  /**
   * Its project.
   * @default - this virtual cluster's project
   */
  readonly project?: string;
}

/** Where a custom resource is proxied to. */
export interface CustomResourceProxyOptions {
  /** The virtual cluster that stores and manages the resource's objects. */
  readonly targetVirtualCluster: VirtualClusterRef;

  /**
   * Which of its objects this virtual cluster sees.
   * @default AccessResourcesMode.OWNED
   */
  readonly accessResources?: AccessResourcesMode;
}

/**
 * vCluster's Resource Proxy (vcluster.yaml `experimental.proxy`; vCluster Platform): requests for
 * custom resources forwarded to another virtual cluster.
 */
export interface ResourceProxyOptions {
  /**
   * Custom resources by `<plural>.<group>/<version>` (`*.<group>/<version>` for every resource of
   * the group), e.g. `{ 'myresources.example.com/v1': { targetVirtualCluster: { name: 'target' } } }`.
   * Entries of one group and version share their target and access mode.
   */
  readonly customResources: { readonly [resource: string]: CustomResourceProxyOptions };
}

const RESOURCE = /^(\*|[a-z0-9-]+)\.([a-z0-9.-]+)\/([a-z0-9]+)$/;

/** The `experimental.proxy` section, checked as vCluster checks it when it starts. */
export function resourceProxySection(proxy: ResourceProxyOptions): Experimental['proxy'] {
  const prop = 'resourceProxy.customResources';
  const byGroupVersion = new Map<string, [string, CustomResourceProxyOptions]>();
  const out: Record<string, ValueMap> = {};
  for (const [resource, o] of Object.entries(proxy.customResources ?? {})) {
    const m = RESOURCE.exec(resource);
    if (!m) fail(prop, resource, 'keys are <plural>.<group>/<version> or *.<group>/<version>, e.g. "myresources.example.com/v1".');
    const at = `${prop}.${resource}`;
    const target = o?.targetVirtualCluster;
    if (!isDnsLabel(target?.name)) fail(`${at}.targetVirtualCluster.name`, target?.name, 'name the target virtual cluster (a DNS label).');
    if (target.project !== undefined && !isDnsLabel(target.project)) {
      fail(`${at}.targetVirtualCluster.project`, target.project, 'a project name is a DNS label, e.g. "team-a".');
    }
    if (o.accessResources !== undefined) {
      checkOneOf(`${at}.accessResources`, o.accessResources, AccessResourcesMode, 'use AccessResourcesMode.OWNED or AccessResourcesMode.ALL.');
    }
    const gv = `${m[2]}/${m[3]}`;
    const other = byGroupVersion.get(gv);
    if (other) {
      const [otherResource, otherOptions] = other;
      if ((m[1] === '*') !== otherResource.startsWith('*.')) {
        fail(prop, resource, `the wildcard and "${otherResource}" both take ${gv}; keep either the wildcard or the explicit entries.`);
      }
      // Compared as written, as vCluster compares them (an access mode left out differs from "owned").
      if (target.name !== otherOptions.targetVirtualCluster.name || target.project !== otherOptions.targetVirtualCluster.project
        || o.accessResources !== otherOptions.accessResources) {
        fail(at, o, `"${otherResource}" proxies ${gv} too, to another target or with another accessResources; entries of one group and ` +
          'version need the same targetVirtualCluster and accessResources (written the same way).');
      }
    }
    byGroupVersion.set(gv, [resource, o]);
    out[resource] = {
      enabled: true,
      targetVirtualCluster: { name: target.name, project: target.project },
      accessResources: o.accessResources,
    };
  }
  return { customResources: out };
}
