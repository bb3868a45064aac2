'use strict';
// The benchmark's workload: the tutorial's final scenario (main.ts's TutorialChart), once per
// tenant, each tenant with its own name, namespace and host names. Plain JS over the BUILT
// library (lib/), as an app using the published package runs it.
//
// run.js checks before measuring that both forms below, rendered as `vc1`, give exactly the
// YAML of main.ts's TutorialChart, so the benchmark cannot drift from the tutorial unnoticed.

const path = require('path');
const { App, Chart } = require('cdk8s');
const { FleetApp, VCluster } = require('../lib/src');

/** TutorialChart's VCluster props (main.ts), with `vc1` replaced by the tenant's name. */
const tutorialProps = (name) => require('../lib/main').tutorialProps(name);

/**
 * The same scenario as a vcluster.yaml (what `helm install -f` and `cdk8s-vcluster template -f`
 * take), with `vc1` replaced by the tenant's name. The command-line benchmark writes it to a file.
 */
function tutorialValues(name) {
  const host = `${name}.kryukov.local`;
  return {
    controlPlane: {
      distro: {
        k8s: {
          enabled: true,
          image: { registry: 'ghcr.io', repository: 'loft-sh/kubernetes', tag: 'v1.32.1' },
        },
      },
      backingStore: {
        etcd: {
          deploy: {
            enabled: true,
            statefulSet: {
              persistence: {
                volumeClaim: { enabled: true, storageClass: 'managed-nfs-storage', size: '5Gi' },
              },
            },
          },
        },
      },
      statefulSet: {
        persistence: { volumeClaim: { storageClass: 'managed-nfs-storage', size: '5Gi' } },
        security: {
          podSecurityContext: { fsGroup: 12345 },
          containerSecurityContext: { runAsUser: 12345, runAsGroup: 12345, runAsNonRoot: true },
        },
      },
      ingress: { enabled: true, host },
      proxy: { extraSANs: [host] },
    },
    exportKubeConfig: { context: name, server: `https://${host}` },
    integrations: { metricsServer: { enabled: true, nodes: true, pods: true } },
    policies: {
      resourceQuota: {
        enabled: true,
        quota: { 'cpu': '4', 'memory': '5Gi', 'limits.memory': '5Gi', 'pods': '15', 'requests.storage': '20Gi' },
      },
      limitRange: {
        enabled: true,
        default: { memory: '512Mi', cpu: '1' },
        defaultRequest: { memory: '128Mi', cpu: '100m' },
      },
    },
    sync: {
      toHost: { ingresses: { enabled: true } },
      fromHost: { storageClasses: { enabled: true }, ingressClasses: { enabled: true } },
    },
  };
}

/** `tenant-0042` for i = 42. */
function tenantName(i) {
  return `tenant-${String(i).padStart(4, '0')}`;
}

/**
 * Adds a tenant: a VCluster named NAME in namespace NAME, made from TutorialChart's props (or,
 * with `form: 'values'`, from the same scenario as raw vcluster.yaml values). With no chart
 * given it gets its own chart, like TutorialChart: `cdk8s synth` then writes NAME.k8s.yaml.
 */
function addTenant(app, name, { chart = new Chart(app, name), form = 'props' } = {}) {
  new VCluster(chart, name, form === 'values' ? { namespace: name, values: tutorialValues(name) } : tutorialProps(name));
  return chart;
}

/**
 * The layouts measured; each synthesizes N tenants into OUTDIR the way `cdk8s synth` does
 * (App.synth, one YAML file per chart) and returns when the files are written.
 *
 * - app-per-tenant: the example app's output layout (synthExample in main.ts): an App of its own
 *   per virtual cluster, writing OUTDIR/vclusters/NAME/NAME.k8s.yaml;
 * - chart-per-tenant: one App, one Chart (and file) per tenant: OUTDIR/NAME.k8s.yaml;
 * - fleet-app: the same with the library's FleetApp instead of cdk8s's App;
 * - one-chart: one App, one Chart (and file) for every tenant: OUTDIR/tenants.k8s.yaml.
 *
 * `build` is timed as "construct" (the VCluster constructors), `synth` as "synth".
 */
const LAYOUTS = {
  'app-per-tenant': {
    build: (outdir, n) => {
      const apps = [];
      for (let i = 1; i <= n; i++) {
        const name = tenantName(i);
        const app = new App({ outdir: path.join(outdir, 'vclusters', name) });
        addTenant(app, name);
        apps.push(app);
      }
      return apps;
    },
    synth: (apps) => apps.forEach((app) => app.synth()),
    files: (n) => n,
  },
  'chart-per-tenant': {
    build: (outdir, n) => {
      const app = new App({ outdir });
      for (let i = 1; i <= n; i++) addTenant(app, tenantName(i));
      return app;
    },
    synth: (app) => app.synth(),
    files: (n) => n,
  },
  'fleet-app': {
    build: (outdir, n) => {
      const app = new FleetApp({ outdir });
      for (let i = 1; i <= n; i++) addTenant(app, tenantName(i));
      return app;
    },
    synth: (app) => app.synth(),
    files: (n) => n,
  },
  'one-chart': {
    build: (outdir, n) => {
      const app = new App({ outdir });
      const chart = new Chart(app, 'tenants');
      for (let i = 1; i <= n; i++) addTenant(app, tenantName(i), { chart });
      return app;
    },
    synth: (app) => app.synth(),
    files: () => 1,
  },
};

module.exports = { tutorialProps, tutorialValues, tenantName, addTenant, LAYOUTS };
