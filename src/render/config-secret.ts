import { RenderContext, RenderedObject, standardLabels } from './context';
import { clone, truthy } from './go-template';
import { configSecretData } from '../values/helm-yaml';

/** `config-secret.yaml`: the full values, which the vCluster reads at start-up. */
export function renderConfigSecret(ctx: RenderContext): RenderedObject[] {
  const annotations = ctx.values.controlPlane?.advanced?.globalMetadata?.annotations;
  return [{
    id: 'ConfigSecret',
    manifest: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: `vc-config-${ctx.release.name}`,
        namespace: ctx.release.namespace,
        labels: standardLabels(ctx),
        ...(truthy(annotations) ? { annotations: clone(annotations) } : {}),
      },
      type: 'Opaque',
      data: { 'config.yaml': configSecretData(ctx.values) },
    },
  }];
}
