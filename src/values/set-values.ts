import { mergeMaps } from './coalesce';
import { isCredentialPath, shownValue } from './credential-names';
import { formatPath, Segment, ValuesError } from './errors';
import { valuesError } from './diagnostic';
import { int64Value, isInt64 } from './int64';
import { MAX_VALUES_DEPTH, plainValues, RESERVED_KEYS, reservedKey, tooDeep } from './user-values';
import { isMap, ValueMap } from './value-map';

/**
 * The `--set` family of `helm template`, read as Helm's strvals package reads it (pkg/strvals,
 * Helm v4) and applied to the values in place:
 * - `set`: `a.b=v,c[0]=w,d={x,y}`; `\` escapes the next character; `true`/`false`/`null` (any
 *   case) and integers without a leading zero are typed, everything else is a string;
 * - `set-string`: the same, every value a string;
 * - `set-json`: each value is JSON (`a={"b":1}`, `a=[1,2]`; empty is null), or the whole
 *   argument is one JSON object merged into the values;
 * - `set-file`: the same as `set`, each value the path of a file whose text becomes the value;
 * - `set-literal`: `a.b=` then everything up to the end, verbatim (commas, braces, backslashes).
 */
export type SetFlag = 'set' | 'set-string' | 'set-json' | 'set-file' | 'set-literal';

/** The order Helm applies them in, after the values files (pkg/cli/values/options.go). */
export const SET_FLAGS: readonly SetFlag[] = ['set-json', 'set', 'set-string', 'set-file', 'set-literal'];

/** Helm's strvals limits: a name has at most 30 dots, a list index is at most 65536. */
const MAX_NESTED_NAME_LEVEL = 30;
const MAX_INDEX = 65536;

/**
 * Applies one argument of a `--set` flag to `values`, which it changes in place (maps and lists
 * already there are extended, as Helm does). `readFile` reads the files of `--set-file`.
 * Throws a ValuesError whose message starts with the flag and its argument.
 */
export function applySet(flag: SetFlag, argument: string, values: ValueMap, readFile?: (path: string) => string): void {
  const source = `--${flag} ${shownArgument(argument)}`;
  if (flag === 'set-json' && argument.trim().startsWith('{')) {
    let object: unknown;
    try {
      object = JSON.parse(argument.trim());
    } catch (e) {
      throw valuesError({ path: source, message: `not a JSON object: ${(e as Error).message}.` });
    }
    // In place, as the other flags change the values.
    Object.assign(values, mergeMaps(values, plainValues(object as ValueMap, source)));
    return;
  }
  const reader = (text: string): unknown => {
    if (flag === 'set-string') return text;
    if (flag === 'set-file') {
      if (!readFile) throw new Error('--set-file needs a file reader');
      return readFile(text);
    }
    return typedValue(text, source);
  };
  try {
    new StrvalsParser(argument, flag, reader, source).parse(values);
  } catch (e) {
    if (e instanceof ValuesError) throw e;
    throw valuesError({ path: source, message: (e as Error).message });
  }
}

/**
 * The argument as messages show it: the value of each `key=value` whose key is a credential path,
 * and a JSON object with a key that names a credential, are not shown (messages end up in CI logs).
 */
function shownArgument(argument: string): string {
  if (argument.trim().startsWith('{')) {
    const named = [...argument.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].some((m) => isCredentialPath(m[1]));
    return named ? '(a JSON object with a credential, not shown)' : argument;
  }
  return argument.replace(/((?:[^,=\\]|\\.)+)=((?:[^,\\]|\\.)*)/g, (pair, key: string) => (isCredentialPath(key) ? `${key}=(not shown)` : pair));
}

/**
 * strvals' typedVal: true, false and null in any case, 0, and decimal int64 integers that do not
 * start with 0 are typed (int64: see Int64); everything else stays a string (floats too).
 */
function typedValue(text: string, source: string): unknown {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0') return 0;
  if (text !== '' && text[0] !== '0' && /^[+-]?[0-9]+$/.test(text)) return int64Value(text, source) ?? text;
  return text;
}

/** Whether the key has been read to its end, or the argument has. */
type Status = 'more' | 'end';

const KEY_STOP = new Set(['=', '[', ',', '.']);
const LITERAL_KEY_STOP = new Set(['=', '[', '.']);
const INDEX_STOP = new Set([']']);
const AFTER_INDEX_STOP = new Set(['[', '.', '=']);
const VALUE_STOP = new Set([',']);
const LIST_STOP = new Set([',', '}']);

/** One `--set` argument read rune by rune, as strvals' parser and literalParser read it. */
class StrvalsParser {
  private pos = 0;
  private lastWidth = 0;
  private readonly literal: boolean;
  private readonly json: boolean;

  public constructor(
    private readonly text: string,
    flag: SetFlag,
    private readonly reader: (text: string) => unknown,
    private readonly source: string,
  ) {
    this.literal = flag === 'set-literal';
    this.json = flag === 'set-json';
  }

