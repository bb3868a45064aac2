import { Application, ApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import { Duration, Testing } from 'cdk8s';
import { ArgoCdApplication, ArgoCdApplicationSet } from '../src/argocd';

const source = { repoUrl: 'https://git.example.com/platform.git' };

describe('ArgoCdApplication', () => {
  test('syncs the directory automatically with prune and self-heal by default', () => {
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
        syncPolicy: { automated: { prune: true, selfHeal: true } },
      },
    });
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
    expect(() => new ApplicationSet(set).validate()).not.toThrow();
  });
});
