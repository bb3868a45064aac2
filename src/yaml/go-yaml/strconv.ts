/**
 * Numbers: encoding/json prints a float64; go-yaml reads that text back as int64, uint64 or float64 and prints it
 * with strconv (FormatInt / FormatUint / FormatFloat 'g').
 */
import { HelmYamlError } from './marshal-error';

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

export function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new HelmYamlError(`json: unsupported value: ${n}`);
  // encoding/json and JavaScript agree on the shortest round-trip digits and on switching to exponent form
  // only from 1e21 (or below 1e-6, which is never an integer).
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const text = String(n);
    if (Math.abs(n) <= Number.MAX_SAFE_INTEGER) return text;
    const big = BigInt(text);
    if (big >= INT64_MIN && big <= UINT64_MAX) return text;
  }
  return formatFloatG(n);
}

/**
 * strconv.FormatFloat(n, 'g', -1, 32): N rounded to float32, in the fewest digits that read back as that float32
 * (the closest p-digit decimal round-trips whenever any p-digit decimal does).
 */
export function formatFloat32(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  const f = Math.fround(n);
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  for (let p = 1; ; p++) {
    const shortest = Number(f.toPrecision(p));
    if (Math.fround(shortest) === f) return formatFloatG(shortest);
  }
}

/** strconv.FormatFloat(n, 'g', -1, 64): %e when the exponent is below -4 or at least 6 (Go's shortest-mode rule). */
function formatFloatG(n: number): string {
  const [mantissa, exponent] = Math.abs(n).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(exponent);
  const sign = n < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const absExp = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${absExp < 10 ? '0' : ''}${absExp}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fracPart = digits.slice(exp + 1);
  return sign + intPart + (fracPart ? '.' + fracPart : '');
}

/**
 * strconv.ParseInt(s, base, 64) (signed) or ParseUint (unsigned): the value, or undefined on any error.
 * Base 0 reads Go's prefixes: 0x, 0o, 0b, and a bare leading 0 for octal. Underscores were removed by the caller.
 */
export function parseGoInt(s: string, base: number, signed: boolean): bigint | undefined {
  let body = s;
  let negative = false;
  if (signed && (body[0] === '+' || body[0] === '-')) {
    negative = body[0] === '-';
    body = body.slice(1);
  }
  if (body === '') return undefined;
  let radix = base;
  if (base === 0) {
    radix = 10;
    if (body[0] === '0') {
      const p = body.length >= 3 ? body[1].toLowerCase() : '';
      if (p === 'b' || p === 'o' || p === 'x') {
        radix = p === 'b' ? 2 : p === 'o' ? 8 : 16;
        body = body.slice(2);
      } else {
        radix = 8;
        body = body.slice(1);
      }
    }
  }
  let value = 0n;
  const bigRadix = BigInt(radix);
  for (const ch of body) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= radix) return undefined;
    value = value * bigRadix + BigInt(d);
    // Out of range is an error for Go too; stopping here keeps long digit strings linear.
    if (value > UINT64_MAX) return undefined;
  }
  if (!signed) return value <= UINT64_MAX ? value : undefined;
  const signedValue = negative ? -value : value;
  return signedValue >= INT64_MIN && signedValue < 2n ** 63n ? signedValue : undefined;
}
