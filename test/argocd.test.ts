import { Application, ApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import { Duration, JsonPatch, Testing } from 'cdk8s';
import { ArgoCdApplication, ArgoCdApplicationSet } from '../src/argocd';

const source = { repoUrl: 'https://git.example.com/platform.git' };

// ArgoCD's own retry defaults (docs/operator-manual/application.yaml: 5 retries, 5s doubling up to 3m).
const argoRetry = { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } };

// The fields the API server adds to volume claim templates that ArgoCD reports as drift
// (argo-cd#11143, argo-cd#18568: apiVersion, kind, creationTimestamp; kubernetes#65706: status).
const claimTemplateDrift = ['apiVersion', 'kind', 'metadata.creationTimestamp', 'status'];

describe('ArgoCdApplication', () => {
  test('syncs the directory automatically with prune, self-heal, server-side apply and retries by default', () => {
    const chart = Testing.chart();
    new ArgoCdApplication(chart, 'vc1', { source, path: 'dist/vc1' });
    const [app] = Testing.synth(chart);
    expect(app).toMatchObject({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'vc1', namespace: 'argocd' },
      spec: {
        project: 'default',
        source: { repoURL: source.repoUrl, targetRevision: 'HEAD', path: 'dist/vc1' },
        destination: { server: 'https://kubernetes.default.svc' },
      },
    });
    expect(app.spec.syncPolicy).toEqual({ automated: { prune: true, selfHeal: true }, syncOptions: ['ServerSideApply=true'], retry: argoRetry });
    expect(() => new Application(app).validate()).not.toThrow();
  });

  test('carries no cascading finalizer, so deleting the Application deletes nothing it deployed', () => {
    const chart = Testing.chart();
    new ArgoCdApplication(chart, 'vc1', { source, path: 'dist/vc1' });
    expect(Testing.synth(chart)[0].metadata).not.toHaveProperty('finalizers');
  });

  test('cascades deletion only when deletion protection is turned off', () => {
    const chart = Testing.chart();
    new ArgoCdApplication(chart, 'vc1', { source, path: 'dist/vc1', deletionProtection: false });
    const [app] = Testing.synth(chart);
    expect(app.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    expect(() => new Application(app).validate()).not.toThrow();
  });

  test("ignores the fields the API server adds to a StatefulSet's volume claim templates", () => {
    const chart = Testing.chart();
    new ArgoCdApplication(chart, 'vc1', { source, path: 'dist/vc1' });
    const [app] = Testing.synth(chart);
    expect(app.spec.ignoreDifferences).toEqual([{
      group: 'apps',
      kind: 'StatefulSet',
      // `[]?`: the control plane StatefulSet may have no claim templates, and jq cannot iterate over null.
      jqPathExpressions: claimTemplateDrift.map((field) => `.spec.volumeClaimTemplates[]?.${field}`),
    }]);
    expect(() => new Application(app).validate()).not.toThrow();
  });

  test('renders sync options and retries', () => {
    const chart = Testing.chart();
    new ArgoCdApplication(chart, 'vc1', {
      source: { ...source, targetRevision: 'main' },
      path: 'dist/vc1',
      destination: { namespace: 'vc1' },
      syncPolicy: { prune: false, serverSideApply: true, createNamespace: true, retryLimit: 3, retryBackoff: Duration.seconds(10) },
    });
    const [app] = Testing.synth(chart);
    expect(app.spec.syncPolicy).toEqual({
      automated: { prune: false, selfHeal: true },
      syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
      retry: { limit: 3, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
    });
    expect(app.spec.destination.namespace).toBe('vc1');
    expect(() => new Application(app).validate()).not.toThrow();
  });

  test('is checked against a schema that does reject a malformed Application', () => {
    const chart = Testing.chart();
    new ArgoCdApplication(chart, 'vc1', { source, path: 'dist/vc1' });
    const [app] = Testing.synth(chart);
    expect(() => new Application({ ...app, spec: { ...app.spec, source: { ...app.spec.source, path: 42 } } }).validate()).toThrow();
  });

  test('turns retries off with a retry limit of 0', () => {
    const chart = Testing.chart();
    new ArgoCdApplication(chart, 'vc1', { source, path: 'dist/vc1', syncPolicy: { retryLimit: 0 } });
    expect(Testing.synth(chart)[0].spec.syncPolicy.retry.limit).toBe(0);
  });

  test('fails when ArgoCD is to create the namespace but no destination namespace is given', () => {
    expect(() => new ArgoCdApplication(Testing.chart(), 'vc1', { source, path: 'dist/vc1', syncPolicy: { createNamespace: true } })).toThrow(
      'syncPolicy.createNamespace: ArgoCD creates only the destination namespace; give destination.namespace, ' +
      "or leave createNamespace off when the synced folder holds its own Namespace (as a VCluster's does). Got no destination.namespace.",
    );
  });

  test('leaves out automated sync when asked to', () => {
    const chart = Testing.chart();
    new ArgoCdApplication(chart, 'vc1', { source, path: 'dist/vc1', syncPolicy: { automated: false } });
    expect(Testing.synth(chart)[0].spec.syncPolicy).not.toHaveProperty('automated');
  });

  test('fails when the path leaves the repository or the URL is not a git URL', () => {
    expect(() => new ArgoCdApplication(Testing.chart(), 'a', { source, path: '/abs' }))
      .toThrow('path: expected a path relative to the repository root such as "dist/vc1", got "/abs".');
    expect(() => new ArgoCdApplication(Testing.chart(), 'a', { source: { repoUrl: 'platform' }, path: 'dist' }))
      .toThrow('source.repoUrl: expected a git repository URL (https://, ssh:// or git@), got "platform".');
  });

  test.each([
    'https://x-access-token:tok3n-value@github.com/acme/platform.git',
    'https://tok3n-value@git.example.com/acme/platform.git',
    `https://git.example.com/acme/platform.git?token=ghp_${'a1'.repeat(18)}`,
  ])('fails when the repository URL %s holds a token, without printing it', (repoUrl) => {
    for (const make of [
      () => new ArgoCdApplication(Testing.chart(), 'a', { source: { repoUrl }, path: 'dist' }),
      () => new ArgoCdApplicationSet(Testing.chart(), 'a', { source: { repoUrl }, directories: 'dist/*' }),
    ]) {
      expect(make).toThrow('source.repoUrl: holds credentials (a user, password or token before "@"), which would land in git with the output.');
      expect(make).not.toThrow(/tok3n|ghp_/);
    }
  });

  test('takes an ssh URL with its user', () => {
    expect(
      () => new ArgoCdApplication(Testing.chart(), 'a', { source: { repoUrl: 'ssh://git@github.com/acme/platform.git' }, path: 'dist' }),
    ).not.toThrow();
  });

  test('fails at synth when a JSON patch adds a credential', () => {
    const chart = Testing.chart();
    const app = new ArgoCdApplication(chart, 'vc1', { source, path: 'dist/vc1' });
    app.apiObject.addJsonPatch(JsonPatch.add('/spec/source/repoURL', 'https://u:tok3n@git.example.com/platform.git'));
    expect(() => Testing.synth(chart))
      .toThrow('  [test/vc1] Application/vc1:spec.source.repoURL: a password in a URL, in clear in the output, readable by anyone');
  });
});

describe('ArgoCdApplicationSet', () => {
  test('generates one Application per output folder with a git directory generator', () => {
    const chart = Testing.chart();
    new ArgoCdApplicationSet(chart, 'tenants', { source, directories: 'dist/*', exclude: ['dist/argocd'] });
    const [set] = Testing.synth(chart);
    expect(set.spec.generators).toEqual([{
      git: {
        repoURL: source.repoUrl,
        revision: 'HEAD',
        directories: [{ path: 'dist/*' }, { path: 'dist/argocd', exclude: true }],
      },
    }]);
    expect(set.spec.template.metadata.name).toBe('{{.path.basename}}');
    expect(set.spec.template.spec.source.path).toBe('{{.path.path}}');
    expect(set.spec.template.spec.syncPolicy.retry).toEqual(argoRetry);
    expect(() => new ApplicationSet(set).validate()).not.toThrow();
  });

  test('by default, neither a folder that disappears nor a deleted ApplicationSet deletes a tenant', () => {
    const chart = Testing.chart();
    new ArgoCdApplicationSet(chart, 'tenants', { source, directories: 'dist/*' });
    const [set] = Testing.synth(chart);
    // Generated Applications get no resources finalizer, and the controller deletes none of them.
    expect(set.spec.syncPolicy).toEqual({ preserveResourcesOnDeletion: true, applicationsSync: 'create-update' });
    expect(set.spec.template.metadata).not.toHaveProperty('finalizers');
    // With it, deleting the ApplicationSet orphans its Applications instead of deleting them.
    expect(set.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    expect(set.spec.template.spec.ignoreDifferences[0]).toMatchObject({ group: 'apps', kind: 'StatefulSet' });
    expect(() => new ApplicationSet(set).validate()).not.toThrow();
  });

  test("leaves ArgoCD's cascading defaults when deletion protection is turned off", () => {
    const chart = Testing.chart();
    new ArgoCdApplicationSet(chart, 'tenants', { source, directories: 'dist/*', deletionProtection: false });
    const [set] = Testing.synth(chart);
    expect(set.spec).not.toHaveProperty('syncPolicy');
    expect(set.metadata).not.toHaveProperty('finalizers');
    expect(() => new ApplicationSet(set).validate()).not.toThrow();
  });

  test('is checked against a schema that does reject an unknown Applications policy', () => {
    const chart = Testing.chart();
    new ArgoCdApplicationSet(chart, 'tenants', { source, directories: 'dist/*' });
    const [set] = Testing.synth(chart);
    expect(() => new ApplicationSet({ ...set, spec: { ...set.spec, syncPolicy: { applicationsSync: 'keep' } } }).validate()).toThrow();
  });

  test('fails when ArgoCD is to create the namespace but no destination namespace is given', () => {
    expect(() => new ArgoCdApplicationSet(Testing.chart(), 'tenants', { source, directories: 'dist/*', syncPolicy: { createNamespace: true } }))
      .toThrow(/^syncPolicy\.createNamespace: ArgoCD creates only the destination namespace/);
  });
});

describe('an Application into a registered cluster', () => {
  test('names the cluster as its destination and comes in a later sync wave, keeping the deletion protection', () => {
    const chart = Testing.chart();
    new ArgoCdApplication(chart, 'vc1-workloads', { source, path: 'dist/workloads/vc1', destination: { name: 'vc1' }, syncWave: 2 });
    const [app] = Testing.synth(chart);
    // ArgoCD's Application: destination by name (the cluster Secret's name) instead of server.
    expect(app.spec.destination).toEqual({ name: 'vc1' });
    expect(app.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '2' });
    expect(app.metadata).not.toHaveProperty('finalizers');
    expect(app.spec.syncPolicy.retry).toEqual(argoRetry);
    expect(() => new Application(app).validate()).not.toThrow();
  });

  test('fails when the destination has both a server and a name', () => {
    expect(() => new ArgoCdApplication(Testing.chart(), 'a', { source, path: 'p', destination: { name: 'vc1', server: 'https://vc1.vc1' } }))
      .toThrow(/destination: ArgoCD takes the cluster by server or by name, not both/);
  });

  test('fails when the sync wave is not a whole number', () => {
    expect(() => new ArgoCdApplication(Testing.chart(), 'a', { source, path: 'p', syncWave: 1.5 })).toThrow(/syncWave: expected a whole number/);
  });
});
