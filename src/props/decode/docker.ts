import { leaf, object } from './candidate';
import { at, bool, hasShape, isString, Shape, str, strList, switchOf } from './candidates';
import { literal } from './expr';

const isStringList = (v: unknown) => Array.isArray(v) && v.every(isString);
const NODE: Shape = { name: isString, image: isString, ports: isStringList, volumes: isStringList, env: isStringList, args: isStringList };

/** The nodes, whole, where each has its name and only the keys of the prop's type. */
function nodes(v: unknown) {
  const ok = Array.isArray(v) && v.length > 0 && v.every((n) => isString(at(n, 'name')) && hasShape(n, NODE));
  return ok ? leaf(literal(v)) : undefined;
}

export function decodeDocker(d: unknown) {
  const lb = at(d, 'loadBalancer');
  return object({
    image: str(at(d, 'image')),
    ports: strList(at(d, 'ports')),
    volumes: strList(at(d, 'volumes')),
    env: strList(at(d, 'env')),
    args: strList(at(d, 'args')),
    network: str(at(d, 'network')),
    nodes: nodes(at(d, 'nodes')),
    registryProxy: switchOf(at(d, 'registryProxy')),
    loadBalancer: object({ enabled: bool(at(lb, 'enabled')), forwardPorts: bool(at(lb, 'forwardPorts')) }, { collapseEnabled: true }),
  });
}
