import { App, Chart } from 'cdk8s';
import * as path from 'path';
import { TestAppChart } from './test-app';
import { FluxGitRepository, FluxKustomization, VCluster } from '../src';
import { REPO_URL, tutorialProps } from '../main';

/**
 * The example with Flux instead of ArgoCD: the tutorial's `vc1`, exporting its kubeconfig with
 * the in-cluster server its certificate covers, and the Flux objects that apply its folder and
 * then the tutorial's test app into it. `npm run synth:flux` writes it to `dist-flux/`.
 */
export function synthFluxExample(outdir: string): void {
  const synthTo = (dir: string, build: (app: App) => void) => {
    const app = new App({ outdir: path.join(outdir, dir) });
    build(app);
    app.synth();
  };
  let vc1: VCluster | undefined;
  synthTo('vclusters/vc1', (app) => {
    const chart = new Chart(app, 'vc1');
    // Flux's pod reaches the API server through the host Service, a name of its certificate.
    vc1 = new VCluster(chart, 'vc1', { ...tutorialProps('vc1'), exportKubeConfig: { context: 'vc1', server: 'https://vc1.vc1' } });
  });
  synthTo('flux', (app) => {
    const chart = new Chart(app, 'flux');
    const source = new FluxGitRepository(chart, 'platform', { url: REPO_URL });
    const tenant = new FluxKustomization(chart, 'vc1', { source, path: 'dist-flux/vclusters/vc1', vcluster: vc1 });
    new FluxKustomization(chart, 'vc1-workloads', { source, path: 'dist-flux/workloads/vc1', targetVCluster: vc1, dependsOn: [tenant] });
  });
  synthTo('workloads/vc1', (app) => new TestAppChart(app, 'test-app', { host: 'vc1-test-app.kryukov.local' }));
}

if (require.main === module) {
  synthFluxExample(process.env.CDK8S_OUTDIR ?? 'dist-flux');
}
