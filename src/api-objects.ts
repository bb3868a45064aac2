import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Manifest } from './render/context';

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
  return new ApiObject(scope, id, manifest);
}
