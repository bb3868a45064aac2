import { parse } from 'yaml';
import { volumeClaimEnabled } from './backing-store';
import { RenderContext } from './context';
import { clone, goString, plain, truthy, Value, ValueMap } from './go-template';
import { ValuesError } from '../values/errors';

/**
 * `vcluster.persistence` (`_persistence.tpl`): the control plane StatefulSet's volume claim
 * templates. The user's own templates replace the chart's `data` claim; without either, none.
 */
export function volumeClaimTemplates(ctx: RenderContext): ValueMap[] | undefined {
  const persistence = ctx.values.controlPlane?.statefulSet?.persistence ?? {};
  if (truthy(persistence.volumeClaimTemplates)) return clone(persistence.volumeClaimTemplates);
  if (!volumeClaimEnabled(ctx)) return undefined;
  const claim = persistence.volumeClaim ?? {};
  const spec: ValueMap = {
    accessModes: printedFlow(claim.accessModes, 'controlPlane.statefulSet.persistence.volumeClaim.accessModes'),
  };
  if (truthy(claim.storageClass)) spec.storageClassName = plain(claim.storageClass);
  spec.resources = { requests: { storage: plain(claim.size) } };
  return [{ metadata: { name: 'data' }, spec }];
}

/**
 * `key: {{ list }}`: Go prints a list as `[a b]`, which YAML reads as a flow sequence. So
 * `[ReadWriteOnce]` stays a list of one, but two modes become one item "ReadWriteOnce ReadOnlyMany",
 * as they do with Helm.
 */
function printedFlow(v: Value, path: string): Value {
  if (!Array.isArray(v)) return plain(v);
  const text = goString(v);
  try {
    return parse(text, { version: '1.1' });
  } catch (e) {
    throw new ValuesError(path, `${path}: the chart prints ${JSON.stringify(text)} here, which is not valid YAML (${(e as Error).message}). Use plain access mode names such as ReadWriteOnce.`);
  }
}
