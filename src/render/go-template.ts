import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { resolveInterpolated } from '../yaml/yaml-text';
import { diagnostic } from '../values/diagnostic';
import { ValuesError } from '../values/errors';
import { isInt64 } from '../values/int64';
import { compareBytes, goString, truthy } from '../values/go-values';
import { clone, isMap, Value, ValueMap } from '../values/value-map';

/**
 * The few semantics of Go templates (and Sprig) that the chart's output depends on.
 * Each renderer decides with these exactly as the chart's templates do.
 */

/** Sprig `empty`. */
export function empty(v: Value): boolean {
  return !truthy(v);
}

/** `eq (toString x) "true"`, the chart's test for three-valued toggles (true, false, "auto"). */
export function isTrueString(v: Value): boolean {
  return goString(v) === 'true';
}

/** Sprig `default`: the fallback when the value is empty. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a value of the values, as untyped as they are (ValueMap)
export function withDefault<T>(fallback: T, v: Value): T | any {
  return truthy(v) ? v : fallback;
}

/**
 * What a value becomes when a template writes it unquoted (`key: {{ x }}`) and the manifest is
 * read back as YAML: "8443" becomes a number, "true" a boolean, "" null, `"q"` the string q.
 * A number stays the number: Go prints it in its shortest form (1000000 from a values file as
 * 1e+06, from `--set` as 1000000), and Go's YAML, which reads the manifest for kubectl and helm
 * install, reads either back as that number (-0 as 0); an Int64 stays one until the pipeline makes
 * the manifests' numbers (manifestNumbers). Values that are not scalars keep their
 * shape (the chart only interpolates scalars).
 */
export function plain(v: Value): Value {
  if (typeof v === 'number') return v === 0 ? 0 : v;
  return typeof v === 'string' ? resolveInterpolated(v) : v;
}

/**
 * {@link plain} for a value that must stay text (a name, an API version): refused, naming the
 * key, when the chart's unquoted output would read back as a number, a boolean or null.
 */
export function plainString(v: Value, path: string, expected: string): string {
  const value = plain(v);
  if (typeof value !== 'string') {
    throw new ValuesError([diagnostic({
      path,
      value: v,
      message: `the chart writes this value unquoted, and ${JSON.stringify(goString(v))} then reads as ` +
        `${value === null ? 'null' : `the ${isInt64(value) ? 'number' : typeof value} ${String(value)}`}, not text.`,
      fix: `Give ${expected}.`,
    })]);
  }
  return value;
}

/**
 * Sprig `merge dst src...`: keys missing (or empty) in dst are filled from the sources, recursively.
 * Returns a new map; the inputs are not modified.
 */
export function mergeMaps(...maps: Value[]): ValueMap {
  const out: ValueMap = {};
  for (const m of maps) {
    if (!isMap(m)) continue;
    fillMissing(out, m);
  }
  return out;
}

function fillMissing(dst: ValueMap, src: ValueMap): void {
  for (const k of Object.keys(src)) {
    const sv = src[k];
    const dv = dst[k];
    if (isMap(dv) && isMap(sv)) {
      fillMissing(dv, sv);
    } else if (!(k in dst) || empty(dv)) {
      // mergo (behind Sprig's merge) also fills keys whose value is empty.
      dst[k] = clone(sv);
    }
  }
}

/**
 * A map argument of a Sprig function whose parameter is typed `map[string]interface{}` (`merge`
 * and its sources, `hasKey`): Go's template engine refuses anything else before the function
 * runs, nil included (a null in the values, or a key a null deleted), so Helm fails; so does this,
 * with Helm's words and the key.
 */
export function mapArgument(v: Value, path: string): ValueMap {
  if (isMap(v)) return v;
  throw new ValuesError([diagnostic({
    path,
    value: v,
    message: (shown) => `wrong type for value; expected map[string]interface {}; got ${goTypeName(v)} (${v === undefined ? 'null' : shown}). ` +
      'The chart merges it as a map, so Helm fails too.',
    fix: 'Set it to {} for none.',
  })]);
}

