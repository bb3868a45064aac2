/** What go-yaml's encoder asks for (stringv/intv/floatv/boolv/nilv) and what the emitter then allows. */
import { HelmYamlError } from './marshal-error';
import { resolvesToString, isBase60Float } from './resolve';
import { numberText } from './strconv';
import { isInt64 } from '../../values/int64';

/** A key longer than this (UTF-8 bytes) or spanning lines is written in the explicit `? key` form. */
export const MAX_SIMPLE_KEY_BYTES = 128;
/** go-yaml's scanner requires the ':' of a flow-mapping key within 1024 characters of the key's opening quote. */
const MAX_JSON_KEY_CHARS = 1022;

type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

interface Scalar {
  readonly text: string;
  readonly style: ScalarStyle;
}

/**
 * Scalars by their string or number: the analysis depends on the text only, and the same keys
 * and values recur in every tenant's config. Bounded; what throws is not kept.
 */
const SCALAR_CACHE_LIMIT = 50_000;
const CACHED_LENGTH = 256;
const stringScalars = new Map<string, AnalyzedScalar>();
const numberScalars = new Map<number, AnalyzedScalar>();

function memo<K>(cache: Map<K, AnalyzedScalar>, key: K, make: (key: K) => AnalyzedScalar): AnalyzedScalar {
  // Long strings are rarely repeated, and keeping them would keep every tenant's alive.
  if (typeof key === 'string' && key.length > CACHED_LENGTH) return make(key);
  let scalar = cache.get(key);
  if (scalar === undefined) {
    scalar = make(key);
    if (cache.size >= SCALAR_CACHE_LIMIT) cache.clear();
    cache.set(key, scalar);
  }
  return scalar;
}

/** A string as go-yaml reads it back and analyzes it, key or value (keys never hold NEL, so folding leaves them as they are). */
export const stringScalarOf = (s: string): AnalyzedScalar => memo(stringScalars, s, (v) => stringScalar(foldNextLines(v)));

export function toScalar(value: unknown): AnalyzedScalar {
  switch (typeof value) {
    case 'string':
      return stringScalarOf(value);
    case 'number':
      // -0 and 0 are one Map key, and one text.
      return memo(numberScalars, value, (v) => plainScalar(numberText(v)));
    case 'boolean':
      return plainScalar(value ? 'true' : 'false');
    case 'object':
      if (value === null) return plainScalar('null');
      // An int64 from --set: encoding/json and go-yaml print it in full.
      if (isInt64(value)) return plainScalar(value.digits);
      break;
    case 'undefined':
      return plainScalar('null');
  }
  throw new TypeError(`helmToYaml: cannot serialize ${Object.prototype.toString.call(value)}`);
}

/** Numbers, booleans and null: go-yaml asks for plain style (their text never needs quoting). */
function plainScalar(text: string): AnalyzedScalar {
  return { text, style: 'plain', ...analyze(text) };
}

