import { Image as ImageValues } from '../../imports/chart-versions';
import { checkNonEmpty, fail } from './validation';

/**
 * A container image as vcluster.yaml names one. Each part left out keeps the chart's value for
 * that image, so `{ tag: 'v1.32.1' }` changes only the tag.
 */
export interface Image {
  /**
   * The registry, e.g. "ghcr.io" or "harbor.example.com/proxy".
   * @default - the chart's registry for this image
   */
  readonly registry?: string;

  /**
   * The repository within the registry, e.g. "loft-sh/kubernetes".
   * @default - the chart's repository for this image
   */
  readonly repository?: string;

  /**
   * The tag, e.g. "v1.32.1".
   * @default - the chart's tag for this image
   */
  readonly tag?: string;
}

/** The image as `{registry, repository, tag}` values. */
export function imageValues(prop: string, image: Image | undefined): ImageValues | undefined {
  if (image === undefined) return undefined;
  if (image.registry !== undefined) checkRegistry(`${prop}.registry`, image.registry);
  if (image.repository !== undefined) {
    checkNonEmpty(`${prop}.repository`, image.repository, 'give the repository path, e.g. "loft-sh/kubernetes".');
    if (/[:@]/.test(image.repository)) fail(`${prop}.repository`, image.repository, 'give the tag in tag, not in the repository.');
  }
  if (image.tag !== undefined && !/^[\w][\w.-]{0,127}$/.test(image.tag)) {
    fail(`${prop}.tag`, image.tag, 'must be an image tag such as "v1.32.1" (letters, digits, ".", "-", "_").');
  }
  return { registry: image.registry, repository: image.repository, tag: image.tag };
}

/** A registry is written before the repository: a scheme or a trailing slash would break the image name. */
export function checkRegistry(prop: string, registry: string): void {
  checkNonEmpty(prop, registry, 'give the registry host, e.g. "registry.example.com".');
  if (registry.includes('://') || registry.endsWith('/')) {
    fail(prop, registry, 'give the registry as host[:port][/path], without a scheme or trailing slash, e.g. "registry.example.com".');
  }
}

/** `controlPlane.advanced.defaultImageRegistry`: the registry every image is pulled from. */
/** The `controlPlane.advanced.defaultImageRegistry` value, checked. */
export function defaultImageRegistry(registry: string): string {
  checkRegistry('defaultImageRegistry', registry);
  return registry;
}
