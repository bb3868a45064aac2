import { Size, SizeRoundingBehavior } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { Construct } from 'constructs';
import { BackingStore, ValuesError, VCluster } from '../src';

/**
 * What a team chooses for its virtual cluster. Everything else (registry, rootless pods, backing
 * store, policies) is the platform's, so this is deliberately narrower than VClusterProps: no
 * raw values, no security contexts.
 */
export interface TenantVClusterProps {
  /** The team: names the virtual cluster, and its namespace `tenant-<team>`. */
  readonly team: string;

  /**
   * CPU the team's workloads may request in total. At most 16.
   * @default Cpu.units(4)
   */
  readonly cpu?: Cpu;

  /**
   * Memory the team's workloads may request in total. At most 32Gi.
   * @default Size.gibibytes(8)
   */
  readonly memory?: Size;

  /**
   * A host name under tenants.example.com to reach the API server at.
   * @default - no ingress: the API server is reached through `vcluster connect`
   */
  readonly host?: string;

  /**
   * Let the team's Ingresses use the host's ingress controller.
   * @default false
   */
  readonly ingresses?: boolean;

  /**
   * The virtual cluster's Kubernetes version.
   * @default "v1.32.1"
   */
  readonly kubernetesVersion?: string;
}

const MAX_CPU_MILLIS = 16_000;
const MAX_MEMORY_GIB = 32;
const DOMAIN = '.tenants.example.com';

/**
 * The company's virtual cluster for a team: images from the internal registry, every pod
 * rootless, etcd on NFS, a quota and limit range sized by the team within the platform's caps,
 * network isolation, and the host's StorageClasses and IngressClasses.
 */
export class TenantVCluster extends VCluster {
  /** The registry every tenant image is pulled from. */
  public static readonly REGISTRY = 'registry.example.com';

  public constructor(scope: Construct, id: string, props: TenantVClusterProps) {
    const cpu = props.cpu ?? Cpu.units(4);
    const memory = props.memory ?? Size.gibibytes(8);
    if (cpuMillis(cpu) > MAX_CPU_MILLIS) {
      throw new ValuesError('cpu', `cpu: a team may request at most 16 CPUs; ask the platform team for more. Got "${cpu.amount}".`);
    }
    if (memory.toGibibytes({ rounding: SizeRoundingBehavior.NONE }) > MAX_MEMORY_GIB) {
      throw new ValuesError('memory', `memory: a team may request at most 32Gi; ask the platform team for more. Got "${memory.asString()}".`);
    }
    if (props.host !== undefined && !props.host.endsWith(DOMAIN)) {
      throw new ValuesError('host', `host: must be under ${DOMAIN.slice(1)}, e.g. "${props.team}${DOMAIN}". Got "${props.host}".`);
    }
    super(scope, id, {
      name: props.team,
      namespace: `tenant-${props.team}`,
      kubernetesVersion: props.kubernetesVersion ?? 'v1.32.1',
      defaultImageRegistry: TenantVCluster.REGISTRY,
      rootless: true,
      backingStore: BackingStore.deployedEtcd({ persistence: { storageClass: 'managed-nfs-storage', size: Size.gibibytes(5) } }),
      ingress: props.host === undefined ? undefined : { host: props.host, ingressClassName: 'nginx' },
      exportKubeConfig: { context: props.team },
      policies: {
        resourceQuota: { quota: { requestsCpu: cpu, requestsMemory: memory, pods: 50, objectCounts: { pods: 50 }, servicesLoadBalancers: 0 } },
        limitRange: {
          default: { cpu: Cpu.millis(500), memory: Size.mebibytes(512) },
          defaultRequest: { cpu: Cpu.millis(100), memory: Size.mebibytes(128) },
        },
        networkPolicy: { publicEgress: true },
      },
      sync: {
        fromHost: { storageClasses: true, ingressClasses: true },
        toHost: { ingresses: props.ingresses ?? false },
      },
    });
  }
}

function cpuMillis(cpu: Cpu): number {
  return cpu.amount.endsWith('m') ? Number(cpu.amount.slice(0, -1)) : Number(cpu.amount) * 1000;
}
