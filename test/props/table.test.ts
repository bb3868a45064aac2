import { readFileSync } from 'fs';
import { join } from 'path';
import { Chart, Duration, Size, Testing } from 'cdk8s';
import { k8s, ServiceType } from 'cdk8s-plus-31';
import * as ts from 'typescript';
import { tutorialProps } from '../../main';
import { leafPaths } from '../../src/import/values-tree';
import { resolveRootless } from '../../src/props/rootless';
import { LogEncoding } from '../../src/props/logging';
import { ResourceScope } from '../../src/props/sync-to-host';
import { SnapshotStorage } from '../../src/props/snapshots';
import { NOT_EXPRESSIBLE, PROP_TABLE, PropDefinition } from '../../src/props/table';
import { materialize, object, unitsOf } from '../../src/props/decode/candidate';
import { coalesceValues } from '../../src/values/coalesce';
import { chartData, DEFAULT_CHART_VERSION } from '../../src/values/chart-version';
import { ValueMap } from '../../src/values/value-map';
import { VClusterProps } from '../../src/props/vcluster-props';

/**
 * The props of the construct itself, not in the table: they shape what it emits (objects, ArgoCD
 * protection, where the config Secret goes) or what it checks (the host), not the chart's values.
 */
const CONSTRUCT_PROPS = ['name', 'namespace', 'kubeVersion', 'host', 'chartVersion', 'createNamespace', 'deletionProtection',
  'configSecret', 'allowInOutput'];
/** The raw values, merged over the table's props. */
const RAW_VALUES = 'values';

/** The members of VClusterProps as declared in src/props/vcluster-props.ts, in their order. */
function declaredProps(): string[] {
  const path = join(__dirname, '../../src/props/vcluster-props.ts');
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const props = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'VClusterProps');
  return props!.members.map((m) => (m.name as ts.Identifier).text);
}

/** The rows of README's table of VCluster props: each prop's name and its row. */
function readmeRows(): (readonly [string, string])[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const table = readme.split('### The props')[1].split('\n\n')[1];
  return table.split('\n').slice(2).map((row) => [/^\| `(\w+)` \|/.exec(row)![1], row] as const);
}

/** The props README's table lists, in its order. */
function readmeProps(): string[] {
  return readmeRows().map(([prop]) => prop);
}