/**
 * A map the chart reads a field of without a guard (`.Values.controlPlane.service.spec.ports`):
 * nil there (a null in the values deletes the chart's map) makes Go fail with a nil pointer
 * error, so Helm fails; so does this, naming the key. Anything else that is no map reads as {}.
 */
export function readMap(v: Value, path: string, field: string): ValueMap {
  if (v !== null && v !== undefined) return isMap(v) ? v : {};
  throw new ValuesError([diagnostic({
    path,
    message: `missing (null), but the chart reads ${path}.${field}, so Helm fails (nil pointer evaluating interface {}.${field}).`,
    fix: 'Set the keys inside it instead of null, or {} for none.',
  })]);
}

/** The Go type a value of Helm's values has, as Go's errors name it. */
function goTypeName(v: Value): string {
  if (v === null || v === undefined) return 'interface {}';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'number') return 'float64';
  if (isInt64(v)) return 'int64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** Sprig `trunc 63 | trimSuffix "-"`, the chart's way of fitting names into label length. */
export function truncName(s: string, max = 63): string {
  const t = s.length > max ? s.slice(0, max) : s;
  return t.endsWith('-') ? t.slice(0, -1) : t;
}

/**
 * What `{{ x }}` prints: Go's `%v`, except that nil prints nothing (Go writes `<no value>`,
 * which Helm removes), unlike `toString`, which gives "<nil>".
 */
export function printed(v: Value): string {
  return v === null || v === undefined ? '' : goString(v);
}

/**
 * Sprig `quote`: the value's `%v` text, which YAML reads back as that string. Sprig skips nil
 * arguments, so `key: {{ nil | quote }}` prints nothing and reads back as null.
 */
export function quoted(v: Value): string | null {
  return v === null || v === undefined ? null : goString(v);
}

/** `- {{ $x | quote }}` in a `range`: every item becomes a string (a map's values go by sorted key). */
export function quotedList(v: Value): (string | null)[] {
  return rangeValues(v).map(quoted);
}

/** `{{ $key }}: {{ $val | quote }}` in a `range` over a map: every value becomes a string. */
export function quotedMap(v: Value): ValueMap {
  const out: ValueMap = {};
  for (const k of rangeKeys(v)) out[k] = quoted((v as ValueMap)[k]);
  return out;
}

/** The keys `range $key, $val := m` visits, in Go's sorted order; nothing for a non-map. */
export function rangeKeys(v: Value): string[] {
  return isMap(v) ? Object.keys(v).sort(compareBytes) : [];
}

/** What `range` visits: a list's items, or a map's values by sorted key; nothing otherwise. */
export function rangeValues(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return rangeKeys(v).map((k) => v[k]);
  return [];
}

/**
 * Sprig `int` (spf13/cast `ToInt`): numbers truncate, booleans are 1 or 0, strings parse as Go
 * integer literals (`strconv.ParseInt(s, 0, 64)`: "0x1f", "017" octal, "1_000") after a zero
 * fraction is dropped ("3.0"); anything else, or a string out of int64 range, is 0.
 */
export function goInt(v: Value): number {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : 0;
  if (isInt64(v)) return v.valueOf();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return parseGoInt(trimZeroDecimal(v));
  return 0;
}

/** cast's `trimZeroDecimal`: "3.00" becomes "3"; "3.5" and "3." stay as they are. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') {
      foundZero = true;
    } else {
      return s;
    }
  }
  return s;
}

const GO_INT_LITERAL = [
  { re: /^0[xX]((?:_?[0-9a-fA-F])+)$/, radix: 16 },
  { re: /^0[bB]((?:_?[01])+)$/, radix: 2 },
  { re: /^0[oO]?((?:_?[0-7])+)$/, radix: 8 },
  { re: /^([1-9](?:_?[0-9])*|0)$/, radix: 10 },
];
const INT64_MIN = -(BigInt(2) ** BigInt(63));
const INT64_MAX = BigInt(2) ** BigInt(63) - BigInt(1);

/** `strconv.ParseInt(s, 0, 64)`, with 0 for what it rejects. */
function parseGoInt(s: string): number {
  const negative = s.startsWith('-');
  const body = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  for (const { re, radix } of GO_INT_LITERAL) {
    const m = re.exec(body);
    if (!m) continue;
    let n = BigInt(0);
    for (const digit of m[1].replace(/_/g, '')) n = n * BigInt(radix) + BigInt(parseInt(digit, radix));
    if (negative) n = -n;
    return n < INT64_MIN || n > INT64_MAX ? 0 : Number(n);
  }
  return 0;
}

