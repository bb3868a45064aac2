import { goString } from './go-values';
import { isInt64 } from './int64';

/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `2e3`), held exactly as Kubernetes holds them:
 * an integer count of nano-units. BigInt keeps sums of millicores and bytes free of float drift
 * (0.1 + 0.2 is exactly 300m), which matters when a total is compared with a quota.
 */
export interface Quantity {
  /** The value in units of 10^-9 (1 = 1000000000n, 1m = 1000000n, 1Ki = 1024000000000n). */
  readonly nanos: bigint;
  /** How it was written, which is how Kubernetes prints it back: decimal (m, k, M, e3) or binary (Ki, Mi). */
  readonly binary: boolean;
}

const NANOS_PER_UNIT = 1_000_000_000n;

// The suffixes of the Kubernetes grammar with their power of ten. n and u are not in the
// grammar's comment, but the API server parses them (metrics report cpu in n), so they are valid.
const DECIMAL_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['n', -9], ['u', -6], ['m', -3], ['', 0], ['k', 3], ['M', 6], ['G', 9], ['T', 12], ['P', 15], ['E', 18],
]);
const BINARY_SUFFIXES: ReadonlyMap<string, number> = new Map([['Ki', 1], ['Mi', 2], ['Gi', 3], ['Ti', 4], ['Pi', 5], ['Ei', 6]]);

// <signedNumber><suffix>: a sign, digits with an optional fraction (1, 1.5, 1., .5), then the suffix.
const QUANTITY_RE = /^([+-]?)(\d+)?(?:\.(\d*))?([a-zA-Z]*|[eE][+-]?\d+)$/;

/** Kubernetes caps binary-suffixed quantities at 2^63-1 units (`maxAllowed` in apimachinery). */
const MAX_BINARY_NANOS = ((1n << 63n) - 1n) * NANOS_PER_UNIT;

/**
 * Exponents beyond this are refused rather than expanded: 10^1000 of anything is a typo, and
 * holding it exactly would take a BigInt of thousands of digits per value.
 */
const MAX_EXPONENT = 1000;

/**
 * Quantities parsed before, by their text (null: malformed), frozen since they are shared: a
 * fleet's tenants and the checks of one render parse the same few again and again. Bounded, as
 * quantities that differ per tenant never repeat.
 */
const PARSED_LIMIT = 1024;
const parsed = new Map<string, Quantity | null>();

/**
 * Parses a quantity as the API server does. Strings follow the Kubernetes grammar; numbers (YAML
 * gives 0.5, 1e6) are read in the form the chart prints them, `%v`, which is what reaches the
 * API server. Returns undefined for anything malformed (`5Gx`, `1.2.3`, `abc`, `''`).
 */
export function parseQuantity(value: unknown): Quantity | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? parseQuantity(goString(value)) : undefined;
  if (isInt64(value)) return parseQuantity(value.digits);
  if (typeof value !== 'string') return undefined;
  let q = parsed.get(value);
  if (q === undefined) {
    q = parseText(value) ?? null;
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(value, q);
  }
  return q ?? undefined;
}

function parseText(value: string): Quantity | undefined {
  const m = QUANTITY_RE.exec(value);
  // The grammar needs a digit on one side of the point: "." and "+" alone are not numbers.
  if (!m || (m[2] === undefined && !m[3])) return undefined;
  const [, sign, whole = '', fraction = '', suffix] = m;
  let exponent = -fraction.length;
  let factor = 1n;
  let binary = false;
  const decimal = DECIMAL_SUFFIXES.get(suffix);
  const power = BINARY_SUFFIXES.get(suffix);
  if (decimal !== undefined) {
    exponent += decimal;
  } else if (power !== undefined) {
    factor = 1n << BigInt(10 * power);
    binary = true;
  } else if (/^[eE]/.test(suffix) && suffix.length > 1) {
    const e = Number(suffix.slice(1));
    if (Math.abs(e) > MAX_EXPONENT) return undefined;
    exponent += e;
  } else {
    return undefined;
  }
  const mantissa = BigInt(whole + fraction || '0') * factor;
  let nanos = scaleByPowerOfTen(mantissa, exponent + 9);
  // Binary quantities below 1 print in decimal (Kubernetes switches them to DecimalSI).
  if (binary && nanos < NANOS_PER_UNIT) binary = false;
  if (binary && nanos > MAX_BINARY_NANOS) nanos = MAX_BINARY_NANOS;
  return Object.freeze({ nanos: sign === '-' ? -nanos : nanos, binary });
}

/** mantissa × 10^power, rounding a fraction of a nano-unit up, as Kubernetes does ("you asked for some"). */
function scaleByPowerOfTen(mantissa: bigint, power: number): bigint {
  if (power >= 0) return mantissa * 10n ** BigInt(power);
  if (mantissa === 0n) return 0n;
  // Anything with fewer digits than the division removes rounds up to one nano-unit.
  if (-power > mantissa.toString().length) return 1n;
  const divisor = 10n ** BigInt(-power);
  return (mantissa + divisor - 1n) / divisor;
}

export const ZERO: Quantity = { nanos: 0n, binary: false };

/** A whole number of units, e.g. a pod count, or the bytes of a volume. */
export function quantityOf(units: number, binary = false): Quantity {
  return { nanos: BigInt(units) * NANOS_PER_UNIT, binary };
}

/** a + b, written like a (as Kubernetes' Quantity.Add), or like b when a is zero. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, binary: a.nanos === 0n ? b.binary : a.binary };
}

export function subtractQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos - b.nanos, binary: a.nanos === 0n ? b.binary : a.binary };
}

/** q × n, for n replicas of a pod. */
export function multiplyQuantity(q: Quantity, n: number): Quantity {
  return { nanos: q.nanos * BigInt(n), binary: q.binary };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return compareQuantities(a, b) >= 0 ? a : b;
}

/** Whether q is a whole number of units (object counts in a quota must be). */
export function isWholeQuantity(q: Quantity): boolean {
  return q.nanos % NANOS_PER_UNIT === 0n;
}

/**
 * Kubernetes' canonical form: binary quantities of 1024 and more as the largest exact Ki..Ei
 * multiple (4778Mi), everything else with the largest decimal suffix that keeps the number whole
 * (300m, 1500m, 5G).
 */
export function formatQuantity(q: Quantity): string {
  const sign = q.nanos < 0n ? '-' : '';
  const abs = q.nanos < 0n ? -q.nanos : q.nanos;
  if (abs === 0n) return '0';
  if (q.binary && abs % NANOS_PER_UNIT === 0n && abs >= 1024n * NANOS_PER_UNIT) {
    let units = abs / NANOS_PER_UNIT;
    let power = 0;
    while (power < BINARY_NAMES.length - 1 && units % 1024n === 0n) {
      units /= 1024n;
      power++;
    }
    return `${sign}${units}${BINARY_NAMES[power]}`;
  }
  let mantissa = abs;
  let index = 0;
  while (index < DECIMAL_NAMES.length - 1 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    index++;
  }
  return `${sign}${mantissa}${DECIMAL_NAMES[index]}`;
}

const BINARY_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
/** Decimal suffixes from nano-units upwards, one per factor of 1000. */
const DECIMAL_NAMES = ['n', 'u', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E'];
