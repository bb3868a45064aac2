import { RenderContext } from './context';
import { plain, printed } from './go-template';
import { truthy } from '../values/go-values';
import { clone, ValueMap } from '../values/value-map';
import { imageName } from './images';
import { pluginInitContainers } from './plugins';

/**
 * `vcluster.k8s.image.tag`: `distro.k8s.version` overrides the image tag; private nodes use the
 * `-full` variant of the image.
 */
export function k8sImageTag(values: ValueMap): string {
  const k8s = values.controlPlane?.distro?.k8s ?? {};
  const tag = printed(truthy(k8s.version) ? k8s.version : k8s.image?.tag);
  return truthy(values.privateNodes?.enabled) ? `${tag}-full` : tag;
}

/**
 * `vcluster.k8s.initContainers`: plugin copiers, then the container that copies the Kubernetes
 * binaries into the shared `binaries` volume, then the user's own init containers.
 */
export function k8sInitContainers(ctx: RenderContext): ValueMap[] {
  const values = ctx.values;
  const k8s = values.controlPlane?.distro?.k8s ?? {};
  const kubernetes: ValueMap = {
    name: 'kubernetes',
    image: imageName({
      defaultImageRegistry: values.controlPlane?.advanced?.defaultImageRegistry,
      registry: k8s.image?.registry,
      repository: k8s.image?.repository,
      tag: k8sImageTag(values),
    }),
    volumeMounts: [{ mountPath: '/binaries', name: 'binaries' }],
    command: ['cp'],
    args: ['-r', '/kubernetes/.', '/binaries/'],
  };
  if (truthy(k8s.imagePullPolicy)) kubernetes.imagePullPolicy = plain(k8s.imagePullPolicy);
  kubernetes.securityContext = clone(k8s.securityContext);
  kubernetes.resources = clone(k8s.resources);
  const extra = values.controlPlane?.statefulSet?.initContainers;
  return [...pluginInitContainers(values), kubernetes, ...(truthy(extra) ? clone(extra as ValueMap[]) : [])];
}