/** Sprig `uniq`: the first of each group of equal items (Go's `reflect.DeepEqual`), in order. */
export function uniq(items: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const item of items) {
    if (!out.some((kept) => isDeepStrictEqual(kept, item))) out.push(item);
  }
  return out;
}

/**
 * `uniq | sortAlpha` over strings the chart has quoted first (`append $list (quote $x)`): they
 * sort as their quoted form (so "a" comes after "a!"), byte by byte as Go compares strings.
 */
export function uniqSortedAsQuoted(items: readonly string[]): string[] {
  return [...new Set(items)].sort((a, b) => compareBytes(JSON.stringify(a), JSON.stringify(b)));
}

/**
 * What `key: {{ x }}` reads back as. Scalars as `plain` does; Go prints a list as `[a b]` and a
 * map as `map[k:v]`, which YAML reads as a flow list or a string. So a list of one access mode
 * round-trips, and several merge into one item "ReadWriteOnce ReadOnlyMany", as they do with Helm.
 * Text that is not valid YAML, which Helm could not parse either, is refused with the key.
 */
export function interpolated(v: Value, path: string): Value {
  if (!Array.isArray(v) && !isMap(v)) return plain(v);
  const text = goString(v);
  try {
    return parse(text, { version: '1.1' });
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0].replace(/:$/, '');
    throw new ValuesError([diagnostic({
      path,
      value: v,
      message: `the chart writes ${JSON.stringify(v)} here as ${JSON.stringify(text)}, which is not valid YAML (${reason}).`,
      fix: 'Give a list of plain words, e.g. [ReadWriteOnce].',
    })]);
  }
}

/** How a refusal of a user list or map words what was wanted. */
export interface Expectation {
  /** What was expected, after "expected"; "a list" or "a map" unless given. */
  readonly expected?: string;
  /** The sentence that says what to do. */
  readonly hint?: string;
}

/**
 * A user list the chart pastes into one of its own lists (`{{ if x }}{{ toYaml x }}{{ end }}`):
 * empty adds nothing; anything but a list would break the chart's YAML, so it is refused with the key.
 */
export function userList(v: Value, path: string, how: Expectation = {}): Value[] {
  if (!truthy(v)) return [];
  if (!Array.isArray(v)) throw wrongShape(v, path, how.expected ?? 'a list', how.hint ?? 'Write it as a YAML list (- item).');
  return clone(v);
}

/**
 * A user map the chart pastes into one of its own maps (`{{ if x }}{{ toYaml x }}{{ end }}`), such
 * as an object's labels: empty adds nothing; anything but a map is refused with the key.
 */
export function userMap(v: Value, path: string, how: Expectation = {}): ValueMap {
  if (!truthy(v)) return {};
  if (!isMap(v)) throw wrongShape(v, path, how.expected ?? 'a map', how.hint ?? 'Write it as YAML key: value pairs.');
  return clone(v);
}

/**
 * Sprig `concat`: the items of each list in turn. It fails on anything but a list, nil included,
 * so each part is refused with its key unless it is a list.
 */
export function concatLists(parts: readonly (readonly [value: Value, path: string])[], how: Expectation = {}): Value[] {
  const out: Value[] = [];
  for (const [v, path] of parts) {
    if (!Array.isArray(v)) throw wrongShape(v, path, how.expected ?? 'a list', how.hint ?? 'Set it to a list, or to [] for none.');
    out.push(...clone(v));
  }
  return out;
}

function wrongShape(v: Value, path: string, expected: string, hint: string): ValuesError {
  return new ValuesError([diagnostic({ path, value: v, message: (shown) => `expected ${expected}, got ` +
    `${v === undefined ? 'nothing' : shown}.`, fix: hint })]);
}
