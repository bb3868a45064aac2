// A cdk8s app as a user writes it, with the library installed from its package: the test copies
// this file into a fresh app (see ../user-app.test.ts), so it imports only what a user has.
import { App, Chart, Size, YamlOutputType } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-33';
import { BackingStore, FleetApp, VCluster } from 'cdk8s-vcluster';
import values from './values.json';

// The tutorial's final state with typed props, value types from the app's own cdk8s and cdk8s-plus.
const typed = new App({ outdir: 'dist/typed' });
const nfs = { storageClass: 'managed-nfs-storage', size: Size.gibibytes(5) };
new VCluster(new Chart(typed, 'vc1'), 'vc1', {
  namespace: 'vc1',
  kubernetesVersion: 'v1.32.1',
  backingStore: BackingStore.deployedEtcd({ persistence: { enabled: true, ...nfs } }),
  controlPlane: {
    persistence: nfs,
    podSecurityContext: { fsGroup: 12345 },
    containerSecurityContext: { runAsUser: 12345, runAsGroup: 12345, runAsNonRoot: true },
  },
  ingress: { host: 'vc1.kryukov.local' },
  exportKubeConfig: { context: 'vc1' },
  integrations: { metricsServer: { nodes: true, pods: true } },
  policies: {
    resourceQuota: {
      quota: { cpu: Cpu.units(4), memory: Size.gibibytes(5), limitsMemory: Size.gibibytes(5), pods: 15, requestsStorage: Size.gibibytes(20) },
    },
    limitRange: {
      default: { memory: Size.mebibytes(512), cpu: Cpu.units(1) },
      defaultRequest: { memory: Size.mebibytes(128), cpu: Cpu.millis(100) },
    },
  },
  sync: { toHost: { ingresses: true }, fromHost: { storageClasses: true, ingressClasses: true } },
});
typed.synth();

// The same virtual cluster from its vcluster.yaml, as raw values.
const raw = new App({ outdir: 'dist/raw' });
new VCluster(new Chart(raw, 'vc1'), 'vc1', { namespace: 'vc1', values });
raw.synth();

// A fleet: one FleetApp, a chart per virtual cluster. vc1 comes second, so it is rendered without
// the app-wide pass the first chart makes.
const fleet = new FleetApp({ outdir: 'dist/fleet' });
new VCluster(new Chart(fleet, 'vc0'), 'vc0', { namespace: 'vc0' });
new VCluster(new Chart(fleet, 'vc1'), 'vc1', { namespace: 'vc1', values });
fleet.synth();

// The same fleet with App and with FleetApp, charts depending on each other (numbered files), in
// a file per chart and in a folder per chart: the test compares the two trees.
const layouts = { 'per-chart': YamlOutputType.FILE_PER_CHART, 'per-resource': YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE };
for (const [layout, yamlOutputType] of Object.entries(layouts)) {
  for (const [kind, AppClass] of [['app', App], ['fleet-app', FleetApp]] as const) {
    const app = new AppClass({ outdir: `dist/${kind}-${layout}`, yamlOutputType });
    const vc0 = new Chart(app, 'vc0');
    new VCluster(vc0, 'vc0', { namespace: 'vc0' });
    const vc1 = new Chart(app, 'vc1');
    new VCluster(vc1, 'vc1', { namespace: 'vc1', values });
    vc1.addDependency(vc0);
    app.synth();
  }
}
