import { App, Chart, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { Construct } from 'constructs';
import { BackingStore, VCluster } from './src';

/**
 * The example app: the tutorial's final state (step 5) — virtual cluster `vc1` in namespace
 * `vc1` with deployed etcd on NFS storage, quotas and limit ranges, a control plane running as
 * user 12345, storage-class and ingress sync, and an ingress for its API server.
 */
export class TutorialChart extends Chart {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    const nfs = { storageClass: 'managed-nfs-storage', size: Size.gibibytes(5) };
    new VCluster(this, 'vc1', {
      namespace: 'vc1',
      kubernetesVersion: 'v1.32.1',
      backingStore: BackingStore.deployedEtcd({ persistence: { enabled: true, ...nfs } }),
      controlPlane: {
        persistence: nfs,
        podSecurityContext: { fsGroup: 12345 },
        containerSecurityContext: { runAsUser: 12345, runAsGroup: 12345, runAsNonRoot: true },
      },
      ingress: { host: 'vc1.kryukov.local' },
      exportKubeConfig: { context: 'vc1' },
      integrations: { metricsServer: { nodes: true, pods: true } },
      policies: {
        resourceQuota: {
          quota: {
            cpu: Cpu.units(4),
            memory: Size.gibibytes(5),
            limitsMemory: Size.gibibytes(5),
            pods: 15,
            requestsStorage: Size.gibibytes(20),
          },
        },
        limitRange: {
          default: { memory: Size.mebibytes(512), cpu: Cpu.units(1) },
          defaultRequest: { memory: Size.mebibytes(128), cpu: Cpu.millis(100) },
        },
      },
      sync: {
        toHost: { ingresses: true },
        fromHost: { storageClasses: true, ingressClasses: true },
      },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new TutorialChart(app, 'vc1');
  app.synth();
}
