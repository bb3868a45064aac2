import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Manifest } from './render/context';

/**
 * Kubernetes's built-in cluster-scoped kinds (`kubectl api-resources --namespaced=false`, less the
 * review kinds that are only ever posted), as `group/Kind` (core kinds with an empty group).
 * Custom resources are not listed: their scope is in their CRD, which the library does not read.
 */
const CLUSTER_SCOPED = new Set([
  '/Namespace', '/Node', '/PersistentVolume', '/ComponentStatus',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration', 'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/MutatingAdmissionPolicy', 'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding',
  'apiextensions.k8s.io/CustomResourceDefinition', 'apiregistration.k8s.io/APIService',
  'certificates.k8s.io/CertificateSigningRequest', 'certificates.k8s.io/ClusterTrustBundle',
  'flowcontrol.apiserver.k8s.io/FlowSchema', 'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  'networking.k8s.io/IngressClass', 'networking.k8s.io/IPAddress', 'networking.k8s.io/ServiceCIDR',
  'node.k8s.io/RuntimeClass',
  'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/ClusterRoleBinding',
  'scheduling.k8s.io/PriorityClass',
  'storage.k8s.io/CSIDriver', 'storage.k8s.io/CSINode', 'storage.k8s.io/StorageClass', 'storage.k8s.io/VolumeAttachment',
  'storage.k8s.io/VolumeAttributesClass',
  'resource.k8s.io/DeviceClass', 'resource.k8s.io/ResourceSlice',
]);

/**
 * An ApiObject of a cluster-scoped kind: cdk8s gives every ApiObject its chart's namespace
 * (`metadata.namespace ?? chart.namespace`), which a cluster-scoped object must not carry (the
 * chart's output has none, and the API server refuses one on apply with some clients).
 */
class ClusterScopedApiObject extends ApiObject {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdk8s's ApiObject.toJson signature
  public toJson(): any {
    const json = super.toJson();
    delete json.metadata.namespace;
    return json;
  }
}

/**
 * Turns a rendered manifest into a cdk8s ApiObject: a plain one, for every kind.
 *
 * The typed L1 classes (cdk8s-plus-31's `k8s.Kube*`) would add nothing to the output: their
 * `toJson` maps the plain object through their Kubernetes 1.31 schema, which at best gives the
 * same JSON (the manifests are made to the chart's shape, and cdk8s sorts keys either way) and
 * otherwise drops fields the schema does not know, JSON patches of users included. Plain objects
 * skip that round trip at synth and keep cdk8s-plus-31, the largest module there is, unloaded.
 */
export function toApiObject(scope: Construct, id: string, manifest: Manifest): ApiObject {
  return isClusterScoped(manifest) ? new ClusterScopedApiObject(scope, id, manifest) : new ApiObject(scope, id, manifest);
}

/** Whether objects of this kind have no namespace (as far as the built-in kinds tell). */
export function isClusterScoped(manifest: Pick<Manifest, 'apiVersion' | 'kind'>): boolean {
  const slash = manifest.apiVersion.lastIndexOf('/');
  return CLUSTER_SCOPED.has(`${slash < 0 ? '' : manifest.apiVersion.slice(0, slash)}/${manifest.kind}`);
}
