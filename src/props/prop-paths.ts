import { isDeepStrictEqual } from 'node:util';
import type { VClusterProps } from './vcluster-props';
import { Diagnostic, formatPath, Segment, ValuesError } from '../values/errors';
import { isMap, isPlainObject, valueAt, ValueMap } from '../values/value-map';
import { factoryOptions } from './factory-options';
import { PROP_TABLE, typedValues } from './table';

/**
 * The values are checked once, by the pipeline, and its diagnostics name values paths. Where the
 * offending value came from a typed prop, the user never wrote that path: this names the prop
 * path too (`service.httpsNodePort`, not `controlPlane.service.httpsNodePort`), and in the
 * message the values paths it mentions. Values from the raw `values` prop keep their values path.
 */
export function renderInPropTerms<T>(props: VClusterProps, typed: ValueMap, render: () => T): T {
  try {
    return render();
  } catch (e) {
    throw e instanceof ValuesError ? inPropTerms(e, props, typed) : e;
  }
}

function inPropTerms(error: ValuesError, props: VClusterProps, typed: ValueMap): ValuesError {
  const raw = props.values as ValueMap | undefined;
  const paths = new Map(nodePaths(typed).map((path) => [formatPath(path), path]));
  const known = new Map<string, string | undefined>();
  const propPath = (text: string): string | undefined => {
    const path = paths.get(text);
    if (path === undefined) return undefined;
    if (!known.has(text)) known.set(text, valueAt(raw, path) === undefined ? propPathOf(props, typed, path) : undefined);
    return known.get(text);
  };
  let changed = false;
  const diagnostics = error.diagnostics.map((d): Diagnostic => {
    const own = d.propPath ?? propPath(d.path);
    const names = new Map([d.path, ...d.mentions ?? []].map((m) => [m, m === d.path ? own : propPath(m)] as const)
      .filter((m): m is readonly [string, string] => m[1] !== undefined));
    if (names.size === 0) return d;
    changed = true;
    return {
      ...d,
      ...(own === undefined ? {} : { propPath: own }),
      message: renamed(d.message, names),
      ...(d.fix === undefined ? {} : { fix: renamed(d.fix, names) }),
    };
  });
  return changed ? new ValuesError(diagnostics) : error;
}

/** The message with each mentioned values path (a whole word of it) replaced by its prop path. */
function renamed(message: string, names: ReadonlyMap<string, string>): string {
  const escaped = [...names.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return message.replace(new RegExp(`(?<=^|[\\s(])(?:${escaped.join('|')})(?=$|[:;,)\\s])`, 'g'), (m) => names.get(m)!);
}

/** Every path into the values, to maps and lists as well as to scalars. */
function nodePaths(v: unknown, path: Segment[] = []): Segment[][] {
  const children = Array.isArray(v) ? v.map((item, i) => nodePaths(item, [...path, i]))
    : isMap(v) ? Object.entries(v).map(([k, item]) => nodePaths(item, [...path, k])) : [];
  return [...(path.length > 0 ? [path] : []), ...children.flat()];
}

/**
 * The prop path that gives the value at `at`: the props are left out one leaf at a time (a
 * value type, a list or a scalar) and those without which the value changes are the ones that
 * give it; where several do (a request and its limit), their common part. Only on errors, so
 * the repeated encoding costs nothing in a render that succeeds.
 */
function propPathOf(props: VClusterProps, typed: ValueMap, at: readonly Segment[]): string | undefined {
  const target = valueAt(typed, at);
  const givers: string[][] = [];
  for (const d of PROP_TABLE) {
    if (props[d.prop] === undefined) continue;
    for (const leaf of leaves(props[d.prop], [d.prop])) {
      let changed: boolean;
      try {
        changed = !isDeepStrictEqual(valueAt(typedValues(without(props, leaf)), at), target);
      } catch {
        continue; // the props refuse to go without it (a required field): it tells nothing
      }
      if (changed) givers.push(leaf);
    }
    if (givers.length > 0) break;
  }
  if (givers.length === 0) return undefined;
  const common = givers.reduce((a, b) => {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return a.slice(0, n);
  });
  return common.join('.');
}

/**
 * Plain objects and a factory's options are walked into; anything else (a scalar, a list, a
 * Size) is a leaf.
 */
function* leaves(v: unknown, path: string[]): Generator<string[]> {
  const fields = isPlainObject(v) ? v : factoryOptions(v)?.options;
  if (fields === undefined) {
    yield path;
    return;
  }
  for (const [k, item] of Object.entries(fields)) if (item !== undefined) yield* leaves(item, [...path, k]);
}

/** The props without the leaf at the path (a factory's value made again without the option). */
function without(props: VClusterProps, path: readonly string[]): VClusterProps {
  const drop = (v: unknown, i: number): unknown => {
    if (i === path.length) return undefined;
    const made = factoryOptions(v);
    const copy: ValueMap = { ...(made ? made.options : (v as object)) };
    copy[path[i]] = drop(copy[path[i]], i + 1);
    return made ? made.make(copy) : copy;
  };
  return drop(props, 0) as VClusterProps;
}
