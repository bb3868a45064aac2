import { Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-31';
import { Construct } from 'constructs';

/** Properties of the tutorial's {@link TestAppChart}. */
export interface TestAppChartProps extends ChartProps {
  /** The host name the test app's Ingress answers on. */
  readonly host: string;
  /**
   * The IngressClass synced from the host cluster.
   * @default "system-ingress"
   */
  readonly ingressClassName?: string;
  /**
   * The StorageClass synced from the host cluster.
   * @default "managed-nfs-storage"
   */
  readonly storageClassName?: string;
}

/**
 * The tutorial's test app, to run inside the virtual cluster: an echo server (Deployment and
 * Service), a PersistentVolumeClaim on the StorageClass synced from the host, and an Ingress on
 * the IngressClass synced from the host, all in the namespace `test`, which it creates.
 */
export class TestAppChart extends Chart {
  public constructor(scope: Construct, id: string, props: TestAppChartProps) {
    super(scope, id, props);
    const namespace = 'test';
    const labels = { 'app.kubernetes.io/name': 'test-app', 'app.kubernetes.io/instance': 'test-app' };

    // Inside the virtual cluster the namespace is the tenant's own to create.
    new kplus.Namespace(this, 'Namespace', { metadata: { name: namespace } });

    const deployment = new kplus.Deployment(this, 'Deployment', {
      metadata: { name: 'test-app', namespace, labels },
      replicas: 1,
      containers: [{
        name: 'whoami',
        image: 'traefik/whoami:v1.10',
        portNumber: 80,
        securityContext: { user: 65534, group: 65534 },
        resources: {
          cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.millis(100) },
          memory: { request: Size.mebibytes(16), limit: Size.mebibytes(64) },
        },
      }],
    });
    const service = deployment.exposeViaService({ name: 'test-app', ports: [{ port: 80, targetPort: 80 }] });

    new kplus.PersistentVolumeClaim(this, 'Pvc', {
      metadata: { name: 'test-pvc', namespace, labels },
      storageClassName: props.storageClassName ?? 'managed-nfs-storage',
      accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
      storage: Size.gibibytes(1),
    });

    new kplus.Ingress(this, 'Ingress', {
      metadata: { name: 'test-app', namespace, labels },
      className: props.ingressClassName ?? 'system-ingress',
      rules: [{ host: props.host, path: '/', pathType: kplus.HttpIngressPathType.PREFIX, backend: kplus.IngressBackend.fromService(service) }],
    });
  }
}