/** Every table prop given, each with settings that write values. */
function sampleProps(): VClusterProps {
  const workloads = new Chart(Testing.app(), 'workloads');
  new k8s.KubeConfigMap(workloads, 'cm', { data: { a: 'b' } });
  return {
    ...tutorialProps('vc1'),
    rootless: true,
    distro: { imagePullPolicy: 'Always', apiServer: { extraArgs: ['--v=2'] } },
    defaultImageRegistry: 'registry.example.com',
    controlPlane: {
      persistence: { size: Size.gibibytes(5) }, podLabels: { a: 'b' }, dataVolume: [{ name: 'data', emptyDir: { medium: 'Memory' } }],
      env: [{ name: 'DEBUG', value: 'true' }], args: ['start'],
      scheduling: { podManagementPolicy: 'OrderedReady' },
    },
    endpoint: '10.100.0.100:8443',
    kubeVip: { interface: 'eth0', gateway: '10.100.0.1/24' },
    service: { type: ServiceType.NODE_PORT, httpsNodePort: 31443 },
    extraSans: ['10.0.0.1'],
    initManifests: [workloads],
    podDisruptionBudget: { minAvailable: 1 },
    imagePullSecrets: { controlPlane: ['registry'], workload: ['team-registry'] },
    serviceAccount: { name: 'custom-vc-sa', annotations: { a: 'b' } },
    workloadServiceAccount: { enabled: false, name: 'image-pull-sa', labels: { a: 'b' } },
    tlsRoute: { host: 'vc1.example.com', parentRefs: [{ name: 'gw', namespace: 'gateways', port: 443 }], labels: { a: 'b' } },
    serviceMonitor: true,
    logging: { encoding: LogEncoding.JSON, file: true },
    sync: {
      toHost: {
        ingresses: true,
        pods: { patches: [{ path: 'metadata.labels["a"]', expression: '"b"' }], rewriteHosts: { initContainer: { image: { tag: '3.21' } } } },
        customResources: { 'certificates.cert-manager.io': { patches: [{ path: 'spec.selector', labels: true }] } },
      },
      fromHost: {
        storageClasses: true,
        customResources: { 'issuers.example.com': { scope: ResourceScope.CLUSTER, patches: [{ path: 'spec.a', reverseExpression: 'value' }] } },
      },
    },
    syncSettings: { setOwner: false, hostMetricsBindAddress: ':8080', virtualMetricsBindAddress: '0' },
    resourceProxy: { customResources: { 'myresources.example.com/v1': { targetVirtualCluster: { name: 'target' } } } },
    rbac: { role: { extraRules: [{ apiGroups: [''], resources: ['pods/status'], verbs: ['patch'] }] }, clusterRole: { enabled: false } },
    networking: {
      replicateServices: { toHost: [{ from: 'a/b', to: 'c' }], fromHost: [{ from: 'd/e', to: 'f/g' }] },
      resolveDNS: [{ hostname: 'a.com', target: { ip: '10.0.0.1' } }],
      serviceCIDR: '10.128.0.0/16',
      podCIDR: '10.64.0.0/16',
      clusterDomain: 'tenant.local',
      fallbackHostCluster: true,
      proxyKubelets: { byHostname: false, byIP: false },
    },
    coredns: {
      embedded: true, replicas: 2, image: 'coredns/coredns:1.12.1', resources: { memory: { limit: Size.mebibytes(256) } },
      scheduling: { nodeSelector: { a: 'b' }, priorityClassName: 'system-cluster-critical' }, podAnnotations: { a: 'b' },
      service: { type: ServiceType.NODE_PORT }, overwriteConfig: '.:1053 {}',
    },
    privateNodes: {
      kubelet: { config: { podPidsLimit: 1000 } },
      vpn: { nodeToNode: true },
      joinNode: { containerd: { pauseImage: 'registry.k8s.io/pause:3.10' }, nodeRegistration: { kubeletExtraArgs: [{ name: 'v', value: '2' }] } },
      autoNodes: [{
        provider: 'aws',
        static: [{ name: 's', quantity: 1, taints: [{ key: 'a', effect: 'NoSchedule' }] }],
        dynamic: [{ name: 'd', limits: { nodes: 3 }, expireAfter: Duration.hours(720), disruption: { budgets: [{ nodes: '10%' }] } }],
      }],
    },
    hostPathMapper: { central: true },
    standalone: { enabled: true, dataDir: '/data', joinNode: { containerd: false }, autoNodes: { quantity: 3 } },
    docker: {
      image: 'ghcr.io/loft-sh/vm-container:v1', ports: ['8080:80'], volumes: ['/data:/data'], env: ['A=b'], args: ['--cpus=2'], network: 'vind',
      nodes: [{ name: 'worker-1', image: 'node:v1', ports: ['9090:9090'], volumes: ['/logs:/logs'], env: ['B=c'], args: ['--cpus=1'] }],
      registryProxy: false, loadBalancer: { forwardPorts: false },
    },
    sleep: { afterInactivity: Duration.hours(1), schedule: '0 20 * * *', wakeupSchedule: '0 7 * * 1-5', timezone: 'Europe/Berlin',
      excludeLabels: { a: 'b' } },
    deletion: { prevent: true, afterInactivity: Duration.days(30) },
    telemetry: false,
    platform: { apiKey: { secretName: 'key', namespace: 'platform', createRBAC: false }, project: 'p' },
    pro: true,
    integrations: {
      metricsServer: { service: { name: 'ms', namespace: 'monitoring', port: 443 } },
      externalSecrets: { version: 'v1' },
      netris: { connector: 'netris', kubeVip: { serverCluster: 'c', bridge: 'br-3', ipRange: '10.0.0.10-10.0.0.20' } },
      argoCD: { connector: 'argocd' },
    },
    deploy: {
      localPathProvisioner: { nodePath: '/data' },
      flannel: false,
      kubeProxy: { config: { mode: 'ipvs' }, tolerations: [{ operator: 'Exists' }], extraEnv: [{ name: 'A', value: 'b' }], extraArgs: ['--v=2'] },
      metallb: { addresses: ['10.0.0.1-10.0.0.100'], l2Advertisement: false },
      metricsServer: true,
      argoCD: { applications: [{ name: 'app', template: { name: 'tpl', parameters: { a: 'b' } } }] },
    },
    exportKubeConfig: { context: 'vc1', additionalSecrets: [{ name: 'vc1-copy', server: 'https://vc1.example.com', insecure: true }] },
    plugins: { hooks: { image: 'ghcr.io/loft-sh/vcluster-example-hooks:v1', rbac: { role: { extraRules: [{ verbs: ['get'] }] } } } },
    snapshots: { auto: { schedule: '0 3 * * *', storage: SnapshotStorage.s3({ url: 's3://bucket/vc1', credential: { secretName: 's3' } }) } },
  };
}

