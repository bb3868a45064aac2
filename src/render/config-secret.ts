import { RenderContext, RenderedObject, standardLabels } from './context';
import { syncerSecurityContext } from './control-plane';
import { truthy } from '../values/go-values';
import { clone, isMap, ValueMap } from '../values/value-map';
import { configSecretData } from '../yaml/vcluster-config-yaml';

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
      data: configData(configValues(ctx.values)),
    },
  }];
}

/**
 * `data` with `config.yaml` made each time it is read. The text is some 20 KB per virtual
 * cluster, kept from the render until synth writes it, while the values it is made from are
 * kept anyway (mostly the chart defaults, shared) and are frozen once rendered, so every read
 * gives the same text. Entry texts are reused across reads and renders (see helm-yaml's entryText).
 */
function configData(values: ValueMap): ValueMap {
  const data: ValueMap = {};
  Object.defineProperty(data, 'config.yaml', { enumerable: true, get: () => configSecretData(values) });
  return data;
}

/**
 * The values as the chart writes them into the Secret. Helm renders this template after the
 * control plane's, whose kube-vip branch adds NET_ADMIN and NET_RAW to the container security
 * context in place, so the Secret carries them too (the config hash, taken earlier, does not).
 */
function configValues(values: ValueMap): ValueMap {
  const security = values.controlPlane?.statefulSet?.security;
  if (!truthy(values.controlPlane?.advanced?.kubeVip?.enabled) || !isMap(security?.containerSecurityContext)) return values;
  const sts = values.controlPlane.statefulSet;
  return {
    ...values,
    controlPlane: {
      ...values.controlPlane,
      statefulSet: { ...sts, security: { ...security, containerSecurityContext: syncerSecurityContext(values) } },
    },
  };
}
