import { isDeepStrictEqual } from 'node:util';
import { isMap, ValueMap } from '../values/value-map';

/** Where a path leads in a values tree: to a value, to nothing, or into a scalar or list on the way. */
type Lookup = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly blocked: boolean };

function lookup(tree: unknown, path: readonly string[]): Lookup {
  let o = tree;
  for (const k of path) {
    if (!isMap(o)) return { found: false, blocked: true };
    if (!(k in o)) return { found: false, blocked: false };
    o = o[k];
  }
  return { found: true, value: o };
}

/** Every leaf (scalar, list, empty map) of a values tree with its path. */
function* leaves(tree: ValueMap, path: string[] = []): Generator<readonly [string[], unknown]> {
  for (const [k, v] of Object.entries(tree)) {
    if (isMap(v) && Object.keys(v).length > 0) yield* leaves(v, [...path, k]);
    else yield [[...path, k], v];
  }
}

/**
 * Whether typed props that compile to `fragment` fit values `user` (which come to `effective`
 * once coalesced with the chart's defaults): each value of the fragment is one the user gave at
 * the same place, or, where the user gave none, the value that place has anyway. Then raw values
 * of the rest give the same coalesced values.
 */
export function fits(fragment: ValueMap, user: ValueMap, effective: ValueMap): boolean {
  for (const [path, value] of leaves(fragment)) {
    const u = lookup(user, path);
    if (u.found) {
      if (!isDeepStrictEqual(value, u.value)) return false;
    } else {
      if (u.blocked) return false;
      const e = lookup(effective, path);
      if (!e.found || !isDeepStrictEqual(value, e.value)) return false;
    }
  }
  return true;
}

/**
 * The user's values the typed props do not give: without the values the fragment gives at the
 * same place, and without those that only restate the chart's defaults. A `null` (which deletes a
 * default) always stays.
 */
export function remainder(user: ValueMap, fragment: unknown, defaults: unknown): ValueMap {
  const out: ValueMap = {};
  for (const [k, u] of Object.entries(user)) {
    const f = isMap(fragment) && k in fragment ? { value: fragment[k] } : undefined;
    const d = isMap(defaults) && k in defaults ? { value: defaults[k] } : undefined;
    if (isMap(u) && Object.keys(u).length > 0) {
      const inner = remainder(u, f?.value, d?.value);
      // Emptied: each value is given by the fragment or by the defaults, which both keep a map here.
      if (Object.keys(inner).length > 0) out[k] = inner;
    } else if (isMap(u)) {
      // An empty map only adds its key where the chart has no map of its own.
      if (!isMap(d?.value)) out[k] = u;
    } else if (u !== null && ((f && isDeepStrictEqual(f.value, u)) || (d && isDeepStrictEqual(d.value, u)))) {
      continue;
    } else {
      out[k] = u;
    }
  }
  return out;
}

/** The paths of the leaves of a values tree, dotted (for reports). */
export function leafPaths(tree: ValueMap): string[] {
  return [...leaves(tree)].map(([p]) => p.join('.'));
}
