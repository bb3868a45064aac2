import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1';
import { GitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1';
import { Chart, Testing } from 'cdk8s';
import { VClusterProps } from '../../src';
import { FluxGitRepository } from '../../src/gitops/flux-git-repository';
import { FluxKustomization, FluxKustomizationProps } from '../../src/gitops/flux-kustomization';
import { VCluster } from '../../src/vcluster';

type Manifest = { [key: string]: any };

function synth(vcProps: VClusterProps, props: (vc: VCluster) => Partial<FluxKustomizationProps>): Manifest[] {
  const app = Testing.app();
  const vc = new VCluster(new Chart(app, 'tenant'), 'vc1', { namespace: 'vc1', ...vcProps });
  const chart = new Chart(app, 'flux');
  const source = new FluxGitRepository(chart, 'platform', { url: 'https://git.example.com/platform.git' });
  new FluxKustomization(chart, 'k', { source, path: 'dist/vclusters/vc1', ...props(vc) });
  return Testing.synth(chart);
}

const kustomization = (objects: Manifest[]) => objects.find((o) => o.kind === 'Kustomization')!;

describe('Flux', () => {
  test('a GitRepository follows a branch of the repository', () => {
    const [repo] = synth({}, () => ({}));
    // Flux's GitRepository v1: url, ref.branch, interval.
    expect(repo).toMatchObject({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'platform', namespace: 'flux-system' },
      spec: { url: 'https://git.example.com/platform.git', ref: { branch: 'main' }, interval: '300s' },
    });
    expect(() => new GitRepository(repo as never).validate()).not.toThrow();
  });

  test('fails when the repository URL holds credentials', () => {
    expect(() => new FluxGitRepository(Testing.chart(), 'r', { url: 'https://user:pass@git.example.com/p.git' })).toThrow(/holds credentials/);
  });

  test('a virtual cluster\'s folder keeps its Namespace and is ready with its control plane', () => {
    const k = kustomization(synth({}, (vc) => ({ vcluster: vc })));
    expect(k.spec).toMatchObject({
      path: './dist/vclusters/vc1', prune: true, sourceRef: { kind: 'GitRepository', name: 'platform', namespace: 'flux-system' },
    });
    expect(k.spec.healthChecks).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'vc1', namespace: 'vc1' }]);
    // Flux keeps an object that carries kustomize.toolkit.fluxcd.io/prune: disabled.
    const [patch] = k.spec.patches;
    expect(patch.target).toEqual({ version: 'v1', kind: 'Namespace', name: 'vc1' });
    expect(JSON.parse(patch.patch).metadata.annotations).toEqual({ 'kustomize.toolkit.fluxcd.io/prune': 'disabled' });
    expect(() => new Kustomization(k as never).validate()).not.toThrow();
  });

  test('keeps what it applied when the Kustomization is deleted, by default', () => {
    expect(kustomization(synth({}, () => ({}))).spec.deletionPolicy).toBe('Orphan');
    expect(kustomization(synth({}, () => ({ deletionProtection: false }))).spec).not.toHaveProperty('deletionPolicy');
  });

  test('applies into a virtual cluster with its exported kubeconfig, from its namespace', () => {
    const k = kustomization(synth({ exportKubeConfig: { server: 'https://vc1.vc1' } }, (vc) => ({ targetVCluster: vc, path: 'dist/workloads/vc1' })));
    // Flux: spec.kubeConfig.secretRef with name and key, the Secret in the Kustomization's namespace.
    expect(k.metadata.namespace).toBe('vc1');
    expect(k.spec.kubeConfig).toEqual({ secretRef: { name: 'vc-vc1', key: 'config' } });
    expect(() => new Kustomization(k as never).validate()).not.toThrow();
  });

  test('fails when the exported kubeconfig points at localhost, naming the server to set', () => {
    expect(() => synth({}, (vc) => ({ targetVCluster: vc }))).toThrow(/Flux's pod itself. Set exportKubeConfig: \{ server: "https:\/\/vc1.vc1" \}/);
  });

  test('fails when the exported server is not a name of the certificate', () => {
    expect(() => synth({ exportKubeConfig: { server: 'https://vc1.vc1.svc' } }, (vc) => ({ targetVCluster: vc })))
      .toThrow(/which its certificate does not cover/);
  });

  test('orders after the Kustomizations it depends on', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'flux');
    const source = new FluxGitRepository(chart, 'platform', { url: 'https://git.example.com/platform.git' });
    const first = new FluxKustomization(chart, 'first', { source, path: 'a' });
    new FluxKustomization(chart, 'second', { source, path: 'b', dependsOn: [first] });
    const second = Testing.synth(chart).find((o) => o.metadata.name === 'second')!;
    expect(second.spec.dependsOn).toEqual([{ name: 'first', namespace: 'flux-system' }]);
  });
});
