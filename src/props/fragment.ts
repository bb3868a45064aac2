import { VClusterValues } from '../../imports/chart-versions';
import { isMap, ValueMap } from '../values/value-map';
import { mergeValueFiles } from '../values/coalesce';

/**
 * A vcluster.yaml fragment without the props that were not given. An undefined key must not
 * reach the pipeline: coalescing reads a missing user value as a `null`, which deletes the
 * chart's default. Maps left empty are dropped too, so an unset prop adds nothing at all.
 */
export function compact(map: ValueMap): ValueMap {
  const out: ValueMap = {};
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    if (isMap(v)) {
      const inner = compact(v);
      if (Object.keys(inner).length > 0) out[k] = inner;
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** The fragments of every concern as one vcluster.yaml: maps merge, later fragments win. */
export function mergeFragments(...fragments: VClusterValues[]): VClusterValues {
  return compact(mergeValueFiles(fragments.map(compact)));
}

/** A JSON value from a cdk8s-plus `toJson_Xxx` converter, as plain values. */
export function plainJson<T>(v: T): ValueMap {
  return JSON.parse(JSON.stringify(v));
}

/** A switch or its settings: `true`/`false` switch the feature, options switch it on with them. */
export function toggle<T extends object>(v: boolean | T | undefined, settings: (options: T) => ValueMap): ValueMap | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return { enabled: v };
  return { enabled: true, ...settings(v) };
}
