import { ApiObject, App, Chart, JsonPatch, Testing, Yaml } from 'cdk8s';
import { k8s } from 'cdk8s-plus-31';
import { Construct } from 'constructs';
import { isDeepStrictEqual } from 'util';
import { TutorialChart } from '../main';
import { toApiObject } from '../src/api-objects';
import { isMap, ValueMap } from '../src/values/value-map';
import { VCluster } from '../src/vcluster';

const meta = { name: 'x', namespace: 'ns' };

describe('toApiObject', () => {
  test('makes a plain ApiObject that keeps every field, also those Kubernetes 1.31 does not know', () => {
    const chart = Testing.chart();
    const service = toApiObject(chart, 's', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta,
      spec: { ports: [{ port: 443 }], fieldFromAFutureRelease: true },
    });
    expect(service.constructor).toBe(ApiObject);
    expect(service.toJson()).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta,
      spec: { ports: [{ port: 443 }], fieldFromAFutureRelease: true },
    });
  });

  test('keeps fields that JSON patches add', () => {
    const chart = Testing.chart();
    const sa = toApiObject(chart, 'sa', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta });
    sa.addJsonPatch(JsonPatch.add('/fieldFromAFutureRelease', 1));
    expect(sa.toJson().fieldFromAFutureRelease).toBe(1);
  });
});

// The kinds the library used to render with cdk8s-plus-31's L1 classes, and how their quantity
// and int-or-string fields are wrapped for them.
const quantity = (v: unknown) => (typeof v === 'number' ? k8s.Quantity.fromNumber(v) : k8s.Quantity.fromString(String(v)));
const quantities = (m: unknown) => (isMap(m) ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, quantity(v)])) : m);
const L1: { [kind: string]: (scope: Construct, id: string, props: any) => ApiObject } = {
  Namespace: (s, id, p) => new k8s.KubeNamespace(s, id, p),
  ServiceAccount: (s, id, p) => new k8s.KubeServiceAccount(s, id, p),
  Secret: (s, id, p) => new k8s.KubeSecret(s, id, p),
  ClusterRole: (s, id, p) => new k8s.KubeClusterRole(s, id, p),
  ClusterRoleBinding: (s, id, p) => new k8s.KubeClusterRoleBinding(s, id, p),
  Role: (s, id, p) => new k8s.KubeRole(s, id, p),
  RoleBinding: (s, id, p) => new k8s.KubeRoleBinding(s, id, p),
  ResourceQuota: (s, id, p) => new k8s.KubeResourceQuota(s, id, { ...p, spec: { ...p.spec, hard: quantities(p.spec.hard) } }),
  LimitRange: (s, id, p) =>
    new k8s.KubeLimitRange(s, id, {
      ...p,
      spec: {
        ...p.spec,
        limits: p.spec.limits.map((l: ValueMap) => ({ ...l, default: quantities(l.default), defaultRequest: quantities(l.defaultRequest) })),
      },
    }),
  Service: (s, id, p) =>
    new k8s.KubeService(s, id, {
      ...p,
      spec: {
        ...p.spec,
        ports: p.spec.ports.map((port: ValueMap) => ({
          ...port,
          targetPort:
            typeof port.targetPort === 'number' ? k8s.IntOrString.fromNumber(port.targetPort) : k8s.IntOrString.fromString(port.targetPort as string),
        })),
      },
    }),
};

describe('plain objects', () => {
  // The L1 classes were used where they carried every field through; the plain objects must then
  // give the same bytes (key order included), so that output did not change with them.
  test('render byte for byte as the L1 classes of cdk8s-plus-31 where those carry every field', () => {
    const app = new App();
    const tutorial = new TutorialChart(app, 'vc1');
    const vcluster = tutorial.node.findChild('vc1') as VCluster;
    const reference = new Chart(new App(), 'reference');
    const compared: string[] = [];
    for (const object of vcluster.apiObjects) {
      const { apiVersion: _apiVersion, kind, ...props } = object.toJson();
      const make = L1[kind];
      if (!make) continue;
      const typed = make(reference, object.node.id, props).toJson();
      // Fields the 1.31 schema drops (clusterIP: None, as props `clusterIp`) kept objects plain before too.
      if (!isDeepStrictEqual(typed, object.toJson())) continue;
      expect(Yaml.stringify(object.toJson())).toBe(Yaml.stringify(typed));
      compared.push(kind);
    }
    expect(new Set(compared)).toEqual(new Set(Object.keys(L1)));
  });
});
