'use strict';
// The benchmark's workload: the tutorial's final scenario (the values of TutorialChart in
// main.ts), once per tenant, each tenant with its own name, namespace and host names.
// Plain JS over the BUILT library (lib/), as an app using the published package would run it.

const { Chart } = require('cdk8s');
const { VCluster } = require('../lib/src');

/** The values of main.ts's TutorialChart, with `vc1` replaced by the tenant's name. */
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
 * Adds a tenant: a VCluster named NAME in namespace NAME. With no chart given it gets its own
 * chart, like TutorialChart (`cdk8s synth` then writes one file per tenant, NAME.k8s.yaml);
 * else it goes into that chart.
 */
function addTenant(app, name, chart = new Chart(app, name)) {
  new VCluster(chart, name, { namespace: name, values: tutorialValues(name) });
  return chart;
}

/**
 * The layouts measured. chart-per-tenant is the tutorial's app repeated: one Chart (and output
 * file) per tenant. one-chart puts every tenant into one Chart (one output file).
 */
const LAYOUTS = {
  'chart-per-tenant': (app, n) => {
    for (let i = 1; i <= n; i++) addTenant(app, tenantName(i));
  },
  'one-chart': (app, n) => {
    const chart = new Chart(app, 'tenants');
    for (let i = 1; i <= n; i++) addTenant(app, tenantName(i), chart);
  },
};

module.exports = { tutorialValues, tenantName, addTenant, LAYOUTS };
