import { ApiObject, Yaml } from 'cdk8s';
import { IConstruct } from 'constructs';
import { VClusterValues } from '../../imports/chart-versions';
import { fail } from './validation';

/**
 * `experimental.deploy.vcluster.manifests`: the Kubernetes objects under the given constructs
 * (a cdk8s Chart of workloads, say), as the YAML stream the vCluster applies inside the virtual
 * cluster when it starts, as the constructs are when the VCluster renders.
 */
export function initManifestsValues(scopes: readonly IConstruct[] | undefined): VClusterValues {
  if (scopes === undefined || scopes.length === 0) return {};
  const objects = scopes.flatMap((scope) => scope.node.findAll().filter(ApiObject.isApiObject)).map((o) => o.toJson());
  if (objects.length === 0) {
    fail('initManifests', scopes.map((s) => s.node.path), 'expected constructs that contain Kubernetes objects, such as a Chart of ' +
      'workloads; these contain none.');
  }
  return { experimental: { deploy: { vcluster: { manifests: Yaml.stringify(...objects) } } } };
}
