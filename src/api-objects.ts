import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-31';
import { Construct } from 'constructs';
import { Manifest } from './render/context';
import { isMap, ValueMap } from './values/value-map';

/** A typed L1 class of cdk8s-plus-31: its constructor and its static `manifest` (props → JSON, no resolving). */
interface TypedKind {
  readonly create: (scope: Construct, id: string, props: any) => ApiObject;
  readonly manifest: (props: any) => any;
  /** Wraps the quantity and int-or-string fields as the L1 props want them. */
  readonly wrap?: (props: any) => any;
}

const quantity = (v: unknown) => (typeof v === 'number' ? k8s.Quantity.fromNumber(v) : k8s.Quantity.fromString(String(v)));
const intOrString = (v: unknown) => (typeof v === 'number' ? k8s.IntOrString.fromNumber(v) : k8s.IntOrString.fromString(String(v)));
const quantities = (m: unknown) => (isMap(m) ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, quantity(v)])) : m);

const typed = (cls: { new (scope: Construct, id: string, props: any): ApiObject; manifest(props: any): any }, wrap?: (props: any) => any): TypedKind => ({
  create: (s, id, p) => new cls(s, id, p),
  manifest: (p) => cls.manifest(p),
  wrap,
});

/**
 * The kinds made with the typed L1 classes of cdk8s-plus-31 (Kubernetes 1.31), and how their
 * quantity and int-or-string fields are wrapped for them. Workloads are not among them: they
 * carry user maps verbatim, which the L1 classes would filter by their schema.
 */
const TYPED: { [apiVersionKind: string]: TypedKind } = {
  'v1/ServiceAccount': typed(k8s.KubeServiceAccount),
  'v1/Secret': typed(k8s.KubeSecret),
  'rbac.authorization.k8s.io/v1/ClusterRole': typed(k8s.KubeClusterRole),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': typed(k8s.KubeClusterRoleBinding),
  'rbac.authorization.k8s.io/v1/Role': typed(k8s.KubeRole),
  'rbac.authorization.k8s.io/v1/RoleBinding': typed(k8s.KubeRoleBinding),
  'v1/ResourceQuota': typed(k8s.KubeResourceQuota, (p) => ({
    ...p,
    spec: p.spec && { ...p.spec, hard: quantities(p.spec.hard) },
  })),
  'v1/LimitRange': typed(k8s.KubeLimitRange, (p) => ({
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
  })),
  'v1/Service': typed(k8s.KubeService, (p) => ({
    ...p,
    spec: p.spec && {
      ...p.spec,
      ports: p.spec.ports?.map((port: ValueMap) => (port.targetPort === undefined ? port : { ...port, targetPort: intOrString(port.targetPort) })),
    },
  })),
};

/**
 * Turns a rendered manifest into a cdk8s ApiObject: an instance of the typed L1 class where
 * there is one for the kind and it carries every field through, a plain ApiObject otherwise.
 * The L1 classes silently drop fields their 1.31 schema does not know; where that would lose
 * anything the chart renders, the plain ApiObject keeps the manifest exactly.
 *
 * The check runs the L1 class's own props-to-JSON mapping (its static `manifest`) on the props
 * as `toJson` would hand them to it (tokens resolved, nulls dropped), without constructing or
 * resolving an object: this runs for every object of every virtual cluster.
 */
export function toApiObject(scope: Construct, id: string, manifest: Manifest): ApiObject {
  const { apiVersion, kind, ...props } = manifest;
  const kindOf = TYPED[`${apiVersion}/${kind}`];
  if (kindOf) {
    const typedProps = kindOf.wrap ? kindOf.wrap(props) : props;
    // Metadata is ApiObject's own in both cases (chart labels included); compare the rest.
    const { metadata: _typedMetadata, ...typedRest } = kindOf.manifest(sanitized({ ...typedProps, metadata: undefined }));
    const { metadata: _metadata, ...rest } = manifest;
    if (sameJson(typedRest, plainJson(rest))) return kindOf.create(scope, id, typedProps);
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

/**
 * The value as ApiObject.toJson hands it to an L1 class's mapping (resolved, then sanitized):
 * null and undefined map values dropped, null array items made undefined, and the
 * int-or-string and quantity wrappers replaced by `{ value }`, as cdk8s's
 * NumberStringUnionResolver does.
 */
function sanitized(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(sanitized);
  const proto: unknown = Object.getPrototypeOf(v);
  // Object.prototype of any realm (jest's vm contexts have their own), or no prototype at all.
  if (proto !== null && Object.getPrototypeOf(proto) !== null) {
    const value = (v as { value?: unknown }).value;
    if (typeof value === 'number' || typeof value === 'string') return { value };
    throw new Error(`cannot render a ${(v as object).constructor?.name ?? 'non-plain'} object`);
  }
  const out: ValueMap = {};
  for (const k of Object.keys(v)) {
    const x = sanitized((v as ValueMap)[k]);
    if (x !== undefined) out[k] = x;
  }
  return out;
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
