import { ApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import { Testing } from 'cdk8s';
import { ArgoCdClusterAddons } from '../../src/gitops/argocd-cluster-addons';

const source = { repoUrl: 'https://git.example.com/platform.git' };

describe('ArgoCdClusterAddons', () => {
  test('makes one Application per registered cluster with the labels, deploying the folder into it', () => {
    const chart = Testing.chart();
    new ArgoCdClusterAddons(chart, 'addons', { source, path: 'dist/addons', clusterLabels: { 'cdk8s-vcluster/tenant': 'true' } });
    const [set] = Testing.synth(chart);
    // ArgoCD's cluster generator: selector.matchLabels over the cluster Secrets; `name` is the cluster's name parameter.
    expect(set.spec.generators).toEqual([{ clusters: { selector: { matchLabels: { 'cdk8s-vcluster/tenant': 'true' } } } }]);
    expect(set.spec.goTemplate).toBe(true);
    expect(set.spec.template.metadata.name).toBe('{{.name}}-addons');
    expect(set.spec.template.spec.destination).toEqual({ name: '{{.name}}' });
    expect(set.spec.template.spec.source).toEqual({ repoURL: source.repoUrl, targetRevision: 'HEAD', path: 'dist/addons' });
    expect(() => new ApplicationSet(set).validate()).not.toThrow();
  });

  test('keeps the Applications and what they deployed when a cluster leaves or the set is deleted, by default', () => {
    const chart = Testing.chart();
    new ArgoCdClusterAddons(chart, 'addons', { source, path: 'dist/addons', clusterLabels: {} });
    const [set] = Testing.synth(chart);
    expect(set.spec.syncPolicy).toEqual({ preserveResourcesOnDeletion: true, applicationsSync: 'create-update' });
    expect(set.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
  });

  test('fails when the labels are not a map of strings', () => {
    expect(() => new ArgoCdClusterAddons(Testing.chart(), 'a', { source, path: 'dist/addons', clusterLabels: { tier: 1 as never } }))
      .toThrow(/^clusterLabels\.tier: expected a string, got a number\.$/);
    expect(() => new ArgoCdClusterAddons(Testing.chart(), 'b', { source, path: 'dist/addons', clusterLabels: ['tier'] as never }))
      .toThrow(/^clusterLabels: expected an object, got a list\.$/);
  });
});
