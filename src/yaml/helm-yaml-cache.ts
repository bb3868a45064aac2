import { sortedKeys } from './go-yaml/key-order';
import { HelmYamlError } from './go-yaml/marshal-error';
import { MAX_SIMPLE_KEY_BYTES, stringScalarOf } from './go-yaml/scalars';
import { helmToYaml, helmToYamlRaw } from './helm-yaml';
import { isDeepFrozen, isPlainObject } from '../values/value-map';

/** The YAML of top-level entries already serialized in one document, by key, with the value written. */
export type TopLevelYamlCache = Map<string, { readonly value: unknown; readonly text: string }>;

/**
 * `helmToYaml` of a map, reusing the text of top-level entries found in the cache with the very
 * same value, or written before for equal data (see {@link entryText}). An entry's text depends
 * on its key and value only, so the document is the concatenation of its entries' texts.
 */
export function helmToYamlCached(values: unknown, cache: TopLevelYamlCache | undefined): string {
  if (!cache || !isPlainObject(values)) return helmToYaml(values);
  const keys = sortedKeys(values);
  if (keys.length === 0) return helmToYaml(values);
  let out = '';
  for (const key of keys) {
    const value = values[key];
    let block = cache.get(key);
    if (block === undefined || block.value !== value) {
      try {
        block = { value, text: entryText(key, value) };
      } catch (e) {
        if (e instanceof HelmYamlError) return '';
        throw e;
      }
      cache.set(key, block);
    }
    out += block.text;
  }
  return out.slice(0, -1);
}

/**
 * Entry texts shared by renders: the tenants of a fleet have equal values in most sections, and
 * in most subsections of the rest. Keyed by the depth, the key and the value's JSON text, which
 * fixes the YAML for plain data (go-yaml writes encoding/json's output, and -0 and 0 alike).
 * Bounded: a fleet's distinct entries are few, but those that differ per tenant never repeat.
 */
const SHARED_ENTRIES_LIMIT = 1024;
const sharedEntries = new Map<string, string>();

/** The texts of deep-frozen values (the chart defaults a tenant left alone), kept with them: they never change. */
const frozenEntries = new WeakMap<object, Map<string, string>>();

/** Whether the emitter writes the key plain, as `key:` alone on the first line of its entry. */
function isNestable(key: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(key) && key.length <= MAX_SIMPLE_KEY_BYTES && stringScalarOf(key).style === 'plain';
}

/**
 * The text of `{ [key]: value }` at the top level, or (with `parent`) of the entry `key: value`
 * inside the map of a top-level entry `parent:`. A top-level entry whose value is a non-empty
 * map is written as `parent:` and its entries' texts, each reused when written before.
 */
function entryText(key: string, value: unknown, parent?: string): string {
  const frozenKey = isDeepFrozen(value) ? `${parent === undefined ? 0 : 1} ${key}` : undefined;
  const known = frozenKey === undefined ? undefined : frozenEntries.get(value as object)?.get(frozenKey);
  if (known !== undefined) return known;
  const subKeys = parent === undefined && isPlainObject(value) && isNestable(key) ? sortedKeys(value) : [];
  let text: string;
  if (subKeys.length > 0) {
    text = `${key}:\n`;
    for (const sub of subKeys) text += entryText(sub, (value as Record<string, unknown>)[sub], key);
  } else {
    text = sharedEntryText(key, value, parent);
  }
  if (frozenKey !== undefined) {
    let texts = frozenEntries.get(value as object);
    if (texts === undefined) frozenEntries.set(value as object, (texts = new Map()));
    texts.set(frozenKey, text);
  }
  return text;
}

/**
 * {@link entryText} of one entry, from {@link sharedEntries} when written before. A nested
 * entry is cut from the emitter's text of `parent:` holding it alone, so that folding and
 * indentation are those of its depth.
 */
function sharedEntryText(key: string, value: unknown, parent?: string): string {
  const json = plainDataJson(parent === undefined ? 0 : 1, key, value);
  const shared = json === undefined ? undefined : sharedEntries.get(json);
  if (shared !== undefined) return shared;
  const text = parent === undefined ? helmToYamlRaw({ [key]: value }) : helmToYamlRaw({ [parent]: { [key]: value } }).slice(parent.length + 2);
  if (json !== undefined) {
    if (sharedEntries.size >= SHARED_ENTRIES_LIMIT) sharedEntries.clear();
    sharedEntries.set(json, text);
  }
  return text;
}

/**
 * The JSON text that stands for an entry at a depth, when its value is plain data: strings,
 * finite numbers, booleans, null, undefined (left out of maps, null in lists, as the emitter
 * does) in plain maps and lists. Anything else (NaN, functions, class instances, cycles) makes
 * the emitter throw, and is never shared. JSON first: it refuses cycles, which the walk would
 * follow forever.
 */
function plainDataJson(depth: number, key: string, value: unknown): string | undefined {
  let json: string | undefined;
  try {
    json = JSON.stringify([depth, key, value]);
  } catch {
    return undefined;
  }
  return isPlainData(value) ? json : undefined;
}

function isPlainData(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isPlainData);
      if (!isPlainObject(value)) return false;
      for (const k of Object.keys(value)) if (!isPlainData(value[k])) return false;
      return true;
    default:
      return false;
  }
}