interface Analysis {
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

export type AnalyzedScalar = Scalar & Analysis;

/** A string as go-yaml's stringv requests it, with the emitter's analysis of its characters. */
function stringScalar(raw: string): AnalyzedScalar {
  // Go strings hold no lone surrogates: encoding/json would have written U+FFFD.
  const text = ANY_SURROGATE.test(raw) ? raw.replace(LONE_SURROGATE, '\uFFFD') : raw;
  const analysis = analyze(text);
  let style: ScalarStyle;
  if (text.includes('\n')) {
    style = 'literal';
  } else if (resolvesToString(text) && !isBase60Float(text)) {
    style = 'plain';
  } else {
    style = 'double';
  }
  return { text, style, ...analysis };
}

/** libyaml's yaml_emitter_select_scalar_style, for scalars at flow level 0 without tags. */
export function selectStyle(scalar: AnalyzedScalar, simpleKey: boolean): ScalarStyle {
  let style = scalar.style;
  if (simpleKey && scalar.multiline) style = 'double';
  if (style === 'plain' && !scalar.blockPlainAllowed) style = 'single';
  if (style === 'single' && !scalar.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!scalar.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** libyaml's yaml_emitter_analyze_scalar, reduced to what block context needs. */
function analyze(text: string): Analysis {
  if (text === '') {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;

  const chars = Array.from(text);
  const last = chars.length - 1;
  for (let i = 0; i <= last; i++) {
    const cp = chars[i].codePointAt(0) as number;
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || next === ' ' || next === '\t';
    if (i === 0) {
      switch (chars[i]) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
        case '!': case '|': case '>': case "'": case '"': case '%': case '@': case '`':
          blockIndicators = true;
          break;
        case '?': case ':': case '-':
          if (followedByWhitespace) blockIndicators = true;
          break;
      }
    } else if ((cp === 0x3a /* : */ && followedByWhitespace) || (cp === 0x23 /* # */ && precededByWhitespace)) {
      blockIndicators = true;
    }

    if (!isPrintable(cp)) {
      // encoding/json leaves these unescaped and go-yaml's reader refuses them when reading the JSON back
      // (NEL, U+0085, is the exception, but it never gets here: see foldNextLines).
      if ((cp >= 0x7f && cp <= 0x9f) || cp === 0xfffe || cp === 0xffff) {
        throw new HelmYamlError(`control characters are not allowed (U+${cp.toString(16).toUpperCase()})`);
      }
      special = true;
    }
    if (cp === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = cp === 0x20 || cp === 0x09 || cp === 0x00 || isBreak(cp);
  }

  const blockPlainAllowed = !(
    leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || special ||
    lineBreaks || blockIndicators
  );
  return {
    multiline: lineBreaks,
    blockPlainAllowed,
    singleQuotedAllowed: !(breakSpace || spaceBreak || special),
    blockAllowed: !(trailingSpace || spaceBreak || special),
  };
}

/** libyaml's is_printable, per code point (4-byte UTF-8 sequences count as not printable). */
export function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

export function isBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Keys go-yaml cannot read back from encoding/json's text: NEL (U+0085, which encoding/json leaves raw) starts a
 * new line inside the key, and the key's JSON text must fit go-yaml's 1024-character simple-key window.
 */
export function checkJsonKey(key: string): void {
  if (key.includes(NEL)) throw new HelmYamlError('did not find expected \',\' or \'}\' (line break in key)');
  // Each UTF-16 unit becomes at most 6 JSON characters; short keys cannot reach the limit.
  if (key.length * 6 <= MAX_JSON_KEY_CHARS) return;
  let length = 0;
  for (const ch of key) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0x22 || cp === 0x5c || cp === 0x08 || cp === 0x0c || cp === 0x0a || cp === 0x0d || cp === 0x09) {
      length += 2;
    } else if (cp < 0x20 || cp === 0x3c || cp === 0x3e || cp === 0x26 || cp === 0x2028 || cp === 0x2029) {
      length += 6; // \u00XX; encoding/json also escapes <, > and & this way
    } else {
      length += 1;
    }
  }
  if (length > MAX_JSON_KEY_CHARS) throw new HelmYamlError('did not find expected \',\' or \'}\' (key too long)');
}

const NEL = '\u0085';

/**
 * A string value as go-yaml reads it back from encoding/json's text. The only raw line break JSON can hold is NEL,
 * and go-yaml folds it like any break in a quoted scalar: the run of spaces and NELs around it becomes one space,
 * or n-1 newlines for n NELs. A line starting with a document marker ("--- ", "...") is an error there.
 */
function foldNextLines(text: string): string {
  if (!text.includes(NEL)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    if (text[i] !== ' ' && text[i] !== NEL) {
      i++;
      continue;
    }
    const start = i;
    let breaks = 0;
    for (; text[i] === ' ' || text[i] === NEL; i++) if (text[i] === NEL) breaks++;
    if (breaks === 0) continue;
    out += text.slice(from, start) + (breaks === 1 ? ' ' : '\n'.repeat(breaks - 1));
    from = i;
    const marker = text.slice(i, i + 3);
    const after = text[i + 3];
    if (text[i - 1] === NEL && (marker === '---' || marker === '...') && (after === ' ' || after === NEL)) {
      throw new HelmYamlError('found unexpected document indicator');
    }
  }
  return out + text.slice(from);
}