  public parse(values: ValueMap): void {
    while (this.key(values, 0, []) === 'more');
  }

  private read(): string | undefined {
    if (this.pos >= this.text.length) return undefined;
    const cp = this.text.codePointAt(this.pos)!;
    const ch = String.fromCodePoint(cp);
    this.lastWidth = ch.length;
    this.pos += ch.length;
    return ch;
  }

  private unread(): void {
    this.pos -= this.lastWidth;
    this.lastWidth = 0;
  }

  /** Reads up to (and consuming) a stop character; `\` escapes the next one, except in --set-literal. */
  private until(stop: ReadonlySet<string>): { text: string; last: string | undefined } {
    let out = '';
    for (;;) {
      const ch = this.read();
      if (ch === undefined) return { text: out, last: undefined };
      if (stop.has(ch)) return { text: out, last: ch };
      if (ch === '\\' && !this.literal) {
        const next = this.read();
        if (next === undefined) return { text: out, last: undefined };
        out += next;
      } else {
        out += ch;
      }
    }
  }

  private checkKey(key: string, path: Segment[]): void {
    if (RESERVED_KEYS.has(key)) throw reservedKey(this.source, [...path, key]);
    if (path.length >= MAX_VALUES_DEPTH) throw tooDeep(this.source, [...path, key]);
  }

