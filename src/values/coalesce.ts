import { clone, deepFreeze, isMap, ValueMap } from './value-map';

/**
 * Merges several user values files the way `helm -f a.yaml -f b.yaml` does: later files win,
 * maps merge recursively, everything else (lists included) is replaced. Nulls are kept, so that
 * coalescing with the chart defaults can delete the keys they name.
 */
export function mergeValueFiles(files: readonly ValueMap[]): ValueMap {
  let out: ValueMap = {};
  for (const f of files) out = mergeMaps(out, f);
  return out;
}

/** Helm's mergeMaps: a new map, OVER's maps merged into BASE's recursively, everything else replaced. */
export function mergeMaps(base: ValueMap, over: ValueMap): ValueMap {
  const out: ValueMap = { ...base };
  for (const k of Object.keys(over)) {
    const ov = over[k];
    const bv = out[k];
    out[k] = isMap(ov) && isMap(bv) ? mergeMaps(bv, ov) : ov;
  }
  return out;
}

/**
 * Coalesces user values with the chart's defaults exactly as Helm does: maps merge recursively,
 * lists and scalars from the user replace the default, and a user `null` deletes the default key.
 * The user's values are copied. The defaults are frozen (once) and shared: a subtree the user
 * leaves alone is the defaults' own, in every result, so a fleet holds one copy of them, and
 * anything that tried to change one would throw instead of changing every tenant.
 */
export function coalesceValues(defaults: ValueMap, user: ValueMap): ValueMap {
  deepFreeze(defaults);
  const out: ValueMap = {};
  for (const k of Object.keys(user)) out[k] = clone(user[k]);
  coalesceTable(out, defaults);
  return out;
}

function coalesceTable(dst: ValueMap, src: ValueMap): void {
  for (const k of Object.keys(src)) {
    const sv = src[k];
    // Own keys only: `in` would also find Object.prototype's (toString, valueOf).
    if (!Object.prototype.hasOwnProperty.call(dst, k)) {
      dst[k] = sv;
      continue;
    }
    const dv = dst[k];
    if (dv === null || dv === undefined) {
      delete dst[k];
    } else if (isMap(sv) && isMap(dv)) {
      coalesceTable(dv, sv);
    }
    // Otherwise the user's value stands, even where Helm would only warn (table vs. scalar).
  }
}

