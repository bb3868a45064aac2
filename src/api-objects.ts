import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-31';
import { Construct } from 'constructs';
import { Manifest } from './render/context';
import { isMap, ValueMap } from './render/go-template';

type Factory = (scope: Construct, id: string, props: any) => ApiObject;

const quantity = (v: unknown) => (typeof v === 'number' ? k8s.Quantity.fromNumber(v) : k8s.Quantity.fromString(String(v)));
const intOrString = (v: unknown) => (typeof v === 'number' ? k8s.IntOrString.fromNumber(v) : k8s.IntOrString.fromString(String(v)));
const quantities = (m: unknown) => (isMap(m) ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, quantity(v)])) : m);

/**
 * The kinds made with the typed L1 classes of cdk8s-plus-31 (Kubernetes 1.31), and how their
 * quantity and int-or-string fields are wrapped for them. Workloads are not among them: they
 * carry user maps verbatim, which the L1 classes would filter by their schema.
 */
const TYPED: { [apiVersionKind: string]: Factory } = {
  'v1/ServiceAccount': (s, id, p) => new k8s.KubeServiceAccount(s, id, p),
  'v1/Secret': (s, id, p) => new k8s.KubeSecret(s, id, p),
  'rbac.authorization.k8s.io/v1/ClusterRole': (s, id, p) => new k8s.KubeClusterRole(s, id, p),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': (s, id, p) => new k8s.KubeClusterRoleBinding(s, id, p),
  'rbac.authorization.k8s.io/v1/Role': (s, id, p) => new k8s.KubeRole(s, id, p),
  'rbac.authorization.k8s.io/v1/RoleBinding': (s, id, p) => new k8s.KubeRoleBinding(s, id, p),
  'v1/ResourceQuota': (s, id, p) => new k8s.KubeResourceQuota(s, id, {
    ...p,
    spec: p.spec && { ...p.spec, hard: quantities(p.spec.hard) },
  }),
  'v1/LimitRange': (s, id, p) => new k8s.KubeLimitRange(s, id, {
    ...p,
    spec: p.spec && {
      ...p.spec,
      limits: p.spec.limits?.map((l: ValueMap) => ({
        ...l,
        default: quantities(l.default),
        defaultRequest: quantities(l.defaultRequest),
        max: quantities(l.max),
        min: quantities(l.min),
        maxLimitRequestRatio: quantities(l.maxLimitRequestRatio),
      })),
    },
  }),
  'v1/Service': (s, id, p) => new k8s.KubeService(s, id, {
    ...p,
    spec: p.spec && {
      ...p.spec,
      ports: p.spec.ports?.map((port: ValueMap) => (port.targetPort === undefined ? port : { ...port, targetPort: intOrString(port.targetPort) })),
    },
  }),
};

/**
 * Turns a rendered manifest into a cdk8s ApiObject: an instance of the typed L1 class where
 * there is one for the kind and it carries every field through, a plain ApiObject otherwise.
 * The L1 classes silently drop fields their 1.31 schema does not know; where that would lose
 * anything the chart renders, the plain ApiObject keeps the manifest exactly.
 */
export function toApiObject(scope: Construct, id: string, manifest: Manifest): ApiObject {
  const { apiVersion, kind, ...props } = manifest;
  const factory = TYPED[`${apiVersion}/${kind}`];
  if (factory) {
    const typed = factory(scope, id, props);
    // Metadata is ApiObject's own in both cases (chart labels included); compare the rest.
    const { metadata: _typedMetadata, ...typedRest } = typed.toJson();
    const { metadata: _metadata, ...rest } = manifest;
    if (sameJson(typedRest, plainJson(rest))) return typed;
    scope.node.tryRemoveChild(id);
  }
  return new ApiObject(scope, id, { ...props, apiVersion, kind });
}

/** The manifest as ApiObject.toJson would give it: without null or undefined values. */
function plainJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainJson);
  if (isMap(v)) {
    const out: ValueMap = {};
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x !== null && x !== undefined) out[k] = plainJson(x);
    }
    return out;
  }
  return v;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}
