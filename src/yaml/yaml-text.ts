import { Composer, isScalar, LineCounter, parseAllDocuments, Parser, visit } from 'yaml';
import { checkNesting, checkTextSize, limitedJS } from './yaml-limits';
import type { Value } from '../values/value-map';

/*
 * How the chart's text output reads back. The chart prints manifests as text; the comparison
 * rules (../shared/conformance) read them with a YAML 1.1 resolver of the PyYAML kind: booleans
 * are yes/no/true/false/on/off (not y/n), a float needs a decimal point, integers may be binary,
 * octal, hex or base 60. Where a template writes a value unquoted, the renderers resolve it the
 * same way, so the objects equal what that text reads as.
 */

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSES = new Set(['no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The value of an unquoted (plain) scalar. */
export function resolvePlainScalar(text: string): Value {
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  const c = text.charCodeAt(0);
  // Only numbers are left: they start with a digit, a sign or a dot.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return text;
  if (INT.test(text)) return resolveInt(text.replace(/_/g, ''));
  if (FLOAT.test(text)) return resolveFloat(text.replace(/_/g, ''));
  return text;
}

function resolveInt(s: string): number {
  const sign = s[0] === '-' ? -1 : 1;
  const digits = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  if (digits.startsWith('0b')) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith('0x')) return sign * parseInt(digits.slice(2), 16);
  if (digits.includes(':')) return sign * sexagesimal(digits);
  if (digits.length > 1 && digits[0] === '0') return sign * parseInt(digits, 8);
  return sign * Number(digits);
}

function resolveFloat(s: string): number {
  const sign = s[0] === '-' ? -1 : 1;
  const body = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  const lower = body.toLowerCase();
  if (lower === '.inf') return sign * Infinity;
  if (lower === '.nan') return NaN;
  if (body.includes(':')) return sign * sexagesimal(body);
  return sign * Number(body);
}

function sexagesimal(s: string): number {
  return s.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

/**
 * What `key: {{ text }}` reads back as: a plain scalar resolved as above, a quoted one unquoted.
 * Text that does not read as one scalar is kept as it is.
 */
export function resolveInterpolated(text: string): Value {
  const t = text.trim();
  if (t.startsWith('"') || t.startsWith("'")) {
    const docs = parseAllDocuments(t);
    if (docs.length === 1 && docs[0].errors.length === 0 && isScalar(docs[0].contents)) return String(docs[0].contents.value);
    return t;
  }
  return resolvePlainScalar(t);
}

/**
 * A manifest stream as the chart's printed text reads back: quoted scalars are strings, plain
 * ones resolved as above. SOURCE names the text for messages: text beyond the limits of
 * ./yaml-limits (deep nesting, alias bombs, more than 3 MiB) is refused with it.
 */
export function parseManifestStream(text: string, source: string): { value: unknown; error?: string }[] {
  checkTextSize(text, source);
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const where = (offset: number): string => {
    const pos = lines.linePos(offset);
    return `line ${pos.line}, column ${pos.col}`;
  };
  const hasAliases = checkNesting(tokens, source, where);
  return Array.from(new Composer({ schema: 'failsafe' }).compose(tokens), (doc) => {
    if (doc.errors.length > 0) return { value: undefined, error: `${where(doc.errors[0].pos[0])}: ${doc.errors[0].message.split('\n')[0]}` };
    visit(doc, {
      Scalar(_key, node) {
        if (node.type === 'PLAIN' && typeof node.value === 'string') node.value = resolvePlainScalar(node.value);
      },
    });
    return { value: limitedJS(doc, source, hasAliases) };
  });
}
