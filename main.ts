import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { VCluster } from './src';

/**
 * The example app: the tutorial's final state (step 5) — virtual cluster `vc1` in namespace
 * `vc1` with deployed etcd on NFS storage, quotas and limit ranges, a rootless control plane,
 * storage-class and ingress sync, and an ingress for its API server.
 */
export class TutorialChart extends Chart {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new VCluster(this, 'vc1', {
      namespace: 'vc1',
      values: {
        controlPlane: {
          distro: {
            k8s: {
              enabled: true,
              image: { registry: 'ghcr.io', repository: 'loft-sh/kubernetes', tag: 'v1.32.1' },
            },
          },
          backingStore: {
            etcd: {
              deploy: {
                enabled: true,
                statefulSet: {
                  persistence: {
                    volumeClaim: { enabled: true, storageClass: 'managed-nfs-storage', size: '5Gi' },
                  },
                },
              },
            },
          },
          statefulSet: {
            persistence: { volumeClaim: { storageClass: 'managed-nfs-storage', size: '5Gi' } },
            security: {
              podSecurityContext: { fsGroup: 12345 },
              containerSecurityContext: { runAsUser: 12345, runAsGroup: 12345, runAsNonRoot: true },
            },
          },
          ingress: { enabled: true, host: 'vc1.kryukov.local' },
          proxy: { extraSANs: ['vc1.kryukov.local'] },
        },
        exportKubeConfig: { context: 'vc1', server: 'https://vc1.kryukov.local' },
        integrations: { metricsServer: { enabled: true, nodes: true, pods: true } },
        policies: {
          resourceQuota: {
            enabled: true,
            quota: { 'cpu': '4', 'memory': '5Gi', 'limits.memory': '5Gi', 'pods': '15', 'requests.storage': '20Gi' },
          },
          limitRange: {
            enabled: true,
            default: { memory: '512Mi', cpu: '1' },
            defaultRequest: { memory: '128Mi', cpu: '100m' },
          },
        },
        sync: {
          toHost: { ingresses: { enabled: true } },
          fromHost: { storageClasses: { enabled: true }, ingressClasses: { enabled: true } },
        },
      },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new TutorialChart(app, 'vc1');
  app.synth();
}