  private key(data: ValueMap, nameLevel: number, path: Segment[]): Status {
    const { text: k, last } = this.until(this.literal ? LITERAL_KEY_STOP : KEY_STOP);
    if (last === undefined) {
      if (k === '') return 'end';
      throw new Error(`key "${k}" has no value`);
    }
    this.checkKey(k, path);
    switch (last) {
      case '[': {
        const i = this.index();
        const list = has(data, k) ? asList(data[k], [...path, k]) : [];
        const [result, status] = this.listItem(list, i, nameLevel, [...path, k]);
        set(data, k, result);
        return status;
      }
      case '=':
        if (this.literal) {
          set(data, k, this.until(new Set()).text);
          return 'more';
        }
        if (this.json) {
          set(data, k, this.jsonValue([...path, k]));
          return 'more';
        }
        return this.assign((v) => set(data, k, v));
      case ',':
        throw new Error(`key "${k}" has no value (cannot end with ,)`);
      default: {
        // '.': a nested map.
        if (++nameLevel > MAX_NESTED_NAME_LEVEL) {
          throw new Error(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
        }
        const inner = has(data, k) ? asMap(data[k], [...path, k]) : {};
        const status = this.key(inner, nameLevel, [...path, k]);
        const filled = Object.keys(inner).length > 0;
        if (status === 'more' && !filled) throw new Error(`key map "${k}" has no value`);
        if (filled) set(data, k, inner);
        return status;
      }
    }
  }

  /** `=` then a value: a `{a,b}` list, or one value up to the next comma. */
  private assign(put: (v: unknown) => void): Status {
    const list = this.valueList();
    if (list === 'end') {
      put('');
      return 'end';
    }
    put(list === 'no list' ? this.reader(this.until(VALUE_STOP).text) : list);
    return 'more';
  }

  private index(): number {
    const { text, last } = this.until(INDEX_STOP);
    if (last === undefined) throw new Error('error parsing index: EOF');
    // strconv.Atoi: an optional sign and decimal digits, within int64.
    if (!/^[+-]?[0-9]+$/.test(text) || BigInt(text) >= 2n ** 63n || BigInt(text) < -(2n ** 63n)) {
      throw new Error(`error parsing index: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
    }
    return Number(text);
  }

  /** After `name[i]`: a value, a nested index or a nested map. Returns the list to store. */
  private listItem(list: unknown[], i: number, nameLevel: number, path: Segment[]): [unknown[], Status] {
    if (i < 0) throw new Error(`negative ${i} index not allowed`);
    const itemPath = [...path, i];
    if (itemPath.length >= MAX_VALUES_DEPTH) throw tooDeep(this.source, itemPath);
    const { text: k, last } = this.until(AFTER_INDEX_STOP);
    if (k.length > 0) throw new Error(`unexpected data at end of array index: ${JSON.stringify(k)}`);
    if (last === undefined) return [list, 'end'];
    switch (last) {
      case '=': {
        if (this.literal) return [setIndex(list, i, this.until(new Set()).text), 'more'];
        if (this.json) return [setIndex(list, i, this.jsonValue(itemPath)), 'more'];
        let result = list;
        const status = this.assign((v) => {
          result = setIndex(list, i, v);
        });
        // Helm stores an empty string at the end too, and then reads on (to nothing).
        return [result, status === 'end' ? 'more' : status];
      }
      case '[': {
        const next = this.index();
        const existing = list.length > i && list[i] !== null && list[i] !== undefined ? asList(list[i], itemPath) : [];
        const [inner, status] = this.listItem(existing, next, nameLevel, itemPath);
        // Helm keeps the outer list as it was when the argument ends here.
        if (status === 'end') return [list, 'end'];
        return [setIndex(list, i, inner), status];
      }
      default: {
        // '.': a map in the list; what is there and no map is replaced.
        let inner: ValueMap = {};
        if (list.length > i) {
          if (!isMap(list[i])) list[i] = {};
          inner = list[i] as ValueMap;
        }
        const status = this.key(inner, nameLevel, itemPath);
        if (status === 'end') return [list, 'end'];
        return [setIndex(list, i, inner), status];
      }
    }
  }

  /** `{a,b,c}`, or 'no list' (nothing consumed), or 'end' when the argument ends. */
  private valueList(): unknown[] | 'no list' | 'end' {
    const first = this.read();
    if (first === undefined) return 'end';
    if (first !== '{') {
      this.unread();
      return 'no list';
    }
    const list: unknown[] = [];
    for (;;) {
      const { text, last } = this.until(LIST_STOP);
      if (last === undefined) throw new Error("list must terminate with '}'");
      list.push(this.reader(text));
      if (last === '}') {
        const after = this.read();
        if (after !== undefined && after !== ',') this.unread();
        return list;
      }
    }
  }

  /**
   * `--set-json`: an empty value (spaces, then a comma or the end) is null; otherwise one JSON
   * value, read as Go's json.Decoder reads it (just the value, whatever follows starts the next
   * key), then optional spaces and a comma.
   */
  private jsonValue(path: Segment[]): unknown {
    if (this.emptyValue()) return null;
    const end = jsonValueEnd(this.text, this.pos);
    let value: unknown;
    try {
      value = JSON.parse(this.text.slice(this.pos, end));
    } catch (e) {
      throw new Error(`not valid JSON: ${(e as Error).message}`);
    }
    this.pos = end;
    this.emptyValue();
    return plainValues(value, this.source, path);
  }

  /** Skips spaces; true at a comma (consumed) or the end, false before anything else. */
  private emptyValue(): boolean {
    for (;;) {
      const ch = this.read();
      if (ch === undefined || ch === ',') return true;
      if (!GO_SPACE.test(ch)) {
        this.unread();
        return false;
      }
    }
  }
}

/** Go's unicode.IsSpace (JavaScript's \s also matches the byte order mark, Go's does not). */
const GO_SPACE = /^(?!\uFEFF)\s$/u;

function has(data: ValueMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(data, key);
}

/** Helm skips empty keys (`--set =x` sets nothing). */
function set(data: ValueMap, key: string, value: unknown): void {
  if (key !== '') data[key] = value;
}

function setIndex(list: unknown[], index: number, value: unknown): unknown[] {
  if (index < 0) throw new Error(`negative ${index} index not allowed`);
  if (index > MAX_INDEX) throw new Error(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
  const out = list.length > index ? list : [...list, ...new Array<null>(index + 1 - list.length).fill(null)];
  out[index] = value;
  return out;
}

/** Helm's type assertions, which fail (and so refuse the argument) where the values hold something else. */
function asList(v: unknown, path: Segment[]): unknown[] {
  if (Array.isArray(v)) return v;
  throw new Error(`${formatPath(path)} holds ${shownValue(path, v, describe)}, not a list, so it has no index`);
}

function asMap(v: unknown, path: Segment[]): ValueMap {
  if (isMap(v)) return v;
  throw new Error(`${formatPath(path)} holds ${shownValue(path, v, describe)}, not a map, so it has no keys`);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isInt64(v)) return `number ${v.digits}`;
  return typeof v === 'string' ? `the string ${JSON.stringify(v)}` : `${typeof v} ${JSON.stringify(v)}`;
}

/**
 * Where the JSON value starting at `from` (after JSON whitespace) ends, as Go's json.Decoder
 * finds it: strings, objects and arrays end at their closing character, literals and numbers at
 * the first character that cannot continue them. Throws where Go's scanner stops with an error.
 */
function jsonValueEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  const c = text[i];
  if (c === '"' || c === '{' || c === '[') {
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') {
          inString = false;
          if (depth === 0) return i + 1;
        }
      } else if (ch === '"') {
        inString = true;
      } else if (ch === '{' || ch === '[') {
        depth++;
      } else if (ch === '}' || ch === ']') {
        if (--depth === 0) return i + 1;
      }
    }
    throw new Error('not valid JSON: unexpected end of input');
  }
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, i)) return i + literal.length;
  }
  const number = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  number.lastIndex = i;
  const m = number.exec(text);
  // A fraction or exponent without digits is an error for Go, not the end of the number.
  if (m && m[0] !== '-' && m[0] !== '' && !/^[.eE]/.test(text.slice(i + m[0].length))) return i + m[0].length;
  throw new Error(`not valid JSON at ${JSON.stringify(text.slice(i, i + 20) || 'the end')}`);
}
