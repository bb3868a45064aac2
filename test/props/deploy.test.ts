import { ImagePullPolicy } from 'cdk8s-plus-31';
import { expectTypedImport } from '../import/import-helper';
import { synthVCluster } from '../typed-helper';

describe('the deploy prop', () => {
  test('switches what vCluster deploys inside: false leaves a default component out, options keep it on', () => {
    const { vc } = synthVCluster({
      deploy: {
        flannel: false,
        localPathProvisioner: { nodePath: '/data/volumes' },
        kubeProxy: { config: { mode: 'ipvs', ipvs: { scheduler: 'rr' } }, imagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT },
        metallb: { addresses: ['10.0.0.1-10.0.0.100'] },
        metricsServer: true,
      },
    });
    const d = vc.values.deploy;
    expect(d.cni.flannel.enabled).toBe(false);
    expect(d.localPathProvisioner).toEqual({ enabled: true, nodePath: '/data/volumes' });
    expect(d.kubeProxy).toMatchObject({ enabled: true, imagePullPolicy: 'IfNotPresent', config: { mode: 'ipvs', ipvs: { scheduler: 'rr' } } });
    expect(d.metallb).toEqual({ enabled: true, ipAddressPool: { addresses: ['10.0.0.1-10.0.0.100'], l2Advertisement: true } });
    expect(d.metricsServer).toEqual({ enabled: true });
  });

  test('Argo CD applications from vCluster Platform templates, beside the argoCD integration', () => {
    const { vc } = synthVCluster({
      integrations: { argoCD: { connector: 'argocd-main' } },
      deploy: { argoCD: { applications: [{ name: 'app', target: 'vCluster', template: { name: 'tpl', parameters: { ns: 'apps' } } }] } },
    });
    expect(vc.values.deploy.argoCD).toEqual({
      applications: [{ name: 'app', target: 'vCluster', template: { name: 'tpl', parameters: { ns: 'apps' } } }],
    });
  });

  test('fails when Argo CD applications are given without the argoCD integration', () => {
    expect(() => synthVCluster({ deploy: { argoCD: { applications: [{ template: { name: 'tpl' } }] } } })).toThrow(
      'deploy.argoCD: the applications need the argoCD integration: give integrations: { argoCD: { connector } }.',
    );
  });

  test('fails when an application has neither a template nor an inline definition, or an unknown target', () => {
    const integrations = { argoCD: true };
    expect(() => synthVCluster({ integrations, deploy: { argoCD: { applications: [{ name: 'a' }] } } })).toThrow(
      'deploy.argoCD.applications[0]: give the application as a template (template: { name }) or inline (an Argo CD Application).',
    );
    expect(() => synthVCluster({ integrations, deploy: { argoCD: { applications: [{ target: 'cluster', template: { name: 't' } }] } } }))
      .toThrow('deploy.argoCD.applications[0].target: must be "vCluster" or "host". Got "cluster".');
  });

  test('fails when an image pull policy is not one of Kubernetes\'s', () => {
    expect(() => synthVCluster({ deploy: { kubeProxy: { imagePullPolicy: 'Sometimes' as never } } })).toThrow(
      'deploy.kubeProxy.imagePullPolicy: must be one of Always, IfNotPresent, Never (ImagePullPolicy). Got "Sometimes".',
    );
  });

  test('imports the docs\' deploy settings as typed props that render what the chart renders', () => {
    expectTypedImport('deploy:\n  metricsServer:\n    enabled: true\n', 'deploy: { metricsServer: true }');
    expectTypedImport('deploy:\n  cni:\n    flannel:\n      enabled: false\n', 'deploy: { flannel: false }');
    expectTypedImport('deploy:\n  kubeProxy:\n    enabled: false\n', 'deploy: { kubeProxy: false }');
    expectTypedImport('deploy:\n  kubeProxy:\n    config:\n      mode: ipvs\n      ipvs:\n        scheduler: rr\n',
      "deploy: { kubeProxy: { config: { mode: 'ipvs', ipvs: { scheduler: 'rr' } } } }");
    expectTypedImport('deploy:\n  metallb:\n    enabled: true\n    ipAddressPool:\n      addresses:\n        - 10.X.X.1-10.X.X.100\n',
      "deploy: { metallb: { addresses: ['10.X.X.1-10.X.X.100'] } }");
    expectTypedImport('deploy:\n  localPathProvisioner:\n    enabled: false\n', 'deploy: { localPathProvisioner: false }');
    expectTypedImport(
      'integrations:\n  argoCD:\n    enabled: true\n    connector: argocd-main\ndeploy:\n  argoCD:\n    applications:\n'
        + '      - name: vllm\n        target: vcluster\n        template:\n          name: vllm\n          parameters:\n            model: m\n',
      "{ name: 'vllm', target: 'vcluster', template: { name: 'vllm', parameters: { model: 'm' } } }",
    );
  });
});
