import { App, Chart, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { Construct } from 'constructs';
import * as path from 'path';
import { TestAppChart } from './examples/test-app';
import { ArgoCdApplication, ArgoCdApplicationSet, ArgoCdCluster, BackingStore, VCluster, VClusterProps } from './src';

/**
 * The tutorial's final state (step 5) for a virtual cluster `name` in a namespace of the same
 * name: deployed etcd on NFS storage, quotas and limit ranges, a control plane running as user
 * 12345, storage-class and ingress sync, and an ingress for its API server at `<name>.<domain>`.
 */
export function tutorialProps(name: string, domain = 'kryukov.local'): VClusterProps {
  const nfs = { storageClass: 'managed-nfs-storage', size: Size.gibibytes(5) };
  return {
    namespace: name,
    kubernetesVersion: 'v1.32.1',
    backingStore: BackingStore.deployedEtcd({ persistence: { enabled: true, ...nfs } }),
    controlPlane: {
      persistence: nfs,
      podSecurityContext: { fsGroup: 12345 },
      containerSecurityContext: { runAsUser: 12345, runAsGroup: 12345, runAsNonRoot: true },
    },
    ingress: { host: `${name}.${domain}` },
    exportKubeConfig: { context: name },
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
  };
}

/** The example app's virtual cluster: `vc1` in namespace `vc1`, the tutorial's final state. */
export class TutorialChart extends Chart {
  /** The virtual cluster, for its registration with ArgoCD. */
  public readonly vcluster: VCluster;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.vcluster = new VCluster(this, 'vc1', tutorialProps('vc1'));
  }
}

/** The git repository ArgoCD syncs the output from: point it at yours. */
export const REPO_URL = 'https://git.example.com/platform/vclusters.git';

/**
 * ArgoCD objects that deploy every virtual cluster folder under `dist/vclusters/`: one
 * Application per folder, created by an ApplicationSet, so a new tenant is a new folder. Given
 * a virtual cluster, they also register it with ArgoCD and deploy its workloads folder
 * (`dist/workloads/<name>/`) into it.
 */
export class GitOpsChart extends Chart {
  public constructor(scope: Construct, id: string, vcluster?: VCluster) {
    super(scope, id);
    new ArgoCdApplicationSet(this, 'vclusters', {
      source: { repoUrl: REPO_URL },
      directories: 'dist/vclusters/*',
    });
    if (vcluster !== undefined) {
      const cluster = new ArgoCdCluster(this, `${vcluster.name}-cluster`, { vcluster, labels: { 'cdk8s-vcluster/tenant': 'true' } });
      new ArgoCdApplication(this, `${vcluster.name}-workloads`, {
        source: { repoUrl: REPO_URL },
        path: `dist/workloads/${vcluster.name}`,
        destination: { name: cluster.clusterName },
        syncWave: cluster.syncWave + 1,
      });
    }
  }
}

/**
 * Synthesizes the example into the output layout (see README, "Output layout"): one folder per
 * virtual cluster, the ArgoCD objects, and the workloads to apply inside each virtual cluster.
 */
export function synthExample(outdir: string): void {
  const synthTo = (dir: string, build: (app: App) => void) => {
    const app = new App({ outdir: path.join(outdir, dir) });
    build(app);
    app.synth();
  };
  let vc1: VCluster | undefined;
  synthTo('vclusters/vc1', (app) => (vc1 = new TutorialChart(app, 'vc1').vcluster));
  synthTo('argocd', (app) => new GitOpsChart(app, 'argocd', vc1));
  synthTo('workloads/vc1', (app) => new TestAppChart(app, 'test-app', { host: 'vc1-test-app.kryukov.local' }));
}

if (require.main === module) {
  synthExample(process.env.CDK8S_OUTDIR ?? 'dist');
}
