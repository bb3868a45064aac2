import { formatPath, Segment, ValuesError } from './errors';
import { isInt64 } from './int64';
import { isPlainObject, ValueMap } from './value-map';

/**
 * Keys that are no plain data in a JavaScript object: assigning `__proto__` replaces the
 * object's prototype (the key vanishes, or later code fails far from the cause), and
 * `constructor` and `prototype` answer `in` checks for every object. No vCluster value has
 * such a name, so values that do are refused with their path rather than mangled.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * How deeply user values may nest (maps and lists). Kubernetes objects need about 20 levels;
 * rendering recurses per level and runs out of stack at about 650, so values deeper than this
 * are refused with their path before any of it runs.
 */
export const MAX_VALUES_DEPTH = 100;

/** The refusal of a key path that nests too deeply; long paths are shortened in the middle. */
export function tooDeep(source: string, path: readonly Segment[]): ValuesError {
  const shown = path.length > 12 ? `${formatPath(path.slice(0, 6))}…${formatPath(path.slice(-3)).replace(/^(?!\[)/, '.')}` : formatPath(path);
  return new ValuesError([{
    severity: 'error',
    path: formatPath(path),
    subject: `${source}: ${shown}`,
    message: `values nest more than ${MAX_VALUES_DEPTH} levels deep (maps and lists), which cdk8s-vcluster refuses; Kubernetes objects need ` +
      `about 20.`,
    fix: 'Flatten the structure, or pass deep data as a string.',
  }]);
}

/** The refusal of a reserved key (see RESERVED_KEYS) at its path. */
export function reservedKey(source: string, path: readonly Segment[]): ValuesError {
  return new ValuesError([{
    severity: 'error',
    path: formatPath(path),
    subject: `${source}: ${formatPath(path)}`,
    message: `the key "${path[path.length - 1]}" is refused: __proto__, constructor and prototype have a special meaning in JavaScript ` +
      `objects and are no vCluster values.`,
    fix: 'Remove or rename the key.',
  }]);
}

/**
 * User values as plain, unshared data, the way Helm holds them after its JSON round trip:
 * every map and list is a fresh copy (YAML aliases no longer share one object, so changing one
 * place never changes another). Refuses, naming `source` and the key path: reserved keys,
 * nesting deeper than MAX_VALUES_DEPTH, numbers JSON cannot hold (.inf, .nan), and values that
 * are no JSON data at all. `path` is where `value` sits (for values set at a key path).
 */
export function plainValues<T>(value: T, source: string, path: Segment[] = []): T {
  return copyChecked(value, source, path) as T;
}

function copyChecked(v: unknown, source: string, path: Segment[]): unknown {
  // An Int64 is made by the --set parser only (the class is not exported), immutable, and shared as is.
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || isInt64(v)) return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      throw new ValuesError([{
        severity: 'error',
        path: formatPath(path),
        subject: `${source}: ${formatPath(path)}`,
        value: v,
        message: `${String(v)} (.inf or .nan) cannot be represented in JSON, so Helm refuses it.`,
        fix: 'Write a finite number, or quote it if you meant text.',
      }]);
    }
    return v;
  }
  if (typeof v !== 'object' || !(Array.isArray(v) || isPlainObject(v))) {
    const what = typeof v === 'object' ? `a ${v.constructor?.name ?? 'special'} object` : `a ${typeof v}`;
    throw new ValuesError([{
      severity: 'error',
      path: formatPath(path),
      subject: `${source}: ${formatPath(path)}`,
      message: `${what} is no JSON value; give a string, number, boolean, null, list or map.`,
    }]);
  }
  if (path.length >= MAX_VALUES_DEPTH) throw tooDeep(source, [...path, Array.isArray(v) ? 0 : Object.keys(v)[0] ?? '']);
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      // As JSON does, a hole or undefined in a list becomes null.
      out[i] = v[i] === undefined ? null : copyChecked(v[i], source, path);
      path.pop();
    }
    return out;
  }
  const out: ValueMap = {};
  for (const k of Object.keys(v)) {
    path.push(k);
    if (RESERVED_KEYS.has(k)) throw reservedKey(source, path);
    const x = (v as ValueMap)[k];
    // As JSON does, undefined members are left out.
    if (x !== undefined) out[k] = copyChecked(x, source, path);
    path.pop();
  }
  return out;
}
