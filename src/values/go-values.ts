import { isInt64 } from './int64';
import { isMap, Value, ValueMap } from './value-map';

/**
 * How Go reads values: the chart's templates and vCluster itself test and print them this way,
 * so the checks on values and the renderers share these.
 */

/** Go template truthiness: false, 0, "", nil and empty collections are false. */
export function truthy(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  // An Int64 is never 0 (it is made from 1e6 on).
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/**
 * Go's `%v` formatting, which `{{ x }}`, `toString` and `quote` use. Helm reads numbers as
 * float64, so large integers print in exponent form (1e+06), as they do in the chart; an int64
 * from `--set` (Int64) prints in full.
 */
export function goString(v: Value): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return goFloat(v);
  if (isInt64(v)) return v.digits;
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  const m = v as ValueMap;
  return `map[${Object.keys(m).sort(compareBytes).map((k) => `${k}:${goString(m[k])}`).join(' ')}]`;
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

/**
 * Go's string order, byte by byte over UTF-8: how `range` orders a map's keys, how fmt prints
 * maps, and how `sortAlpha` sorts. (JavaScript's default sort compares UTF-16 code units, which
 * differs for characters beyond U+FFFF.)
 */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
