import { objectMetadata, RenderContext, RenderedObject } from './context';
import { concatLists } from './go-template';
import { goString, truthy } from '../values/go-values';
import { clone, ValueMap } from '../values/value-map';

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
      metadata: serviceAccountMetadata(ctx, sa, SA_PATH, `vc-${ctx.release.name}`),
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
  // Sprig `concat` fails on anything but lists, a missing one included.
  const pullSecrets = concatLists(
    [[advanced.serviceAccount?.imagePullSecrets, `${SA_PATH}.imagePullSecrets`], [sa.imagePullSecrets, `${WORKLOAD_SA_PATH}.imagePullSecrets`]],
    { expected: 'a list of image pull secrets (e.g. [{name: my-secret}])' },
  );
  return [{
    id: 'WorkloadServiceAccount',
    manifest: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: serviceAccountMetadata(ctx, sa, WORKLOAD_SA_PATH, `vc-workload-${ctx.release.name}`),
      ...(pullSecrets.length > 0 ? { imagePullSecrets: pullSecrets } : {}),
    },
  }];
}

/** The name is quoted in the chart, so always a string; the account's own annotations win over the global ones. */
function serviceAccountMetadata(ctx: RenderContext, sa: ValueMap, path: string, defaultName: string): ValueMap & { name: string } {
  const name = truthy(sa.name) ? goString(sa.name) : defaultName;
  return objectMetadata(ctx, { name, section: sa, path, annotationsFirst: 'own' });
}
