import { isMap, ValueMap } from '../values/value-map';

/**
 * The names vCluster's API server certificate covers, as far as they are known before it runs
 * (vCluster 0.36 pkg/server/cert/cert.go; the service's and pods' IPs come at run time): the
 * in-cluster names of its `kubernetes` service, `localhost` and 127.0.0.1, the release name and
 * `<name>.<namespace>` (the host Service's short names: `<name>.<namespace>.svc` is not among
 * them), `controlPlane.proxy.extraSANs`, the ingress host when the ingress is on, and the host
 * of `controlPlane.endpoint`.
 */
export function certificateNames(name: string, namespace: string, values: ValueMap): string[] {
  const controlPlane = isMap(values.controlPlane) ? values.controlPlane : {};
  const clusterDomain = stringAt(values, ['networking', 'advanced', 'clusterDomain']) ?? 'cluster.local';
  const ingress = isMap(controlPlane.ingress) && controlPlane.ingress.enabled === true ? stringAt(controlPlane, ['ingress', 'host']) : undefined;
  const endpoint = typeof controlPlane.endpoint === 'string' && controlPlane.endpoint !== '' ? hostOf(controlPlane.endpoint) : undefined;
  const extra = isMap(controlPlane.proxy) && Array.isArray(controlPlane.proxy.extraSANs) ? controlPlane.proxy.extraSANs : [];
  return [
    `kubernetes.default.svc.${clusterDomain}`, 'kubernetes.default.svc', 'kubernetes.default', 'kubernetes', 'localhost', '127.0.0.1',
    name, `${name}.${namespace}`,
    ...extra.filter((s): s is string => typeof s === 'string' && s !== ''),
    ...ingress ? [ingress] : [],
    ...endpoint ? [endpoint] : [],
  ];
}

/** Whether the certificate name covers the host: equal (case-insensitive), or `*.` matching one label. */
export function covers(certificateName: string, host: string): boolean {
  const c = certificateName.toLowerCase();
  const h = host.toLowerCase();
  if (c.startsWith('*.')) {
    const dot = h.indexOf('.');
    return dot > 0 && h.slice(dot + 1) === c.slice(2);
  }
  return c === h;
}

/** The port of the host Service's `https` port (the chart's default: 443); undefined when the chart renders no Service. */
export function servicePort(values: ValueMap): number | undefined {
  const service = isMap(values.controlPlane) && isMap(values.controlPlane.service) ? values.controlPlane.service : {};
  if (service.enabled === false) return undefined;
  const ports = isMap(service.spec) && Array.isArray(service.spec.ports) ? service.spec.ports : [];
  if (ports.length === 0) return 443;
  const https = ports.find((p) => isMap(p) && p.name === 'https') ?? ports[0];
  return isMap(https) && typeof https.port === 'number' ? https.port : undefined;
}

function stringAt(map: ValueMap, path: readonly string[]): string | undefined {
  let node: unknown = map;
  for (const key of path) node = isMap(node) ? node[key] : undefined;
  return typeof node === 'string' && node !== '' ? node : undefined;
}

function hostOf(endpoint: string): string {
  // "host:port", "[v6]:port" or a bare host, as vCluster's net.SplitHostPort reads it.
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(endpoint) ?? /^([^:]+)(?::\d+)?$/.exec(endpoint);
  return m ? m[1] : endpoint;
}
