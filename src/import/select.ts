import { isDeepStrictEqual } from 'node:util';
import { chartData, ChartVersion } from '../values/chart-version';
import { ValueMap } from '../values/value-map';
import { ValuesError } from '../values/errors';
import { coalesceValues, mergeValueFiles } from '../values/coalesce';
import { NOT_EXPRESSIBLE, PROP_TABLE, typedValues } from '../props/table';
import type { VClusterProps } from '../props/vcluster-props';
import { materialize, object, ObjectCandidate, Selection, Unit, unitsOf } from '../props/decode/candidate';
import { Expr } from '../props/decode/expr';
import { fits, remainder } from './values-tree';

/** Typed props and raw values that together give the same values as the user's. */
export interface Choice {
  /** The typed props, as an object of the generated program; undefined when none fit. */
  readonly props?: Expr;
  /** What the typed props do not give, for the `values` prop. */
  readonly raw: ValueMap;
  /** The units taken, in the order they were tried. */
  readonly taken: readonly Unit[];
}

/**
 * Chooses typed props for the values by trying them: each candidate prop is compiled with the
 * library's own fragment functions together with those taken before; it is taken when all it
 * compiles to fits the values (see `fits`). Then props that the library adds anyway (e.g. the
 * kubeconfig server an ingress implies) are left out again. Units in `blocked` are not tried.
 * The values are coalesced with the defaults of `chartVersion`, the version the program renders.
 */
export function choose(user: ValueMap, chartVersion: ChartVersion, blocked: ReadonlySet<string> = new Set()): Choice {
  const defaults = chartData(chartVersion).defaults as ValueMap;
  const effective = coalesceValues(defaults, user);
  const tree = candidateProps(user, effective);
  const units = unitsOf(tree);
  const empties = units.filter((u) => u.kind === 'empty');
  const emptyUnitsAbove = (u: Unit) => empties
    .filter((e) => e.path.length < u.path.length && e.path.every((k, i) => u.path[i] === k))
    .map((e) => e.key);

  const compile = (sel: Selection): ValueMap | undefined => {
    try {
      const props = materialize(tree, [], sel);
      const fragment = typedValues((props?.value ?? {}) as VClusterProps);
      return fits(fragment, user, effective) ? fragment : undefined;
    } catch (e) {
      // A factory or fragment function refused the candidate (its diagnostics): it does not fit.
      if (e instanceof ValuesError) return undefined;
      throw e;
    }
  };

  let sel: Selection = { taken: new Set(), lists: new Map() };
  let fragment: ValueMap = {};
  for (const u of units) {
    if (sel.taken.has(u.key) || blocked.has(u.key) || u.with.some((k) => blocked.has(k))) continue;
    const taken = new Set([...sel.taken, ...u.with, u.key]);
    const next = { taken, lists: sel.lists };
    const f = compile(next);
    // Taken when it fits and gives something: a prop that compiles to nothing is no use.
    if (f !== undefined && !isDeepStrictEqual(f, fragment)) {
      sel = next;
      fragment = f;
    }
  }

  // Leave out what changes nothing: what the library adds itself (the kubeconfig server and the
  // certificate name an ingress implies, `enabled: true` of a quota given entries), and options
  // that only restate the chart's defaults (`nodes: false` where the chart syncs no nodes), which
  // the raw values leave out too.
  const same = (f: ValueMap | undefined): f is ValueMap =>
    f !== undefined && isDeepStrictEqual(coalesceValues(defaults, f), coalesceValues(defaults, fragment));
  // Until nothing more goes: an options object emptied of its fields stands for its `whenEmpty`,
  // which may go in turn (where another prop writes the same anyway).
  for (let changed = true; changed;) {
    changed = false;
    for (const u of [...units].reverse()) {
      if (!sel.taken.has(u.key) || u.required || u.kind === 'call') continue;
      // An options object left without fields stands for its `whenEmpty` (e.g. `true`), if it has one.
      const taken = new Set([...sel.taken, ...emptyUnitsAbove(u)]);
      taken.delete(u.key);
      const f = compile({ taken, lists: sel.lists });
      if (same(f)) {
        sel = { taken, lists: sel.lists };
        fragment = f;
        changed = true;
        continue;
      }
      let items = sel.lists.get(u.key) ?? u.items;
      for (const item of items ?? []) {
        const fewer = items!.filter((i) => i !== item);
        if (fewer.length === 0) continue;
        const lists = new Map(sel.lists).set(u.key, fewer);
        const g = compile({ taken: sel.taken, lists });
        if (same(g)) {
          sel = { taken: sel.taken, lists };
          fragment = g;
          items = fewer;
        }
      }
    }
  }

  const raw = remainder(user, fragment, defaults);
  // The typed props and the rest, merged as VCluster merges them, must come to the same values.
  const merged = coalesceValues(defaults, mergeValueFiles([fragment, raw]));
  if (!isDeepStrictEqual(merged, effective)) return { raw: user, taken: [] };
  return { props: materialize(tree, [], sel), raw, taken: units.filter((u) => sel.taken.has(u.key)) };
}

/** Every typed prop the values could be written with, in the order of the prop table. */
function candidateProps(user: ValueMap, effective: ValueMap): ObjectCandidate {
  const fields = PROP_TABLE.map((d) => [d.prop, d.decode === NOT_EXPRESSIBLE ? undefined : d.decode(user, effective)] as const);
  return object(Object.fromEntries(fields)) ?? { kind: 'object', fields: [], required: [] };
}
