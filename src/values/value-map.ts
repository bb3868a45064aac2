import { isInt64 } from './int64';

/**
 * The values model: vcluster.yaml values as Helm holds them after reading YAML. Everything from
 * parsing to rendering passes values in this shape.
 */

/** A JSON-like value as Helm holds it after reading YAML. */
export type Value = unknown;

/** A map of values, as Helm's `map[string]interface{}`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the templates read values at any depth, as Helm's do
export type ValueMap = { [key: string]: any };

export function isMap(v: Value): v is ValueMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isInt64(v);
}

/**
 * Whether V is a plain object (not an array, not a class instance): its prototype is
 * Object.prototype of any realm (code run in a vm context, as jest runs tests, has its own), or none.
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * A deep copy of a JSON-like value, for the places where the chart passes user data through.
 * Not `structuredClone`: it creates its objects in Node's main realm, and code run in a vm
 * context (jest runs every test file in one) then no longer sees them as its own plain objects.
 */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object' || isInt64(v)) return v;
  if (Array.isArray(v)) return v.map(clone) as unknown as T;
  const out: ValueMap = {};
  for (const k of Object.keys(v as object)) out[k] = clone((v as ValueMap)[k]);
  return out as T;
}

const frozen = new WeakSet<object>();

/** Whether V was frozen by {@link deepFreeze}, with everything in it: it can never change. */
export function isDeepFrozen(v: unknown): boolean {
  return typeof v === 'object' && v !== null && frozen.has(v);
}

/** Freezes V and everything in it, in place; a tree frozen before is not walked again. */
export function deepFreeze<T>(v: T): T {
  if (v === null || typeof v !== 'object' || frozen.has(v)) return v;
  for (const k of Object.keys(v)) deepFreeze((v as ValueMap)[k]);
  Object.freeze(v);
  frozen.add(v);
  return v;
}

/** The value at a path of map keys and list indexes; undefined where the path leads nowhere. */
export function valueAt(v: Value, path: readonly (string | number)[]): Value {
  let o = v;
  for (const seg of path) o = (isMap(o) || Array.isArray(o)) && Object.prototype.hasOwnProperty.call(o, seg) ? (o as ValueMap)[seg] : undefined;
  return o;
}
