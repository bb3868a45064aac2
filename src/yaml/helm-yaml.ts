/**
 * A byte-exact reimplementation of Helm's `toYaml` template function.
 *
 * Helm's toYaml is `sigs.k8s.io/yaml.Marshal` followed by trimming one trailing newline. That Marshal is
 * `encoding/json.Marshal`, then `yaml.Unmarshal` of the JSON text into `interface{}` and `yaml.Marshal` of the result,
 * both with go-yaml v2 (go.yaml.in/yaml/v2 v2.4.x). So the output is shaped by three Go layers, each mirrored here:
 * - encoding/json: how numbers print, which strings it escapes, that NaN/Infinity are errors;
 * - go-yaml's parser reading that JSON back: number text becomes int64/uint64/float64, and a few inputs it rejects;
 * - go-yaml's encoder and emitter (a port of libyaml): key order, quoting, block styles, folding at 80 columns.
 *
 * go-yaml's key comparator is not transitive for some contrived key sets (e.g. "2", "10", "1a"); Helm sorts them
 * starting from Go's random map order, so its own output varies from run to run. Here they get one fixed order.
 */
import { createHash } from 'node:crypto';
import { isDeepFrozen, isPlainObject } from '../values/value-map';

/** Raised where Helm's marshalling fails; Helm's toYaml then renders an empty string. */
export class HelmYamlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelmYamlError';
  }
}

/**
 * What `sigs.k8s.io/yaml.Marshal(value)` returns: the YAML text, ending with a newline.
 * Throws HelmYamlError where Go returns an error (NaN/Infinity, cycles, characters go-yaml's reader rejects,
 * keys it cannot read back), and TypeError for values with no JSON form (functions, symbols, class instances).
 * Nesting is limited by the JavaScript stack (about 1900 levels); Go's limit, 10000, is never reached.
 */
export function helmToYamlRaw(value: unknown): string {
  return new Emitter().document(value);
}

/**
 * Helm's `toYaml`: the raw YAML without its final newline, or '' where Helm's marshalling fails
 * (Helm swallows the error inside templates).
 */
export function helmToYaml(value: unknown): string {
  let raw: string;
  try {
    raw = helmToYamlRaw(value);
  } catch (e) {
    if (e instanceof HelmYamlError) return '';
    throw e;
  }
  return raw.endsWith('\n') ? raw.slice(0, -1) : raw;
}

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

/**
 * The chart's pod annotation `vClusterConfigHash`:
 * `toYaml (values without privateNodes.autoNodes) | b64enc | sha256sum`, as hex. The input is not modified.
 */
export function vClusterConfigHash(values: unknown): string {
  let hashed = values;
  if (isPlainObject(values) && isPlainObject(values.privateNodes) && 'autoNodes' in values.privateNodes) {
    // Rebuild only the two levels on the path; everything else is shared, never written.
    const privateNodes = { ...values.privateNodes };
    delete privateNodes.autoNodes;
    hashed = { ...values, privateNodes };
  }
  const b64 = Buffer.from(helmToYamlCached(hashed, new Map()), 'utf8').toString('base64');
  return createHash('sha256').update(b64, 'utf8').digest('hex');
}

/** The chart's `vc-config-<name>` Secret `data["config.yaml"]`: `.Values | toYaml | b64enc`. */
export function configSecretData(values: unknown): string {
  return Buffer.from(helmToYamlCached(values, new Map()), 'utf8').toString('base64');
}

// ---------------------------------------------------------------------------------------------------------------
// Emitter: the parts of go-yaml v2's libyaml emitter that JSON-shaped data reaches. Only empty collections use flow
// style (`{}`, `[]`), so scalars are always emitted at flow level 0, and no tags or anchors ever appear.

/** go-yaml's default line width: plain and quoted scalars fold at a space once the column passes it. */
const BEST_WIDTH = 80;
/** go-yaml's default indentation step. */
const BEST_INDENT = 2;
/** A key longer than this (UTF-8 bytes) or spanning lines is written in the explicit `? key` form. */
const MAX_SIMPLE_KEY_BYTES = 128;
/** go-yaml's scanner requires the ':' of a flow-mapping key within 1024 characters of the key's opening quote. */
const MAX_JSON_KEY_CHARS = 1022;

