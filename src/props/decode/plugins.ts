import { cdk8sPlus } from '../cdk8s-plus';
import { isMap } from '../../values/value-map';
import { Candidate, leaf, object } from './candidate';
import { at, enumLeaf, resources, str, strList, structLeaf, structList } from './candidates';
import { literal } from './expr';

function plugin(p: unknown): Candidate | undefined {
  const k = cdk8sPlus().k8s;
  const rules = (v: unknown) => object({ extraRules: structList(at(v, 'extraRules'), k.toJson_PolicyRule) });
  const config = at(p, 'config');
  return object({
    image: str(at(p, 'image')),
    name: str(at(p, 'name')),
    imagePullPolicy: enumLeaf(cdk8sPlus().ImagePullPolicy, 'ImagePullPolicy', at(p, 'imagePullPolicy')),
    command: strList(at(p, 'command')),
    args: strList(at(p, 'args')),
    securityContext: structLeaf(at(p, 'securityContext'), k.toJson_SecurityContext),
    resources: resources(at(p, 'resources')),
    volumeMounts: structList(at(p, 'volumeMounts'), k.toJson_VolumeMount),
    rbac: object({ role: rules(at(p, 'rbac', 'role')), clusterRole: rules(at(p, 'rbac', 'clusterRole')) }),
    config: isMap(config) && Object.keys(config).length > 0 ? leaf(literal(config)) : undefined,
  }, { required: ['image'] });
}

export function decodePlugins(plugins: unknown) {
  if (!isMap(plugins)) return undefined;
  return object(Object.fromEntries(Object.entries(plugins).map(([name, p]) => [name, plugin(p)])));
}
