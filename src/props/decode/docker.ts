import { object } from './candidate';
import { at, bool, isString, namedList, Shape, str, strList, switchOf } from './candidates';

const isStringList = (v: unknown) => Array.isArray(v) && v.every(isString);
const NODE: Shape = { name: isString, image: isString, ports: isStringList, volumes: isStringList, env: isStringList, args: isStringList };

export function decodeDocker(d: unknown) {
  const lb = at(d, 'loadBalancer');
  return object({
    image: str(at(d, 'image')),
    ports: strList(at(d, 'ports')),
    volumes: strList(at(d, 'volumes')),
    env: strList(at(d, 'env')),
    args: strList(at(d, 'args')),
    network: str(at(d, 'network')),
    nodes: namedList(at(d, 'nodes'), NODE),
    registryProxy: switchOf(at(d, 'registryProxy')),
    loadBalancer: object({ enabled: bool(at(lb, 'enabled')), forwardPorts: bool(at(lb, 'forwardPorts')) }, { collapseEnabled: true }),
  });
}
