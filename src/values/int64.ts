/**
 * An integer from `--set` that Go prints differently from a float64 of the same value.
 *
 * Helm's `--set` types integers as int64 (strvals' typedVal), where values files, `--set-json`,
 * the chart's defaults and the typed props give float64. Go prints the two alike below 1e6 in
 * magnitude, so such integers stay JavaScript numbers. From 1e6 on, Go's `%v` (`{{ x }}`, `quote`,
 * `toString`) prints a float64 as 1e+06 and an int64 in full, and beyond 2^53 only an int64 is
 * exact: those integers are kept as this class, digits and all, made only by the `--set` parser.
 *
 * Why a class rather than a BigInt or a side table of paths: a BigInt breaks every JSON.stringify
 * and every comparison with `===` the values pass through, and a table of paths is lost where the
 * templates read values without their path (`range`, `merge`). An object compares and converts
 * as its number (`valueOf`), writes itself to JSON as that number (messages), and is recognised
 * where the int64 matters: Go's text forms (goString, the YAML emitter of the config Secret), the
 * JSON types of the schema and the checks on numbers. Rendered objects hold numbers only: the
 * pipeline swaps it for its number there, and refuses one beyond 2^53 (manifestNumbers).
 */
export class Int64 {
  public constructor(
    /** The decimal digits, with a leading '-' when negative (no '+', no leading zeros). */
    public readonly digits: string,
    /** The `--set` argument it came from, for messages. */
    public readonly source: string,
  ) {}

  /** The nearest JavaScript number (exact up to 2^53). */
  public valueOf(): number {
    return Number(this.digits);
  }

  public toJSON(): number {
    return this.valueOf();
  }

  public toString(): string {
    return this.digits;
  }
}

/** From here on in magnitude, Go's `%v` prints a float64 in exponent form (1e+06). */
const EXPONENT_FORM = 1000000n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The value strvals gives decimal integer text (sign allowed, no leading zero): an int64, as a
 * number below 1e6 in magnitude and as an Int64 from there; undefined beyond int64, which Helm
 * keeps as text.
 */
export function int64Value(text: string, source: string): number | Int64 | undefined {
  const n = BigInt(text);
  if (n < INT64_MIN || n > INT64_MAX) return undefined;
  return n > -EXPONENT_FORM && n < EXPONENT_FORM ? Number(n) : new Int64(n.toString(), source);
}

export function isInt64(v: unknown): v is Int64 {
  return v instanceof Int64;
}

/** A number of the values as a number: a JavaScript number, or an Int64's nearest; undefined for anything else. */
export function numberValue(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  return isInt64(v) ? v.valueOf() : undefined;
}

/** Whether V holds an Int64 anywhere (the values of a command line with a large `--set` integer). */
export function holdsInt64(v: unknown): boolean {
  if (isInt64(v)) return true;
  if (Array.isArray(v)) return v.some(holdsInt64);
  return typeof v === 'object' && v !== null && Object.values(v).some(holdsInt64);
}
