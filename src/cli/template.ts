import { App, Chart } from 'cdk8s';
import { VCluster } from '../vcluster';
import { ValueMap } from '../values/value-map';
import { mergeValueFiles } from '../values/coalesce';

/** What `cdk8s-vcluster template` renders. */
export interface TemplateOptions {
  readonly name: string;
  readonly namespace: string;
  readonly kubeVersion?: string;
  readonly values: readonly ValueMap[];
}

/**
 * Renders the manifest stream the way `helm template` prints it, through the same construct
 * that cdk8s apps use.
 */
export function renderTemplate(options: TemplateOptions): string {
  const app = new App();
  const chart = new Chart(app, 'template');
  new VCluster(chart, options.name, {
    name: options.name,
    namespace: options.namespace,
    kubeVersion: options.kubeVersion,
    // helm template prints no Namespace either.
    createNamespace: false,
    values: mergeValueFiles(options.values),
  });
  return app.synthYaml();
}
