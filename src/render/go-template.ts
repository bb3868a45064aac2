/**
 * The few semantics of Go templates (and Sprig) that the chart's output depends on.
 * Each renderer decides with these exactly as the chart's templates do.
 */

/** A JSON-like value as Helm holds it after reading YAML. */
export type Value = unknown;

/** A map of values, as Helm's `map[string]interface{}`. */
export type ValueMap = { [key: string]: any };

export function isMap(v: Value): v is ValueMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go template truthiness: false, 0, "", nil and empty collections are false. */
export function truthy(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** Sprig `empty`. */
export function empty(v: Value): boolean {
  return !truthy(v);
}

/**
 * Go's `%v` formatting, which `{{ x }}`, `toString` and `quote` use. Helm reads every
 * number as float64, so large integers print in exponent form (1e+06), as they do in the chart.
 */
export function goString(v: Value): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  const m = v as ValueMap;
  return `map[${Object.keys(m).sort().map((k) => `${k}:${goString(m[k])}`).join(' ')}]`;
}

function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  // strconv 'g' with the shortest precision switches to exponent form from 1e+06 up and below 1e-04.
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const abs = Math.abs(exp);
    return `${mantissa}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  return String(n);
}

/** `eq (toString x) "true"`, the chart's test for three-valued toggles (true, false, "auto"). */
export function isTrueString(v: Value): boolean {
  return goString(v) === 'true';
}

/** Sprig `default`: the fallback when the value is empty. */
export function withDefault<T>(fallback: T, v: Value): T | any {
  return truthy(v) ? v : fallback;
}

const YAML11_NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const YAML11_TRUE = new Set(['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y']);
const YAML11_FALSE = new Set(['false', 'False', 'FALSE', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'n', 'N']);
const INT_RE = /^[-+]?(?:0|[1-9][0-9_]*)$/;
const FLOAT_RE = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$/;
const SPECIAL_FLOAT_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * What a value becomes when a template writes it unquoted (`key: {{ x }}`) and the manifest is
 * read back as YAML: "8443" becomes a number, "true" a boolean, "" null. Values that are not
 * scalars keep their shape (the chart only interpolates scalars).
 */
export function plain(v: Value): Value {
  if (typeof v !== 'string') {
    return typeof v === 'number' ? resolveScalar(goFloat(v)) : v;
  }
  return resolveScalar(v.trim());
}

function resolveScalar(s: string): Value {
  if (YAML11_NULL.has(s)) return null;
  if (YAML11_TRUE.has(s)) return true;
  if (YAML11_FALSE.has(s)) return false;
  const c = s.charCodeAt(0);
  const numeric = (c >= 48 && c <= 57) || s[0] === '-' || s[0] === '+' || s[0] === '.';
  if (!numeric) return s;
  if (INT_RE.test(s)) return Number(s.replace(/_/g, ''));
  if (FLOAT_RE.test(s) && s !== '.' && s !== '-.' && s !== '+.') return Number(s.replace(/_/g, ''));
  if (SPECIAL_FLOAT_RE.test(s)) return s.includes('nan') || s.includes('NaN') || s.includes('NAN') ? NaN : (s[0] === '-' ? -Infinity : Infinity);
  return s;
}

/** A deep copy of a JSON-like value, for the places where the chart passes user data through. */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(clone) as unknown as T;
  const out: ValueMap = {};
  for (const k of Object.keys(v as object)) out[k] = clone((v as ValueMap)[k]);
  return out as T;
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

/** Sprig `trunc 63 | trimSuffix "-"`, the chart's way of fitting names into label length. */
export function truncName(s: string, max = 63): string {
  const t = s.length > max ? s.slice(0, max) : s;
  return t.endsWith('-') ? t.slice(0, -1) : t;
}