describe('the prop table', () => {
  test('has an entry for every prop of VClusterProps that writes values', () => {
    // A prop declared without an entry would be ignored: no values, no import, no message.
    const missing = declaredProps().filter((p) => !CONSTRUCT_PROPS.includes(p) && p !== RAW_VALUES && !PROP_TABLE.some((d) => d.prop === p));
    expect(missing).toEqual([]);
    expect(declaredProps()).toEqual(expect.arrayContaining([...CONSTRUCT_PROPS, RAW_VALUES]));
  });

  test("README lists exactly the table's props, in its order, between the construct's own", () => {
    expect(readmeProps()).toEqual([...CONSTRUCT_PROPS, ...PROP_TABLE.map((d) => d.prop), RAW_VALUES]);
  });

  test("README's row of each prop names every values path the prop writes", () => {
    const rows = new Map(readmeRows());
    const unnamed = PROP_TABLE.map((d) => ({ prop: d.prop, paths: d.writes.filter((w) => !rows.get(d.prop)?.includes(`\`${w}\``)) }))
      .filter((u) => u.paths.length > 0);
    expect(unnamed).toEqual([]);
  });

  test('declares each prop once', () => {
    const props = PROP_TABLE.map((d) => d.prop);
    expect(new Set(props).size).toBe(props.length);
  });

  test('each prop writes only the values it declares', () => {
    const props = sampleProps();
    const ids = resolveRootless(props.rootless);
    for (const d of PROP_TABLE) {
      const paths = leafPaths(d.encode(props, ids));
      expect(paths.length).toBeGreaterThan(0);
      const outside = paths.filter((p) => !d.writes.some((w) => p === w || p.startsWith(`${w}.`)));
      expect({ prop: d.prop, outside }).toEqual({ prop: d.prop, outside: [] });
    }
  });

  test('a prop left out writes nothing, but for the certificate names the ingress adds its host to', () => {
    const writing = PROP_TABLE.filter((d) => {
      const props: VClusterProps = { ...sampleProps(), [d.prop]: undefined };
      return Object.keys(d.encode(props, resolveRootless(props.rootless))).length > 0;
    }).map((d) => d.prop);
    expect(writing).toEqual(['extraSans']);
  });

  test('each prop decodes from the values it encodes, and the decoded prop encodes the same values', () => {
    const props = sampleProps();
    const ids = resolveRootless(props.rootless);
    const defaults = chartData(DEFAULT_CHART_VERSION).defaults as ValueMap;
    const expressible = PROP_TABLE.filter((d) => d.decode !== NOT_EXPRESSIBLE);
    expect(expressible.length).toBeGreaterThan(10);
    for (const d of expressible) {
      const values = d.encode(props, ids) as ValueMap;
      const decode = d.decode as Exclude<PropDefinition['decode'], typeof NOT_EXPRESSIBLE>;
      const candidate = decode(values, coalesceValues(defaults, values));
      expect({ prop: d.prop, decoded: candidate !== undefined }).toEqual({ prop: d.prop, decoded: true });
      // Every prop the candidate offers taken, as the importer takes them when they fit.
      const root = object({ [d.prop]: candidate })!;
      const decoded = materialize(root, [], { taken: new Set(unitsOf(root).map((u) => u.key)), lists: new Map() })?.value as VClusterProps;
      const again = d.encode({ ...props, [d.prop]: decoded[d.prop] }, ids);
      expect({ prop: d.prop, values: again }).toEqual({ prop: d.prop, values });
    }
  });
});
