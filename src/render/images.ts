import { RenderContext } from './context';
import { printed } from './go-template';
import { truthy } from '../values/go-values';
import { Value } from '../values/value-map';

/** The arguments of `vcluster.image`. */
export interface ImageParts {
  readonly defaultImageRegistry?: Value;
  readonly registry?: Value;
  readonly repository?: Value;
  readonly tag?: Value;
}

/**
 * `vcluster.image`: `registry/repository:tag`, where the global default registry replaces the
 * image's own one, and no registry at all means Docker Hub.
 */
export function imageName(parts: ImageParts): string {
  const name = `${printed(parts.repository)}:${printed(parts.tag)}`;
  if (truthy(parts.defaultImageRegistry)) return `${printed(parts.defaultImageRegistry)}/${name}`;
  if (truthy(parts.registry)) return `${printed(parts.registry)}/${name}`;
  return name;
}

/** `vcluster.controlPlane.image`: the syncer image, tagged with the chart version unless a tag is set. */
export function controlPlaneImage(ctx: RenderContext): string {
  const image = ctx.values.controlPlane?.statefulSet?.image ?? {};
  return imageName({
    defaultImageRegistry: ctx.values.controlPlane?.advanced?.defaultImageRegistry,
    registry: image.registry,
    repository: image.repository,
    tag: truthy(image.tag) ? image.tag : ctx.chartVersion,
  });
}
