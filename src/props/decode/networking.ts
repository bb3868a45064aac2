import { isMap } from '../../values/value-map';
import { leaf, object } from './candidate';
import { at, bool, str } from './candidates';
import { literal } from './expr';

/** A list of maps whose keys are among `keys` and whose values are strings (or such maps under `nested`), as written. */
function records(v: unknown, keys: readonly string[], nested: Readonly<Record<string, readonly string[]>> = {}) {
  const fits = (item: unknown, allowed: readonly string[], inner: Readonly<Record<string, readonly string[]>>): boolean =>
    isMap(item) && Object.entries(item).every(([k, x]) => allowed.includes(k) && (k in inner ? fits(x, inner[k], {}) : typeof x === 'string'));
  if (!Array.isArray(v) || v.length === 0 || !v.every((i) => fits(i, keys, nested))) return undefined;
  return leaf(literal(v));
}

const replications = (v: unknown) => records(v, ['from', 'to']);

export function decodeNetworking(n: unknown) {
  const advanced = at(n, 'advanced');
  return object({
    replicateServices: object({
      toHost: replications(at(n, 'replicateServices', 'toHost')),
      fromHost: replications(at(n, 'replicateServices', 'fromHost')),
    }),
    resolveDNS: records(at(n, 'resolveDNS'), ['hostname', 'service', 'namespace', 'target'], {
      target: ['hostname', 'ip', 'hostService', 'hostNamespace', 'vClusterService'],
    }),
    serviceCIDR: str(at(n, 'serviceCIDR')),
    podCIDR: str(at(n, 'podCIDR')),
    clusterDomain: str(at(advanced, 'clusterDomain')),
    fallbackHostCluster: bool(at(advanced, 'fallbackHostCluster')),
    proxyKubelets: object({ byHostname: bool(at(advanced, 'proxyKubelets', 'byHostname')), byIP: bool(at(advanced, 'proxyKubelets', 'byIP')) }),
  });
}
