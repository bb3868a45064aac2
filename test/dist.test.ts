import { mkdtempSync, readdirSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { parseAllDocuments } from 'yaml';
import { synthFluxExample } from '../examples/flux-app';
import { synthExample } from '../main';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function tree(dir: string): Record<string, string> {
  return Object.fromEntries(files(dir).sort().map((f) => [relative(dir, f), readFileSync(f, 'utf8')]));
}

describe('the committed dist/', () => {
  test('is exactly what the example app synthesizes (run `npm run synth` and commit dist/ when this fails)', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-dist-'));
    synthExample(fresh);
    expect(tree(join(__dirname, '..', 'dist'))).toEqual(tree(fresh));
  });

  test('holds one folder per virtual cluster, the ArgoCD objects and the workloads', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-dist-'));
    synthExample(fresh);
    expect(Object.keys(tree(fresh))).toEqual(['argocd/argocd.k8s.yaml', 'vclusters/vc1/vc1.k8s.yaml', 'workloads/vc1/test-app.k8s.yaml']);
  });

  test('protects the tenant from cascading deletes: the ApplicationSet preserves what it deployed, the Namespace is never pruned or deleted', () => {
    const read = (file: string) => parseAllDocuments(readFileSync(join(__dirname, '..', 'dist', file), 'utf8')).map((d) => d.toJS());
    const [set] = read('argocd/argocd.k8s.yaml');
    expect(set.kind).toBe('ApplicationSet');
    expect(set.spec.syncPolicy).toEqual({ preserveResourcesOnDeletion: true, applicationsSync: 'create-update' });
    expect(set.spec.template.metadata.finalizers).toBeUndefined();
    const namespace = read('vclusters/vc1/vc1.k8s.yaml').find((o) => o.kind === 'Namespace');
    expect(namespace.metadata.annotations['argocd.argoproj.io/sync-options']).toBe('Prune=false,Delete=false');
  });
});

describe('the committed dist-flux/', () => {
  test('is exactly what examples/flux-app.ts synthesizes (run `npm run synth:flux` and commit dist-flux/ when this fails)', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cdk8s-vcluster-dist-flux-'));
    synthFluxExample(fresh);
    expect(Object.keys(tree(fresh))).toEqual(['flux/flux.k8s.yaml', 'vclusters/vc1/vc1.k8s.yaml', 'workloads/vc1/test-app.k8s.yaml']);
    expect(tree(join(__dirname, '..', 'dist-flux'))).toEqual(tree(fresh));
  });

  test('deploys the same test app as dist/', () => {
    expect(readFileSync(join(__dirname, '..', 'dist-flux', 'workloads', 'vc1', 'test-app.k8s.yaml'), 'utf8'))
      .toBe(readFileSync(join(__dirname, '..', 'dist', 'workloads', 'vc1', 'test-app.k8s.yaml'), 'utf8'));
  });
});
