/**
 * Values of the generated program: each is both what it evaluates to (to compile it with the
 * library, as the program will) and its TypeScript source (to print it).
 */

/** TypeScript source of a value, as a tree the printer lays out. */
export type Code =
  | { readonly kind: 'atom'; readonly text: string }
  | { readonly kind: 'object'; readonly entries: ReadonlyArray<readonly [string, Code]> }
  | { readonly kind: 'array'; readonly items: readonly Code[] }
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly Code[] }
  /** A string of several lines as `['line 1', 'line 2'].join('\n')`, a line of source per line. */
  | { readonly kind: 'lines'; readonly lines: readonly string[] };

/** A name the generated program imports. */
export interface Import {
  readonly module: string;
  readonly name: string;
}

/** A value of the generated program. */
export interface Expr {
  /** What the source evaluates to. */
  readonly value: unknown;
  readonly code: Code;
  readonly imports: readonly Import[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A string literal in single quotes, escaped as JavaScript needs. */
export function quote(s: string): string {
  const inner = JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${inner}'`;
}

/** A number literal that evaluates to exactly `n`. */
function numberText(n: number): string {
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

/** An atom: a name, a call or a constant, written as given. */
export function atom(value: unknown, text: string, imports: readonly Import[] = []): Expr {
  return { value, code: { kind: 'atom', text }, imports };
}

/** A call with source `callee(args)`, evaluating to `value`. */
export function call(value: unknown, callee: string, args: readonly Expr[], imports: readonly Import[] = []): Expr {
  return { value, code: { kind: 'call', callee, args: args.map((a) => a.code) }, imports: [...imports, ...args.flatMap((a) => a.imports)] };
}

/** An object literal of the given entries, in their order. */
export function objectExpr(entries: ReadonlyArray<readonly [string, Expr]>): Expr {
  const value: Record<string, unknown> = {};
  // Defined, not assigned: a key "__proto__" is a key like any other.
  for (const [k, e] of entries) Object.defineProperty(value, k, { value: e.value, enumerable: true, writable: true, configurable: true });
  return { value, code: { kind: 'object', entries: entries.map(([k, e]) => [k, e.code] as const) }, imports: entries.flatMap(([, e]) => e.imports) };
}

/** An array literal. */
export function arrayExpr(items: readonly Expr[]): Expr {
  return { value: items.map((i) => i.value), code: { kind: 'array', items: items.map((i) => i.code) }, imports: items.flatMap((i) => i.imports) };
}

/** A string literal; a string of several lines (an embedded manifest, say) as the list of its lines. */
function stringExpr(s: string): Expr {
  const lines = s.split('\n');
  return lines.length > 2 ? { value: s, code: { kind: 'lines', lines }, imports: [] } : atom(s, quote(s));
}

/**
 * A plain (JSON-like) value as a literal. `special` may write a part differently (e.g. a port
 * as `k8s.IntOrString.fromNumber(80)`); it gets the key the part is under.
 */
export function literal(v: unknown, special?: (key: string, v: unknown) => Expr | undefined, key = ''): Expr {
  const s = special?.(key, v);
  if (s !== undefined) return s;
  // The values types have no null; a null deletes a chart default, so it is written as one.
  if (v === null) return atom(null, 'null as never');
  if (typeof v === 'string') return stringExpr(v);
  if (typeof v === 'boolean') return atom(v, String(v));
  if (typeof v === 'number') return atom(v, numberText(v));
  if (Array.isArray(v)) return arrayExpr(v.map((i) => literal(i, special, key)));
  if (typeof v === 'object') return objectExpr(Object.entries(v as object).map(([k, i]) => [k, literal(i, special, k)] as const));
  throw new Error(`cannot write ${typeof v} as a literal`);
}

// -------------------------------------------------------------------------------------------------
// Layout: 2-space indent, single quotes, trailing commas; a literal stays on one line when it fits.

export const MAX_LINE = 110;

/** The source of the newline string the lines of a string are joined with. */
const JOINER = quote('\n');

/** Property names: bare where all are identifiers, else all quoted (eslint quote-props consistent-as-needed). */
function keyWriter(keys: readonly string[]): (k: string) => string {
  return keys.every((k) => IDENTIFIER.test(k)) ? (k) => k : quote;
}

/** The code on one line. */
export function inline(code: Code): string {
  switch (code.kind) {
    case 'atom':
      return code.text;
    case 'array':
      return `[${code.items.map(inline).join(', ')}]`;
    case 'call':
      return `${code.callee}(${code.args.map(inline).join(', ')})`;
    case 'lines':
      return `[${code.lines.map(quote).join(', ')}].join(${JOINER})`;
    case 'object': {
      if (code.entries.length === 0) return '{}';
      const key = keyWriter(code.entries.map(([k]) => k));
      return `{ ${code.entries.map(([k, v]) => `${key(k)}: ${inline(v)}`).join(', ')} }`;
    }
  }
}

/** Whether the code holds a string of several lines, which is always written a line per line. */
function hasLines(code: Code): boolean {
  switch (code.kind) {
    case 'lines':
      return true;
    case 'atom':
      return false;
    case 'array':
      return code.items.some(hasLines);
    case 'call':
      return code.args.some(hasLines);
    case 'object':
      return code.entries.some(([, v]) => hasLines(v));
  }
}

/**
 * The code laid out at the given indentation, `column` characters into its line, with `tail`
 * characters (e.g. a comma) after it.
 */
export function layout(code: Code, indent: string, column: number, tail = 0): string {
  const flat = inline(code);
  if (code.kind === 'atom' || (!hasLines(code) && column + flat.length + tail <= MAX_LINE)) return flat;
  const inner = `${indent}  `;
  switch (code.kind) {
    case 'lines':
      return `[\n${code.lines.map((l) => `${inner}${quote(l)},\n`).join('')}${indent}].join(${JOINER})`;
    case 'array':
      return `[\n${code.items.map((i) => `${inner}${layout(i, inner, inner.length, 1)},\n`).join('')}${indent}]`;
    case 'object': {
      const key = keyWriter(code.entries.map(([k]) => k));
      const lines = code.entries.map(([k, v]) => {
        const head = `${inner}${key(k)}: `;
        return `${head}${layout(v, inner, head.length, 1)},\n`;
      });
      return `{\n${lines.join('')}${indent}}`;
    }
    case 'call': {
      // One object argument opens on the call's line: `BackingStore.deployedEtcd({`.
      if (code.args.length === 1 && code.args[0].kind === 'object') {
        return `${code.callee}(${layout(code.args[0], indent, column + code.callee.length + 1, tail + 1)})`;
      }
      return `${code.callee}(\n${code.args.map((a) => `${inner}${layout(a, inner, inner.length, 1)},\n`).join('')}${indent})`;
    }
  }
}
