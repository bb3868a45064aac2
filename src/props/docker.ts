import type { ExperimentalDocker, ExperimentalDockerNode } from '../../imports/chart-versions';
import { compact } from './fragment';
import { checkNonEmpty, fail } from './validation';

/** What a container of vCluster in Docker is started with, as `docker run` takes it. */
export interface DockerContainerOptions {
  /**
   * The container's image.
   * @default "ghcr.io/loft-sh/vm-container"
   */
  readonly image?: string;

  /**
   * Extra ports published to the host, as `docker run -p` takes them:
   * `[ip:][hostPort:]containerPort[/protocol]`, e.g. "8080:80".
   * @default - none
   */
  readonly ports?: string[];

  /**
   * Extra volumes, as `docker run -v` takes them, e.g. "/host/data:/data".
   * @default - none
   */
  readonly volumes?: string[];

  /**
   * Extra environment variables as NAME=value, e.g. "LOG_LEVEL=info" (a NAME alone passes the
   * host's value, as `docker run -e` does).
   * @default - none
   */
  readonly env?: string[];

  /**
   * Extra arguments of `docker run`, e.g. "--cpus=2".
   * @default - none
   */
  readonly args?: string[];
}

/** A worker node of vCluster in Docker: a container of its own that joins the control plane. */
export interface DockerNodeOptions extends DockerContainerOptions {
  /** The node's name: its host name, in its container's name `vcluster.node.<vCluster>.<name>`. */
  readonly name: string;
}

/** LoadBalancer Services inside vCluster in Docker, reachable from the machine running Docker. */
export interface DockerLoadBalancerOptions {
  /**
   * Whether vCluster gives LoadBalancer Services addresses (the vcluster CLI needs sudo for it on
   * Docker Desktop and Rancher Desktop on macOS).
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Whether the load balancers' addresses are made reachable locally by port forwarding, where
   * Docker's network is not (macOS with Docker Desktop).
   * @default true
   */
  readonly forwardPorts?: boolean;
}

/**
 * vCluster in Docker (vind; vcluster.yaml `experimental.docker`): read by the vcluster CLI with
 * the Docker driver; the chart renders nothing from it, the config Secret carries it. The
 * container options are the control plane's container's; each node has its own. Its `enabled`
 * is vCluster's own (the CLI sets it), left to raw values.
 */
export interface DockerOptions extends DockerContainerOptions {
  /**
   * The Docker network of the virtual cluster's containers.
   * @default - a network the vcluster CLI creates for the virtual cluster
   */
  readonly network?: string;

  /**
   * Worker nodes beside the control plane's container, each a container.
   * @default - none: the control plane's container is the only node
   */
  readonly nodes?: DockerNodeOptions[];

  /**
   * Pull images through the host's Docker daemon, which reuses its images and local ones (only
   * with Docker's containerd image store).
   * @default true
   */
  readonly registryProxy?: boolean;

  /**
   * LoadBalancer Services inside the virtual cluster: `false`, or options.
   * @default true
   */
  readonly loadBalancer?: boolean | DockerLoadBalancerOptions;
}

const PORT_RANGE = '\\d{1,5}(?:-\\d{1,5})?';
/** `docker run -p`: `[ip:][hostPort:]containerPort[/protocol]`, an IPv6 address in brackets. */
const PUBLISHED_PORT = new RegExp(`^(?:(?:(?:\\[[0-9a-fA-F:.]+\\]|[0-9.]+):)?(${PORT_RANGE})?:)?(${PORT_RANGE})(?:/(?:tcp|udp|sctp))?$`);

function isPublishedPort(v: string): boolean {
  const m = PUBLISHED_PORT.exec(v);
  return m !== null && [m[1], m[2]].flatMap((p) => p?.split('-') ?? []).every((p) => Number(p) >= 1 && Number(p) <= 65535);
}

/** Each item of a list, checked; the list as given. */
function items(prop: string, list: string[] | undefined, ok: (v: string) => boolean, fix: string): string[] | undefined {
  list?.forEach((v, i) => {
    if (typeof v !== 'string' || !ok(v)) fail(`${prop}[${i}]`, v, fix);
  });
  return list;
}

const nonEmpty = (v: string) => v.trim() !== '';

function containerValues(prop: string, c: DockerContainerOptions): ExperimentalDockerNode {
  if (c.image !== undefined) checkNonEmpty(`${prop}.image`, c.image, 'name the image, or leave it out.');
  return {
    image: c.image,
    ports: items(`${prop}.ports`, c.ports, isPublishedPort,
      'must be [ip:][hostPort:]containerPort[/protocol] with ports from 1 to 65535, as docker run -p takes it, e.g. "8080:80".'),
    volumes: items(`${prop}.volumes`, c.volumes, nonEmpty, 'must be a volume as docker run -v takes it, e.g. "/host/data:/data".'),
    env: items(`${prop}.env`, c.env, (v) => /^[^=\s]/.test(v), 'must be NAME=value, e.g. "LOG_LEVEL=info".'),
    args: items(`${prop}.args`, c.args, nonEmpty, 'must be an argument of docker run, e.g. "--cpus=2".'),
  };
}

/** Docker's rule for container names, which the node's name ends. */
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

function nodeValues(nodes: DockerNodeOptions[]): ExperimentalDockerNode[] {
  return nodes.map((n, i) => {
    const prop = `docker.nodes[${i}]`;
    if (typeof n.name !== 'string' || !CONTAINER_NAME.test(n.name)) {
      fail(`${prop}.name`, n.name, 'must be letters, digits, \'_\', \'.\' and \'-\', starting with a letter or digit, e.g. "worker-1": '
        + 'it names the node\'s container.');
    }
    if (nodes.findIndex((o) => o.name === n.name) < i) fail(`${prop}.name`, n.name, 'names another node too: give each node a name of its own.');
    // Compacted here: list items are not (an undefined key would be read as a null).
    return compact({ name: n.name, ...containerValues(prop, n) });
  });
}

/** The `experimental.docker` section. */
export function dockerSection(d: DockerOptions): ExperimentalDocker {
  if (d.network !== undefined) checkNonEmpty('docker.network', d.network, 'name the Docker network, or leave it out.');
  const lb = d.loadBalancer;
  if (typeof lb === 'object' && lb.enabled === false && lb.forwardPorts !== undefined) {
    fail('docker.loadBalancer.forwardPorts', lb.forwardPorts, 'forwards the load balancers\' ports, which enabled: false switches off: '
      + 'leave it out, or enable the load balancer.');
  }
  return {
    ...containerValues('docker', d),
    network: d.network,
    nodes: d.nodes && nodeValues(d.nodes),
    registryProxy: d.registryProxy === undefined ? undefined : { enabled: d.registryProxy },
    loadBalancer: typeof lb === 'boolean' ? { enabled: lb } : lb && { enabled: lb.enabled, forwardPorts: lb.forwardPorts },
  };
}
