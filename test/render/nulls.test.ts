import { Testing } from 'cdk8s';
import { ValuesError } from '../../src/values/errors';
import { ValueMap } from '../../src/values/value-map';
import { VCluster } from '../../src/vcluster';

// Every optional template of the chart rendered, so that each map the templates read is read.
const EVERYTHING_ON: ValueMap = {
  controlPlane: {
    ingress: { enabled: true }, serviceMonitor: { enabled: true }, tlsRoute: { enabled: true }, coredns: { embedded: false },
    backingStore: { etcd: { deploy: { enabled: true } } }, advanced: { podDisruptionBudget: { enabled: true } },
  },
  policies: { networkPolicy: { enabled: true }, resourceQuota: { enabled: true }, limitRange: { enabled: true } },
  sync: { fromHost: { nodes: { enabled: true } } },
};

/** `base` with `path` set to null: the values a user writes to delete the chart's map there. */
function withNull(base: ValueMap, path: string): ValueMap {
  const out = structuredClone(base);
  const keys = path.split('.');
  let at = out;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as ValueMap;
  at[keys[keys.length - 1]] = null;
  return out;
}

function refusal(values: ValueMap): ValuesError | undefined {
  try {
    void new VCluster(Testing.chart(), 'vc1', { values }).apiObjects;
    return undefined;
  } catch (e) {
    if (e instanceof ValuesError) return e;
    throw e;
  }
}

// Measured with helm v4.1.4 and chart 0.36.1 (`helm template vc1 <chart> -n vc1 -f values.yaml`, the values above with
// each map or list of the chart's defaults set to null in turn): where the chart merges a map (`merge dict A B`), Helm
// fails with "wrong type for value; expected map[string]interface {}; got interface {}"; where it reads a field of a map
// without a guard, with "nil pointer evaluating interface {}.<field>". Sections whose every setting is read are
// refused by chart-validation; these are the maps inside them.
const HELM_WRONG_TYPE = [
  'controlPlane.backingStore.etcd.deploy.statefulSet.annotations', 'controlPlane.backingStore.etcd.deploy.service.annotations',
  'controlPlane.backingStore.etcd.deploy.headlessService.annotations', 'controlPlane.service.annotations', 'controlPlane.ingress.annotations',
  'controlPlane.tlsRoute.annotations', 'controlPlane.statefulSet.annotations', 'controlPlane.serviceMonitor.annotations',
  'controlPlane.advanced.serviceAccount.annotations', 'controlPlane.advanced.workloadServiceAccount.annotations',
  'controlPlane.advanced.globalMetadata.annotations', 'policies.resourceQuota.annotations', 'policies.limitRange.annotations',
  'policies.networkPolicy.labels', 'policies.networkPolicy.annotations',
];
const HELM_NIL_POINTER: ReadonlyArray<readonly [string, string]> = [
  ['controlPlane.backingStore.etcd.deploy.statefulSet.image', 'registry'], ['controlPlane.backingStore.etcd.deploy.statefulSet.pods', 'annotations'],
  ['controlPlane.backingStore.etcd.deploy.statefulSet.highAvailability', 'replicas'],
  ['controlPlane.backingStore.etcd.deploy.statefulSet.scheduling', 'podManagementPolicy'],
  ['controlPlane.backingStore.etcd.deploy.statefulSet.security', 'podSecurityContext'],
  ['controlPlane.backingStore.etcd.deploy.statefulSet.persistence', 'volumeClaim'],
  ['controlPlane.backingStore.etcd.deploy.statefulSet.persistence.volumeClaim', 'retentionPolicy'],
  ['controlPlane.service.spec', 'ports'], ['controlPlane.ingress.spec', 'rules'], ['controlPlane.tlsRoute.spec', 'parentRefs'],
];
// Maps and lists helm v4.1.4 renders with a null (the templates test, `range` or `toYaml` them, which take nil).
const HELM_RENDERS = [
  'controlPlane.statefulSet.labels', 'controlPlane.statefulSet.env', 'controlPlane.statefulSet.args', 'controlPlane.statefulSet.pods.annotations',
  'controlPlane.statefulSet.scheduling.tolerations', 'controlPlane.service.labels', 'controlPlane.ingress.labels', 'controlPlane.ingress.spec.tls',
  'controlPlane.serviceMonitor.labels', 'controlPlane.distro.k8s.env', 'controlPlane.coredns.service.spec',
  'controlPlane.backingStore.etcd.deploy.statefulSet.env', 'controlPlane.backingStore.etcd.deploy.statefulSet.pods.labels',
];

describe('a null where the chart reads a map', () => {
  test.each(HELM_WRONG_TYPE)('fails as Helm fails when %s, a map the chart merges, is null', (path) => {
    const e = refusal(withNull(EVERYTHING_ON, path));
    expect(e?.path).toBe(path);
    expect(e?.message).toContain(`: ${path}: wrong type for value; expected map[string]interface {}; got interface {} (null). ` +
      'The chart merges it as a map, so Helm fails too. Set it to {} for none.');
  });

  test.each(HELM_NIL_POINTER)('fails as Helm fails when %s, a map the chart reads .%s of, is null', (path, field) => {
    const e = refusal(withNull(EVERYTHING_ON, path));
    expect(e?.path).toBe(path);
    expect(e?.message).toContain(
      `${path}: missing (null), but the chart reads ${path}.${field}, so Helm fails (nil pointer evaluating interface {}.${field}).`,
    );
  });

  test('fails as Helm fails when the headless service annotations are null (the headless service renders with the defaults)', () => {
    const path = 'controlPlane.advanced.headlessService.annotations';
    expect(refusal(withNull({}, path))?.path).toBe(path);
  });

  test.each(HELM_RENDERS)('renders, as Helm does, when %s is null', (path) => {
    expect(refusal(withNull(EVERYTHING_ON, path))).toBeUndefined();
  });

  test('renders a map the chart merges when its template is off, as Helm does', () => {
    expect(refusal(withNull({}, 'controlPlane.ingress.annotations'))).toBeUndefined();
  });
});
