import { cdk8sPlus } from '../cdk8s-plus';
import { KUBERNETES_RELEASE } from '../distro';
import { ValueMap } from '../../values/value-map';
import { object } from './candidate';
import { at, bool, enumLeaf, image, resources, str, strList, structLeaf } from './candidates';

const isRelease = (v: unknown): v is string => typeof v === 'string' && KUBERNETES_RELEASE.test(v);

/** The image tag as `kubernetesVersion` writes it: a release with its "v". */
export function decodeKubernetesVersion(u: ValueMap) {
  const tag = at(u, 'controlPlane', 'distro', 'k8s', 'image', 'tag');
  return isRelease(tag) && tag.startsWith('v') ? str(tag) : undefined;
}

export function decodeDistro(d: unknown) {
  const component = (c: unknown) => object({ enabled: bool(at(c, 'enabled')), extraArgs: strList(at(c, 'extraArgs')) });
  const version = at(d, 'version');
  return object({
    // Left out again where `kubernetesVersion` writes it.
    enabled: bool(at(d, 'enabled')),
    version: isRelease(version) ? str(version) : undefined,
    image: image(at(d, 'image')),
    imagePullPolicy: enumLeaf(cdk8sPlus().ImagePullPolicy, 'ImagePullPolicy', at(d, 'imagePullPolicy')),
    resources: resources(at(d, 'resources')),
    securityContext: structLeaf(at(d, 'securityContext'), cdk8sPlus().k8s.toJson_SecurityContext),
    apiServer: component(at(d, 'apiServer')),
    controllerManager: component(at(d, 'controllerManager')),
    scheduler: component(at(d, 'scheduler')),
  });
}
