import { cdk8sPlus } from '../cdk8s-plus';
import { object } from './candidate';
import { at, bool, enumLeaf, num, resources, scheduling, str, strMap } from './candidates';

export function decodeCoredns(c: unknown) {
  const d = at(c, 'deployment');
  const s = at(c, 'service');
  const pick = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, at(d, k)]).filter(([, v]) => v !== undefined));
  return object({
    enabled: bool(at(c, 'enabled')),
    embedded: bool(at(c, 'embedded')),
    replicas: num(at(d, 'replicas')),
    image: str(at(d, 'image')),
    resources: resources(at(d, 'resources')),
    // The Deployment's placement and the section's own priorityClassName, as the prop gathers them.
    scheduling: scheduling({
      ...pick(['nodeSelector', 'tolerations', 'affinity', 'topologySpreadConstraints']),
      priorityClassName: at(c, 'priorityClassName'),
    }),
    labels: strMap(at(d, 'labels')),
    annotations: strMap(at(d, 'annotations')),
    podLabels: strMap(at(d, 'pods', 'labels')),
    podAnnotations: strMap(at(d, 'pods', 'annotations')),
    service: object({
      type: enumLeaf(cdk8sPlus().ServiceType, 'ServiceType', at(s, 'spec', 'type')),
      annotations: strMap(at(s, 'annotations')),
      labels: strMap(at(s, 'labels')),
    }),
    overwriteConfig: str(at(c, 'overwriteConfig')),
    overwriteManifests: str(at(c, 'overwriteManifests')),
  });
}
