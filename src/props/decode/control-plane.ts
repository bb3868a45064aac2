import { cdk8sPlus } from '../cdk8s-plus';
import { object } from './candidate';
import { at, bool, isString, namedList, num, Shape, str, strList, strMap, structList, toggle, volumeClaim, workload } from './candidates';

/** A list the chart's default (none) leaves empty: an empty one says nothing and stays out. */
const nonEmpty = <T>(v: unknown, decode: (v: unknown) => T): T | undefined => (Array.isArray(v) && v.length > 0 ? decode(v) : undefined);

export function decodeControlPlane(ss: unknown) {
  return object({
    replicas: num(at(ss, 'highAvailability', 'replicas')),
    persistence: volumeClaim(at(ss, 'persistence', 'volumeClaim')),
    ...workload(ss),
    dataVolume: nonEmpty(at(ss, 'persistence', 'dataVolume'), (v) => structList(v, cdk8sPlus().k8s.toJson_Volume)),
    volumes: structList(at(ss, 'persistence', 'addVolumes'), cdk8sPlus().k8s.toJson_Volume),
    volumeMounts: structList(at(ss, 'persistence', 'addVolumeMounts'), cdk8sPlus().k8s.toJson_VolumeMount),
    env: nonEmpty(at(ss, 'env'), (v) => structList(v, cdk8sPlus().k8s.toJson_EnvVar)),
    command: nonEmpty(at(ss, 'command'), (v) => strList(v)),
    args: nonEmpty(at(ss, 'args'), (v) => strList(v)),
  });
}

/** A `serviceAccount` or `workloadServiceAccount` section but for its image pull secrets (the imagePullSecrets prop's). */
export const decodeServiceAccount = (sa: unknown) => object({
  enabled: bool(at(sa, 'enabled')),
  name: str(at(sa, 'name')),
  labels: strMap(at(sa, 'labels')),
  annotations: strMap(at(sa, 'annotations')),
});

export const decodeHostPathMapper = (h: unknown) => toggle(h, (v) => ({ central: bool(v.central) }));

export const decodeKubeVip = (k: unknown) => toggle(k, (v) => ({ interface: str(v.interface), gateway: str(v.gateway) }));

/** A parent ref with the Gateway API fields the prop types. */
const PARENT_REF: Shape = {
  name: isString, namespace: isString, sectionName: isString, port: (v) => typeof v === 'number', group: isString, kind: isString,
};

export const decodeTlsRoute = (r: unknown) => (at(r, 'enabled') === true ? object({
  host: str(at(r, 'host')),
  parentRefs: namedList(at(r, 'parentRefs'), PARENT_REF),
  apiVersion: str(at(r, 'apiVersion')),
  annotations: strMap(at(r, 'annotations')),
  labels: strMap(at(r, 'labels')),
}, { required: ['host', 'parentRefs'] }) : undefined);
