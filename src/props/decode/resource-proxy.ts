import { isMap } from '../../values/value-map';
import { AccessResourcesMode } from '../resource-proxy';
import { object } from './candidate';
import { at, enumLeaf, str } from './candidates';

/** `experimental.proxy`: the enabled custom resources (a disabled entry stays in raw values). */
export function decodeResourceProxy(proxy: unknown) {
  const crs = at(proxy, 'customResources');
  if (!isMap(crs)) return undefined;
  return object({
    customResources: object(Object.fromEntries(Object.entries(crs).map(([k, v]) => [k, at(v, 'enabled') === true ? object({
      targetVirtualCluster: object({
        name: str(at(v, 'targetVirtualCluster', 'name')),
        project: str(at(v, 'targetVirtualCluster', 'project')),
      }, { required: ['name'] }),
      accessResources: enumLeaf(AccessResourcesMode, 'AccessResourcesMode', at(v, 'accessResources')),
    }, { required: ['targetVirtualCluster'] }) : undefined]))),
  }, { required: ['customResources'] });
}
