import { Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { CHART_VERSIONS } from '../../imports/chart-versions';
import { FromNamespaces, ResourceScope, SyncMode } from '../../src';
import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { manifest, synthVCluster } from '../typed-helper';

describe('the sync props', () => {
  test('the tutorial\'s storage-class, ingress-class and ingress sync read as switches', () => {
    const { vc } = synthVCluster({ sync: { fromHost: { storageClasses: true, ingressClasses: true }, toHost: { ingresses: true } } });
    expect(vc.values.sync.fromHost.storageClasses.enabled).toBe(true);
    expect(vc.values.sync.fromHost.ingressClasses.enabled).toBe(true);
    expect(vc.values.sync.toHost.ingresses.enabled).toBe(true);
  });

  test('SyncMode.AUTO is the third state where the chart has one', () => {
    const { vc } = synthVCluster({
      sync: {
        fromHost: { storageClasses: SyncMode.AUTO, csiDrivers: false, csiNodes: SyncMode.AUTO },
        toHost: { gatewayApi: { httpRoutes: true, referenceGrants: SyncMode.AUTO } },
      },
    });
    const { fromHost, toHost } = vc.values.sync;
    expect([fromHost.storageClasses.enabled, fromHost.csiDrivers.enabled, fromHost.csiNodes.enabled]).toEqual(['auto', false, 'auto']);
    expect(toHost.gatewayApi).toMatchObject({ enabled: false, httpRoutes: { enabled: true }, referenceGrants: { enabled: 'auto' } });
  });

  test('Gateway API options sync only the resources they name; true is vCluster\'s umbrella switch', () => {
    const gatewayRules = (manifests: any[]) => manifest(manifests, 'Role').rules
      .filter((r: any) => r.apiGroups.includes('gateway.networking.k8s.io') && r.verbs.includes('create'))
      .flatMap((r: any) => r.resources);
    expect(gatewayRules(synthVCluster({ sync: { toHost: { gatewayApi: { httpRoutes: true } } } }).manifests)).toEqual(['httproutes']);
    expect(gatewayRules(synthVCluster({ sync: { toHost: { gatewayApi: true } } }).manifests)).toEqual(['gateways', 'httproutes']);
    const { vc } = synthVCluster({ sync: { toHost: { gatewayApi: { enabled: true, tlsRoutes: true } } } });
    expect(vc.values.sync.toHost.gatewayApi).toMatchObject({ enabled: true, tlsRoutes: { enabled: true } });
  });

  test('patches of plain resources, Secrets, nodes and host objects reach the values', () => {
    const patch = { path: 'metadata.annotations["team"]', expression: '"a"' };
    const { vc } = synthVCluster({
      sync: {
        toHost: { services: { patches: [patch] }, secrets: { all: true, patches: [patch] }, ingresses: true },
        fromHost: {
          nodes: { patches: [{ path: 'status.capacity.cpu', expression: '"0"' }] },
          configMaps: { mappings: { 'shared/ca': 'default/ca' }, patches: [patch] },
          ingressClasses: { patches: [patch] },
          storageClasses: { patches: [patch] },
        },
      },
    });
    const { toHost, fromHost } = vc.values.sync;
    expect(toHost.services).toEqual({ enabled: true, patches: [patch] });
    expect(toHost.secrets).toEqual({ enabled: true, all: true, patches: [patch] });
    expect(toHost.ingresses).toEqual({ enabled: true });
    expect(fromHost.nodes).toMatchObject({ enabled: true, patches: [{ path: 'status.capacity.cpu', expression: '"0"' }] });
    expect(fromHost.configMaps).toEqual({ enabled: true, mappings: { byName: { 'shared/ca': 'default/ca' } }, patches: [patch] });
    expect(fromHost.ingressClasses).toMatchObject({ enabled: true, patches: [patch] });
    expect(fromHost.storageClasses).toMatchObject({ enabled: true, patches: [patch] });
  });

  test('fails when a patch of a plain resource makes no change, naming it', () => {
    expect(() => synthVCluster({ sync: { toHost: { services: { patches: [{ path: 'spec.x' }] } } } })).toThrow(
      'sync.toHost.services.patches[0]: give exactly one of: expression',
    );
  });

  test('selectors, node options and mappings are typed where the schema has them', () => {
    const { vc } = synthVCluster({
      sync: {
        fromHost: {
          ingressClasses: { selector: { matchLabels: { shared: 'true' } } },
          storageClasses: { selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['nfs'] }] } },
          nodes: { all: true, labels: { pool: 'tenants' } },
          secrets: { mappings: { 'shared/registry-credentials': 'default/registry-credentials' } },
          customResources: { 'clusterissuers.cert-manager.io': { scope: ResourceScope.CLUSTER } },
        },
      },
    });
    const fromHost = vc.values.sync.fromHost;
    expect(fromHost.ingressClasses).toMatchObject({ enabled: true, selector: { matchLabels: { shared: 'true' } } });
    expect(fromHost.storageClasses).toMatchObject({
      enabled: true,
      selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['nfs'] }] },
    });
    expect(fromHost.nodes).toMatchObject({ enabled: true, selector: { all: true, labels: { pool: 'tenants' } } });
    expect(fromHost.secrets).toEqual({ enabled: true, mappings: { byName: { 'shared/registry-credentials': 'default/registry-credentials' } } });
    expect(fromHost.customResources).toEqual({ 'clusterissuers.cert-manager.io': { enabled: true, scope: 'Cluster' } });
  });

  test('pseudo nodes on selected host nodes: nodes options with enabled false keep the label selector', () => {
    const { vc } = synthVCluster({ sync: { fromHost: { nodes: { enabled: false, labels: { team: 'backend' }, clearImageStatus: true } } } });
    expect(vc.values.sync.fromHost.nodes).toMatchObject({ enabled: false, clearImageStatus: true, selector: { labels: { team: 'backend' } } });
    const { vc: synced } = synthVCluster({ sync: { fromHost: { nodes: { labels: { team: 'backend' } } } } });
    expect(synced.values.sync.fromHost.nodes).toMatchObject({ enabled: true, selector: { labels: { team: 'backend' } } });
  });

  test('imports the docs\' node selection snippets, pseudo and real nodes, as typed props that render what the chart renders', () => {
    for (const [enabled, expected] of [
      ['false', "nodes: { enabled: false, labels: { environment: 'production', team: 'backend' } }"],
      ['true', "nodes: { labels: { environment: 'production', team: 'backend' } }"],
    ]) {
      const labels = '      selector:\n        labels:\n          environment: production\n          team: backend\n';
      const result = vc1(`sync:\n  fromHost:\n    nodes:\n      enabled: ${enabled}\n${labels}`);
      expect(result.raw).toEqual({});
      expect(result.program).toContain(expected);
      const { options } = result;
      const rendered = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
      expect(compareManifests(rendered, runProgram(result.program), true)).toEqual([]);
    }
    const hardening = vc1('sync:\n  fromHost:\n    nodes:\n      enabled: false\n      clearImageStatus: true\n');
    expect(hardening.raw).toEqual({});
    expect(hardening.program).toContain('nodes: { enabled: false, clearImageStatus: true }');
  });

  test('pod sync options and custom resources reach the values', () => {
    const { vc } = synthVCluster({
      sync: {
        toHost: {
          pods: { translateImage: { 'nginx:1.27': 'mirror.example.com/nginx:1.27' }, enforceTolerations: ['team=a:NoSchedule'], rewriteHosts: false },
          secrets: { all: true },
          customResources: { 'certificates.cert-manager.io': true },
        },
      },
    });
    const toHost = vc.values.sync.toHost;
    expect(toHost.pods).toMatchObject({
      enabled: true,
      translateImage: { 'nginx:1.27': 'mirror.example.com/nginx:1.27' },
      enforceTolerations: ['team=a:NoSchedule'],
      rewriteHosts: { enabled: false },
    });
    expect(toHost.secrets).toEqual({ enabled: true, all: true });
    expect(toHost.customResources).toEqual({ 'certificates.cert-manager.io': { enabled: true } });
  });

  test('syncing ingresses grants the control plane access to them', () => {
    const { manifests } = synthVCluster({ sync: { toHost: { ingresses: true } } });
    expect(JSON.stringify(manifest(manifests, 'Role').rules)).toContain('ingresses');
  });

  test('fails when a resource without an automatic mode is given SyncMode.AUTO', () => {
    expect(() => synthVCluster({ sync: { toHost: { ingresses: SyncMode.AUTO as any } } })).toThrow(
      'sync.toHost.ingresses: expected a boolean (true or false) or an object, got a string.',
    );
  });

  test('fails when a host object mapping does not name a namespace', () => {
    expect(() => synthVCluster({ sync: { fromHost: { configMaps: { mappings: { 'ca-bundle': 'default/ca-bundle' } } } } })).toThrow(
      /\[test\/vc1\] release vc1: sync\.fromHost\.configMaps\.mappings: keys are host objects as "namespace\/name"/,
    );
  });

  test('fails when a cluster-wide custom resource is synced to the host', () => {
    expect(() =>
      synthVCluster({ sync: { toHost: { customResources: { 'clusterissuers.cert-manager.io': { scope: ResourceScope.CLUSTER } } } } }),
    ).toThrow(
      /\[test\/vc1\] release vc1: sync\.toHost\.customResources\.clusterissuers\.cert-manager\.io\.scope: only namespaced custom resources sync to the host/,
    );
  });

  test('patches of pods, custom resources and Gateways reach the values, labels: true as the chart\'s empty map', () => {
    const { vc } = synthVCluster({
      sync: {
        toHost: {
          pods: { patches: [{ path: 'metadata.annotations["team"]', expression: '"a"' }] },
          customResources: {
            'certificates.cert-manager.io': {
              patches: [
                { path: 'spec.secretName', reference: { apiVersion: 'v1', kind: 'Secret' } },
                { path: 'spec.selector', labels: true },
              ],
            },
          },
        },
        fromHost: {
          customResources: {
            'clusterissuers.cert-manager.io': {
              scope: ResourceScope.CLUSTER,
              patches: [{ path: 'metadata.annotations[*]', reverseExpression: 'value.slice(4)' }],
            },
          },
          gateways: { mappings: { 'infra/*': 'shared/*' }, patches: [{ path: 'metadata.labels["shared"]', expression: '"true"' }] },
        },
      },
    });
    const { toHost, fromHost } = vc.values.sync;
    expect(toHost.pods.patches).toEqual([{ path: 'metadata.annotations["team"]', expression: '"a"' }]);
    expect(toHost.customResources['certificates.cert-manager.io']).toEqual({
      enabled: true,
      patches: [{ path: 'spec.secretName', reference: { apiVersion: 'v1', kind: 'Secret' } }, { path: 'spec.selector', labels: {} }],
    });
    expect(fromHost.customResources['clusterissuers.cert-manager.io'].patches).toEqual([
      { path: 'metadata.annotations[*]', reverseExpression: 'value.slice(4)' },
    ]);
    expect(fromHost.gateways).toMatchObject({ enabled: true, patches: [{ path: 'metadata.labels["shared"]', expression: '"true"' }] });
  });

  test('rewriteHosts takes its init container\'s image and resources, merged over the chart\'s', () => {
    const { vc } = synthVCluster({
      sync: {
        toHost: {
          pods: {
            rewriteHosts: {
              initContainer: {
                image: { registry: 'registry.example.com' },
                resources: { memory: { limit: Size.mebibytes(128) }, cpu: { request: Cpu.millis(10) } },
              },
            },
          },
        },
      },
    });
    expect(vc.values.sync.toHost.pods.rewriteHosts).toEqual({
      enabled: true,
      initContainer: {
        image: { registry: 'registry.example.com', repository: 'library/alpine', tag: '3.20' },
        resources: { limits: { cpu: '30m', memory: '128Mi' }, requests: { cpu: '10m', memory: '64Mi' } },
      },
    });
  });

  test('Gateways sync from the host in every chart version', () => {
    for (const chartVersion of CHART_VERSIONS) {
      const { vc } = synthVCluster({ chartVersion, sync: { fromHost: { gateways: { mappings: { 'infra/public': 'default/public' } } } } });
      expect(vc.values.sync.fromHost.gateways).toMatchObject({ enabled: true, mappings: { byName: { 'infra/public': 'default/public' } } });
    }
  });

  test('fails when a patch makes more than one kind of change, as vCluster would refuse it when it starts', () => {
    expect(() => synthVCluster({
      sync: { toHost: { pods: { patches: [{ path: 'spec.x', expression: 'value', labels: true }] } } },
    })).toThrow('sync.toHost.pods.patches[0]: give exactly one of: expression (with or without reverseExpression), labels: true, or reference. Got ');
  });

  test('fails when a patch makes no change', () => {
    expect(() => synthVCluster({
      sync: { toHost: { customResources: { 'certificates.cert-manager.io': { patches: [{ path: 'spec.x' }] } } } },
    })).toThrow('sync.toHost.customResources.certificates.cert-manager.io.patches[0]: give exactly one of: expression');
  });

  test('fails when two patches change the same field', () => {
    expect(() => synthVCluster({
      sync: { toHost: { pods: { patches: [{ path: 'spec.x', expression: '"a"' }, { path: 'spec.x', reverseExpression: 'value' }] } } },
    })).toThrow('sync.toHost.pods.patches[1].path: sync.toHost.pods.patches[0] patches the same field; make them one patch. Got "spec.x".');
  });

  test('imports the docs\' custom resources, patches, rewriteHosts and Gateways as typed props that render what the chart renders', () => {
    const result = vc1(`
sync:
  toHost:
    pods:
      rewriteHosts:
        initContainer:
          image:
            registry: registry.example.com
            repository: library/alpine
            tag: "3.20"
      patches:
      - path: metadata.annotations["example.com/key"]
        expression: '"patched-" + value'
    customResources:
      certificates.cert-manager.io:
        enabled: true
        patches:
        - path: spec.secretName
          reference:
            apiVersion: v1
            kind: Secret
      selectors.example.com:
        enabled: true
        scope: Namespaced
        patches:
        - path: spec.selector
          labels: {}
  fromHost:
    customResources:
      clusterissuers.cert-manager.io:
        enabled: true
        scope: Cluster
      myresources.example.com:
        enabled: true
        scope: Namespaced
        mappings:
          byName:
            "foo/*": "bar/*"
        patches:
        - path: metadata.annotations[*]
          reverseExpression: "value.startsWith('www.') ? value.slice(4) : value"
    gateways:
      enabled: true
      mappings:
        byName:
          infra/public: default/public
`);
    expect(result.raw).toEqual({});
    for (const snippet of [
      "rewriteHosts: { initContainer: { image: { registry: 'registry.example.com' } } },",
      "patches: [{ path: 'metadata.annotations[\"example.com/key\"]', expression: '\"patched-\" + value' }],",
      "reference: { apiVersion: 'v1', kind: 'Secret' }", "patches: [{ path: 'spec.selector', labels: true }]",
      "'clusterissuers.cert-manager.io': { scope: ResourceScope.CLUSTER }",
      "gateways: { mappings: { 'infra/public': 'default/public' } }",
    ]) {
      expect(result.program).toContain(snippet);
    }
    const { options } = result;
    const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });

  test('imports the docs\' patching and Gateway API snippets as typed props that render what the chart renders', () => {
    const result = vc1(`
sync:
  toHost:
    services:
      enabled: true
      patches:
        - path: spec.ports[*].name
          expression: '"tenant-" + value'
          reverseExpression: 'value.replace(/^tenant-/, "")'
    gatewayApi:
      httpRoutes:
        enabled: true
      tlsRoutes:
        enabled: true
      referenceGrants:
        enabled: auto
  fromHost:
    nodes:
      enabled: true
      patches:
        - path: status.capacity.cpu
          expression: '"0"'
    configMaps:
      enabled: true
      mappings:
        byName:
          "default/my-cm": "default/my-cm"
      patches:
        - path: metadata.annotations[*]
          reverseExpression: "value.startsWith('www.') ? value.slice(4) : value"
`);
    expect(result.raw).toEqual({});
    for (const snippet of [
      "services: {\n            patches: [\n              {\n                path: 'spec.ports[*].name',",
      'gatewayApi: { httpRoutes: true, tlsRoutes: true },',
      "nodes: { patches: [{ path: 'status.capacity.cpu', expression: '\"0\"' }] },",
    ]) {
      expect(result.program).toContain(snippet);
    }
    const { options } = result;
    const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });

  test('host Gateways take their routes policy: a default and overrides per Gateway', () => {
    const { vc } = synthVCluster({
      sync: {
        fromHost: {
          gateways: {
            mappings: { 'platform-gateways/public-web': 'default/public-web', 'edge/*': 'edge/*' },
            allowedRoutes: {
              defaultVirtualNamespacePolicy: { from: FromNamespaces.SAME },
              overrides: [{
                hostNamespace: 'platform-gateways', name: 'public-web', allowedHostnames: ['*.team.example.com'],
                virtualNamespacePolicy: { from: FromNamespaces.SELECTOR, selector: { matchLabels: { access: 'allowed' } } },
              }],
            },
          },
        },
      },
    });
    expect(vc.values.sync.fromHost.gateways.allowedRoutes).toEqual({
      defaultVirtualNamespacePolicy: { from: 'Same' },
      overrides: [{
        hostNamespace: 'platform-gateways', name: 'public-web', allowedHostnames: ['*.team.example.com'],
        virtualNamespacePolicy: { from: 'Selector', selector: { matchLabels: { access: 'allowed' } } },
      }],
    });
  });

  describe('fails where vCluster would refuse the Gateways when it starts', () => {
    const gateways = (g: unknown) => () => synthVCluster({ sync: { fromHost: { gateways: g as any } } });
    test.each([
      [{ mappings: {} }, 'sync.fromHost.gateways.mappings: vCluster imports only the Gateways named here; name them, e.g. ' +
        '{ "infra/public": "default/public" }. Got {}.'],
      [{ mappings: { 'infra/*': 'default/public' } }, 'sync.fromHost.gateways.mappings: a "namespace/*" key maps to a "namespace/*" value, ' +
        'a name to a name.'],
      [{ mappings: { '/public': 'default/public' } }, 'sync.fromHost.gateways.mappings: a key is "namespace/name" or "namespace/*", ' +
        'with an explicit namespace. Got "/public".'],
      [{ mappings: { 'infra/public': 'kube-system/public' } }, 'sync.fromHost.gateways.mappings: the virtual namespace kube-system is reserved.'],
      [{ mappings: { 'infra/a': 'default/x', 'infra/b': 'default/x' } },
        'sync.fromHost.gateways.mappings: "infra/a" is imported to default/x already.'],
      [{ mappings: { 'infra/a': 'default/a' }, allowedRoutes: { overrides: [{ hostNamespace: 'infra', name: 'b' }] } },
        'sync.fromHost.gateways.allowedRoutes.overrides[0]: names a host Gateway that mappings do not import; map it, or remove the override. ' +
        'Got "infra/b".'],
      [{ mappings: { 'infra/a': 'default/a' }, allowedRoutes: { defaultVirtualNamespacePolicy: { from: FromNamespaces.SELECTOR } } },
        'sync.fromHost.gateways.allowedRoutes.defaultVirtualNamespacePolicy.selector: FromNamespaces.SELECTOR needs the namespaces\' labels'],
      [{
        mappings: { 'infra/a': 'default/a' },
        allowedRoutes: { overrides: [{ hostNamespace: 'infra', name: 'a', allowedHostnames: ['https://a.example.com'] }] },
      },
        'sync.fromHost.gateways.allowedRoutes.overrides[0].allowedHostnames[0]: an allowed host name must be a DNS host name'],
    ])('%j', (g, message) => {
      expect(gateways(g)).toThrow(message);
    });

    test('true, which names no Gateway', () => {
      expect(gateways(true)).toThrow('sync.fromHost.gateways: vCluster imports only the Gateways mappings name; give ' +
        '{ mappings: { "infra/public": "default/public" } }. Got true.');
    });
  });

  test('imports the docs\' Gateway API snippets with their routes policies as typed props that render what the chart renders', () => {
    const result = vc1(`
sync:
  fromHost:
    gatewayClasses:
      enabled: true
    gateways:
      enabled: true
      mappings:
        byName:
          "platform-gateways/public-inference": "platform-gateways/public-inference"
          "gw-demo-01/edge": "gw-demo-01/edge"
      allowedRoutes:
        overrides:
          - hostNamespace: platform-gateways
            name: public-inference
            allowedHostnames:
              - "*.inference.example.com"
            virtualNamespacePolicy:
              from: Selector
              selector:
                matchLabels:
                  inference.example.com/route-access: allowed
          - hostNamespace: gw-demo-01
            name: edge
            virtualNamespacePolicy:
              from: Same
  toHost:
    gatewayApi:
      httpRoutes:
        enabled: true
`);
    expect(result.raw).toEqual({});
    for (const snippet of ["from: FromNamespaces.SELECTOR,", "virtualNamespacePolicy: { from: FromNamespaces.SAME },",
      "import { FromNamespaces, VCluster } from 'cdk8s-vcluster';"]) {
      expect(result.program).toContain(snippet);
    }
    const { options } = result;
    const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });
});
