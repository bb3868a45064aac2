import type * as Cdk8sPlus from 'cdk8s-plus-31';

/**
 * cdk8s-plus-31, loaded when first needed. It is one module of typed Kubernetes classes, about a
 * tenth of a second to load, and only props holding typed Kubernetes structs (volumes,
 * tolerations, selectors, security contexts, ...) need its converters: an app on another
 * cdk8s-plus version, or with none of those props, never loads it.
 */
export function cdk8sPlus(): typeof Cdk8sPlus {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return require('cdk8s-plus-31');
}
