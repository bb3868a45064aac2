import { App, Chart } from 'cdk8s';
import { ConfigSecret } from '../secrets/config-secret';
import { findCredentials } from '../secrets/credentials';
import { VCluster } from '../vcluster';
import { ValueMap } from '../render/go-template';
import { mergeValueFiles } from '../values/coalesce';

/** What `cdk8s-vcluster template` renders. */
export interface TemplateOptions {
  readonly name: string;
  readonly namespace: string;
  readonly kubeVersion?: string;
  readonly values: readonly ValueMap[];
}

/** The manifest stream, and a warning per credential it holds in clear. */
export interface TemplateOutput {
  readonly manifests: string;
  readonly warnings: readonly string[];
}

/**
 * Renders the manifest stream the way `helm template` prints it, through the same construct
 * that cdk8s apps use. Like helm, it keeps the credentials in the config Secret; unlike helm, it
 * says so.
 */
export function renderTemplate(options: TemplateOptions): TemplateOutput {
  const app = new App();
  const chart = new Chart(app, 'template');
  const vc = new VCluster(chart, options.name, {
    name: options.name,
    namespace: options.namespace,
    kubeVersion: options.kubeVersion,
    // helm template prints no Namespace either.
    createNamespace: false,
    configSecret: ConfigSecret.plaintextInGit(),
    values: mergeValueFiles(options.values),
  });
  const warnings = findCredentials(vc.values).map((c) => `${c.path}: ${c.what}, in clear in the output (the config Secret vc-config-${options.name} is base64 only)`);
  return { manifests: app.synthYaml(), warnings };
}