type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

interface Scalar {
  readonly text: string;
  readonly style: ScalarStyle;
}

class Emitter {
  private out = '';
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  /** The last character written is whitespace (or nothing was written yet on this line). */
  private whitespace = true;
  /** Only indentation (and indicators like '-') has been written on this line so far. */
  private indention = true;
  private readonly ancestors = new Set<object>();

  public document(value: unknown): string {
    this.node(value, false);
    // Document end: finish the last line.
    this.writeIndent();
    return this.out;
  }

  private node(value: unknown, mappingContext: boolean): void {
    const isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) {
      this.scalar(toScalar(value), false);
      return;
    }
    // encoding/json refuses cycles (Go maps and slices can hold themselves too).
    if (this.ancestors.has(value)) throw new HelmYamlError('json: unsupported value: encountered a cycle');
    this.ancestors.add(value);
    if (isArray) {
      this.sequence(value, mappingContext);
    } else {
      this.mapping(value);
    }
    this.ancestors.delete(value);
  }

  private sequence(items: readonly unknown[], mappingContext: boolean): void {
    if (items.length === 0) {
      this.emptyFlow('[', ']');
      return;
    }
    // A sequence that is a mapping value is not indented relative to its key (`key:\n- a`).
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      // As JSON.stringify does: undefined in an array becomes null.
      this.node(item === undefined ? null : item, false);
    }
    this.popIndent();
  }

  private mapping(obj: Record<string, unknown>): void {
    const keys = sortedKeys(obj);
    if (keys.length === 0) {
      this.emptyFlow('{', '}');
      return;
    }
    this.increaseIndent(false, false);
    for (const key of keys) {
      checkJsonKey(key);
      const scalar = stringScalarOf(key);
      this.writeIndent();
      if (!scalar.multiline && utf8Length(scalar.text) <= MAX_SIMPLE_KEY_BYTES) {
        this.scalar(scalar, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(scalar, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(obj[key], true);
    }
    this.popIndent();
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private scalar(scalar: AnalyzedScalar, simpleKey: boolean): void {
    const style = selectStyle(scalar, simpleKey);
    this.increaseIndent(true, false);
    switch (style) {
      case 'plain':
        this.writePlain(scalar.text, !simpleKey);
        break;
      case 'single':
        this.writeSingleQuoted(scalar.text, !simpleKey);
        break;
      case 'double':
        this.writeDoubleQuoted(scalar.text, !simpleKey);
        break;
      case 'literal':
        this.writeLiteral(scalar.text);
        break;
    }
    this.popIndent();
  }

  // --- low-level writers (libyaml's put/write/write_indent/write_indicator) ---

  private put(text: string): void {
    // Only ASCII goes through here, so length equals characters.
    this.out += text;
    this.column += text.length;
  }

  private writeChar(ch: string): void {
    this.out += ch;
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeBreak(ch: string): void {
    // A break other than LF (U+2028, U+2029) is copied as is, yet still counts as a new line.
    if (ch === '\n') {
      this.putBreak();
    } else {
      this.out += ch;
      this.column = 0;
    }
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      this.indent += BEST_INDENT;
    }
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  // --- scalar writers ---

  private writePlain(text: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    // ASCII that cannot fold here: no space, or none past the width.
    if (PRINTABLE_ASCII.test(text) && (!allowBreaks || this.column + text.length <= BEST_WIDTH || !text.includes(' '))) {
      this.put(text);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    // Plain scalars never contain breaks or leading/trailing spaces (the analysis rules them out).
    let spaces = false;
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') {
          this.writeIndent();
        } else {
          this.writeChar(ch);
        }
        spaces = true;
      } else {
        this.writeChar(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const chars = Array.from(text);
    const last = chars.length - 1;
    for (let i = 0; i <= last; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < last && chars[i + 1] !== ' ') {
          this.writeIndent();
        } else {
          this.writeChar(ch);
        }
        spaces = true;
      } else if (isBreak(ch.codePointAt(0) as number)) {
        // Only U+2028/U+2029 get here: LF makes the string literal, CR makes it double-quoted, NEL was folded.
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'");
        this.writeChar(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // libyaml tests for a BOM at the start of the value rather than at each character, so a leading BOM
    // escapes every character.
    const escapeAll = text.charCodeAt(0) === 0xfeff;
    let spaces = false;
    const chars = Array.from(text);
    const last = chars.length - 1;
    for (let i = 0; i <= last; i++) {
      const ch = chars[i];
      const cp = ch.codePointAt(0) as number;
      if (escapeAll || !isPrintable(cp) || isBreak(cp) || ch === '"' || ch === '\\') {
        this.put(escape(cp));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < last) {
          this.writeIndent();
          // A space starting the continuation line would be folded away: escape it.
          if (chars[i + 1] === ' ') this.put('\\');
        } else {
          this.writeChar(ch);
        }
        spaces = true;
      } else {
        this.writeChar(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(text: string): void {
    this.writeIndicator('|', true, false, false);
    const chars = Array.from(text);
    const first = chars[0].codePointAt(0) as number;
    // Content starting with a space or break needs an explicit indentation indicator.
    if (first === 0x20 || isBreak(first)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const chomp = chompIndicator(chars);
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch.codePointAt(0) as number)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** Block chomping: '-' strips a missing final break, '+' keeps several (or a lone one), '' clips to one. */
function chompIndicator(chars: readonly string[]): string {
  const last = chars[chars.length - 1].codePointAt(0) as number;
  if (!isBreak(last)) return '-';
  if (chars.length === 1) return '+';
  return isBreak(chars[chars.length - 2].codePointAt(0) as number) ? '+' : '';
}

function escape(cp: number): string {
  switch (cp) {
    case 0x00: return '\\0';
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x09: return '\\t';
    case 0x0a: return '\\n';
    case 0x0b: return '\\v';
    case 0x0c: return '\\f';
    case 0x0d: return '\\r';
    case 0x1b: return '\\e';
    case 0x22: return '\\"';
    case 0x5c: return '\\\\';
    case 0x85: return '\\N';
    case 0xa0: return '\\_';
    case 0x2028: return '\\L';
    case 0x2029: return '\\P';
    default: {
      const hex = cp.toString(16).toUpperCase();
      if (cp <= 0xff) return '\\x' + hex.padStart(2, '0');
      if (cp <= 0xffff) return '\\u' + hex.padStart(4, '0');
      return '\\U' + hex.padStart(8, '0');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scalars: what go-yaml's encoder asks for (stringv/intv/floatv/boolv/nilv) and what the emitter then allows.

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
const stringScalarOf = (s: string): AnalyzedScalar => memo(stringScalars, s, (v) => stringScalar(foldNextLines(v)));

function toScalar(value: unknown): AnalyzedScalar {
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

type AnalyzedScalar = Scalar & Analysis;

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
function selectStyle(scalar: AnalyzedScalar, simpleKey: boolean): ScalarStyle {
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
function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

function isBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Keys go-yaml cannot read back from encoding/json's text: NEL (U+0085, which encoding/json leaves raw) starts a
 * new line inside the key, and the key's JSON text must fit go-yaml's 1024-character simple-key window.
 */
function checkJsonKey(key: string): void {
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

// ---------------------------------------------------------------------------------------------------------------
// Numbers: encoding/json prints a float64; go-yaml reads that text back as int64, uint64 or float64 and prints it
// with strconv (FormatInt / FormatUint / FormatFloat 'g').

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

function numberText(n: number): string {
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

// ---------------------------------------------------------------------------------------------------------------
// go-yaml's resolve(""): would this text, written plain, read back as something other than a string?

const RESOLVE_SPECIAL = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

function resolvesToString(text: string): boolean {
  if (text === '') return false;
  const c = text[0];
  // go-yaml only looks further at text starting with a sign, a digit, '.', or one of "yYnNtTfFoO~".
  const isDigit0 = c >= '0' && c <= '9';
  const isSign = c === '+' || c === '-';
  if (!isDigit0 && !isSign && c !== '.' && !'yYnNtTfFoO~'.includes(c)) return true;
  if (RESOLVE_SPECIAL.has(text)) return false;
  if (c === '.') return !isDotFloat(text);
  if (!isDigit0 && !isSign) return true;
  if (isGoTimestamp(text)) return false;
  const plain = text.includes('_') ? text.split('_').join('') : text;
  if (parseGoInt(plain, 0, true) !== undefined || parseGoInt(plain, 0, false) !== undefined) return false;
  if (isYamlStyleFloat(plain) && Number.isFinite(Number(plain))) return false;
  // go-yaml's extra binary forms: "0b" followed by a signed binary number.
  if (plain.startsWith('0b') && parseGoInt(plain.slice(2), 2, true) !== undefined) return false;
  return true;
}

/**
 * strconv.ParseInt(s, base, 64) (signed) or ParseUint (unsigned): the value, or undefined on any error.
 * Base 0 reads Go's prefixes: 0x, 0o, 0b, and a bare leading 0 for octal. Underscores were removed by the caller.
 */
function parseGoInt(s: string, base: number, signed: boolean): bigint | undefined {
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

/** go-yaml's yamlStyleFloat: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, scanned without a regex. */
function isYamlStyleFloat(s: string): boolean {
  let i = s[0] === '+' || s[0] === '-' ? 1 : 0;
  const digitsFrom = (start: number): number => {
    let j = start;
    while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
    return j;
  };
  if (s[i] === '.') {
    const end = digitsFrom(i + 1);
    if (end === i + 1) return false;
    i = end;
  } else {
    const end = digitsFrom(i);
    if (end === i) return false;
    i = end;
    if (s[i] === '.') i = digitsFrom(i + 1);
  }
  if (s[i] === 'e' || s[i] === 'E') {
    i++;
    if (s[i] === '+' || s[i] === '-') i++;
    const end = digitsFrom(i);
    if (end === i) return false;
    i = end;
  }
  return i === s.length;
}

/**
 * strconv.ParseFloat(s, 64) succeeds, for text starting with '.': digits, an optional exponent, and underscores
 * only between digits; values that overflow float64 are errors (underflow is not).
 */
function isDotFloat(s: string): boolean {
  if (s.includes('_')) {
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '_' && !(isAsciiDigit(s[i - 1]) && isAsciiDigit(s[i + 1]))) return false;
    }
    s = s.split('_').join('');
  }
  return isYamlStyleFloat(s) && Number.isFinite(Number(s));
}

function isAsciiDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** go-yaml's isBase60Float: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`, scanned without a regex. */
function isBase60Float(s: string): boolean {
  let i = s[0] === '+' || s[0] === '-' ? 1 : 0;
  if (!(s[i] >= '0' && s[i] <= '9')) return false;
  while (i < s.length && ((s[i] >= '0' && s[i] <= '9') || s[i] === '_')) i++;
  let groups = 0;
  while (s[i] === ':') {
    const start = ++i;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
    const n = i - start;
    // One digit, or two with the first in 0-5; anything longer cannot be followed by ':', '.' or the end.
    if (n === 0 || n > 2 || (n === 2 && s[start] > '5')) return false;
    groups++;
  }
  if (groups === 0) return false;
  if (s[i] === '.') {
    i++;
    while (i < s.length && ((s[i] >= '0' && s[i] <= '9') || s[i] === '_')) i++;
  }
  return i === s.length;
}

/**
 * go-yaml's parseTimestamp: four digits and '-', then Go's time.Parse with one of
 * "2006-1-2T15:4:5.999999999Z07:00", the same with 't', "2006-1-2 15:4:5.999999999" or "2006-1-2".
 */
function isGoTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const year = Number(s.slice(0, 4));
  let i = 5;
  const num = (): number | undefined => {
    // time.getnum: one digit, or two when the second is a digit too.
    if (!(s[i] >= '0' && s[i] <= '9')) return undefined;
    let v = Number(s[i++]);
    if (s[i] >= '0' && s[i] <= '9') v = v * 10 + Number(s[i++]);
    return v;
  };
  const month = num();
  if (month === undefined || month < 1 || month > 12 || s[i++] !== '-') return false;
  const day = num();
  if (day === undefined || day < 1 || day > daysIn(month, year)) return false;
  if (i === s.length) return true;

  // A time must follow: 'T' or 't' then a zone, or a run of spaces and no zone.
  const sep = s[i];
  let zoned: boolean;
  if (sep === 'T' || sep === 't') {
    zoned = true;
    i++;
  } else if (sep === ' ') {
    zoned = false;
    while (s[i] === ' ') i++;
  } else {
    return false;
  }
  const hour = num();
  if (hour === undefined || hour >= 24 || s[i++] !== ':') return false;
  const minute = num();
  if (minute === undefined || minute >= 60 || s[i++] !== ':') return false;
  const second = num();
  if (second === undefined || second >= 60) return false;
  if ((s[i] === '.' || s[i] === ',') && s[i + 1] >= '0' && s[i + 1] <= '9') {
    i += 2;
    while (s[i] >= '0' && s[i] <= '9') i++;
  }
  if (!zoned) return i === s.length;
  if (s[i] === 'Z') return i + 1 === s.length;
  // ±hh:mm, hours up to 24 and minutes up to 60 (time.Parse is lenient there).
  const zone = s.slice(i);
  const m = /^[+-]([0-9]{2}):([0-9]{2})$/.exec(zone);
  return m !== null && Number(m[1]) <= 24 && Number(m[2]) <= 60;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// ---------------------------------------------------------------------------------------------------------------
// Key order: go-yaml sorts map keys with its keyList.Less, a "natural" order for strings.

function sortedKeys(obj: Record<string, unknown>): string[] {
  // encoding/json omits undefined members (and so does JSON.stringify).
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (keys.length < 2) return keys;
  // Keys of ASCII letters only (most of vcluster.yaml) compare by code point in go-yaml too.
  if (keys.every((k) => ASCII_LETTERS.test(k))) return keys.sort();
  const decorated = keys.map((k) => ({ key: k, cps: Array.from(k, (ch) => ch.codePointAt(0) as number) }));
  decorated.sort((a, b) => (a.key === b.key ? 0 : keyLess(a.cps, b.cps) ? -1 : 1));
  return decorated.map((d) => d.key);
}

/**
 * go-yaml's keyList.Less for two strings (as code points): at the first difference, letters sort after
 * non-letters and among themselves by code point; otherwise the digit runs starting there compare as numbers
 * (then by run length, then by code point).
 */
const ASCII_LETTERS = /^[A-Za-z]*$/;

function keyLess(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) continue;
    const al = isLetter(a[i]);
    const bl = isLetter(b[i]);
    if (al && bl) return a[i] < b[i];
    if (al || bl) return bl;
    // A zero after a non-zero digit of the shared prefix is no leading zero: Go then seeds both runs with 1.
    let seed = 0;
    if (a[i] === 0x30 || b[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(a[j]); j--) {
        if (a[j] !== 0x30) {
          seed = 1;
          break;
        }
      }
    }
    const [an, ai] = digitRun(a, i, seed);
    const [bn, bi] = digitRun(b, i, seed);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return a[i] < b[i];
  }
  return a.length < b.length;
}

/** Accumulates `v = v*10 + (digit - '0')` over the run like Go's int64 arithmetic (wrapping on overflow). */
function digitRun(cps: readonly number[], start: number, seed: number): [bigint, number] {
  let v = BigInt(seed);
  let i = start;
  for (; i < cps.length && isDigit(cps[i]); i++) {
    v = BigInt.asIntN(64, v * 10n + BigInt(cps[i] - 0x30));
  }
  return [v, i];
}

const UNICODE_LETTER = /^\p{L}$/u;
const UNICODE_DIGIT = /^\p{Nd}$/u;

/** Go's unicode.IsLetter. */
function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return UNICODE_LETTER.test(String.fromCodePoint(cp));
}

/** Go's unicode.IsDigit. */
function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return UNICODE_DIGIT.test(String.fromCodePoint(cp));
}
