import { RenderContext, RenderedObject, standardLabels } from './context';
import { clone, goString, mergeMaps, truthy, Value, ValueMap } from './go-template';
import { ValuesError } from '../values/errors';

const SA_PATH = 'controlPlane.advanced.serviceAccount';
const WORKLOAD_SA_PATH = 'controlPlane.advanced.workloadServiceAccount';

/** `serviceaccount.yaml`: the identity the control plane runs as. */
export function renderServiceAccount(ctx: RenderContext): RenderedObject[] {
  const sa = ctx.values.controlPlane?.advanced?.serviceAccount ?? {};
  if (!truthy(sa.enabled)) return [];
  return [{
    id: 'ServiceAccount',
    manifest: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: serviceAccountMetadata(ctx, sa, `vc-${ctx.release.name}`),
      ...(truthy(sa.imagePullSecrets) ? { imagePullSecrets: clone(sa.imagePullSecrets) } : {}),
    },
  }];
}

/**
 * `workload-serviceaccount.yaml`: the identity of the synced workload pods. They pull images
 * with the control plane's pull secrets too.
 */
export function renderWorkloadServiceAccount(ctx: RenderContext): RenderedObject[] {
  const advanced = ctx.values.controlPlane?.advanced ?? {};
  const sa = advanced.workloadServiceAccount ?? {};
  if (!truthy(sa.enabled)) return [];
  const pullSecrets = [
    ...listOf(advanced.serviceAccount?.imagePullSecrets, `${SA_PATH}.imagePullSecrets`),
    ...listOf(sa.imagePullSecrets, `${WORKLOAD_SA_PATH}.imagePullSecrets`),
  ];
  return [{
    id: 'WorkloadServiceAccount',
    manifest: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: serviceAccountMetadata(ctx, sa, `vc-workload-${ctx.release.name}`),
      ...(pullSecrets.length > 0 ? { imagePullSecrets: clone(pullSecrets) } : {}),
    },
  }];
}

/** Name (quoted in the chart, so always a string), user labels after the standard ones, merged annotations. */
function serviceAccountMetadata(ctx: RenderContext, sa: ValueMap, defaultName: string): ValueMap & { name: string } {
  const annotations = mergeMaps(sa.annotations, ctx.values.controlPlane?.advanced?.globalMetadata?.annotations);
  return {
    name: truthy(sa.name) ? goString(sa.name) : defaultName,
    namespace: ctx.release.namespace,
    labels: { ...standardLabels(ctx), ...(truthy(sa.labels) ? clone(sa.labels) : {}) },
    ...(truthy(annotations) ? { annotations } : {}),
  };
}

/** Sprig `concat` only takes lists: the chart fails on anything else, a missing list included. */
function listOf(v: Value, path: string): Value[] {
  if (Array.isArray(v)) return v;
  throw new ValuesError(path, `${path}: expected a list of image pull secrets (e.g. [{name: my-secret}]), got ${v === undefined ? 'nothing' : JSON.stringify(v)}. Set it to a list, or to [] for none.`);
}
