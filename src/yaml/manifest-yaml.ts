import { Document, stringify } from 'yaml';
import { isPlainObject } from '../values/value-map';

/*
 * The YAML that cdk8s's `Yaml.stringify` writes for a manifest (the `yaml` package with
 * `{ keepUndefined: true, lineWidth: 0, version: '1.1' }`), written directly from the JSON.
 * The package builds a node tree and stringifies it with options checked at every node, which
 * was a third of a fleet's synth; this writer covers the shapes manifests have: plain objects,
 * arrays, strings on one line, safe integers, booleans and null. Anything else in a document (a
 * multi-line string, a float, an object met twice, which the package writes as an alias, ...)
 * sends the whole document to the package, so the bytes are always the package's.
 *
 * The block layout is the package's default one (two spaces, sequences indented under their
 * key). Whether a string may stay plain is decided by the package's own rules: its indicator
 * test, and the YAML 1.1 schema's tags (a string a tag would read as a number, boolean, null or
 * timestamp is quoted). Quoted strings are written by the package, once per distinct string.
 */

/** cdk8s's options (cdk8s/lib/yaml.js): YAML 1.1, no folding. */
const CDK8S_OPTIONS = { keepUndefined: true, lineWidth: 0, version: '1.1' } as const;

/** The package's rendering of one document, as cdk8s calls it. */
export type YamlFallback = (doc: unknown) => string;

const packageStringify: YamlFallback = (doc) => stringify(doc, CDK8S_OPTIONS);

/** Thrown inside the writer when a document needs the package. */
class NotCovered {}
const NOT_COVERED = new NotCovered();

/** The package's test for characters that make a plain scalar ambiguous (stringifyString.js). */
const INDICATORS = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Characters the package always writes double-quoted. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** A line that would start a directive or a document: the package's handling of a plain one depends on depth. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/;
/** The package moves keys longer than this to the explicit `? key` form. */
const MAX_IMPLICIT_KEY = 1024;

let otherTypeTests: RegExp[] | undefined;

/**
 * The patterns of the YAML 1.1 schema's default tags other than str, the package's own objects,
 * joined into one pattern per set of flags (each is anchored on its own).
 */
function otherTypes(): RegExp[] {
  if (otherTypeTests === undefined) {
    const schema = new Document(null, { version: '1.1' }).schema;
    const byFlags = new Map<string, string[]>();
    for (const tag of [...schema.tags, ...(schema.compat ?? [])]) {
      if (!tag.default || tag.tag === 'tag:yaml.org,2002:str' || !(tag.test instanceof RegExp)) continue;
      byFlags.set(tag.test.flags, [...(byFlags.get(tag.test.flags) ?? []), `(?:${tag.test.source})`]);
    }
    otherTypeTests = [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
  }
  return otherTypeTests;
}

/**
 * How the package writes a string S as a value or key, in its order of tests: 'plain', 'quoted'
 * (the same on one line wherever it stands) or NOT_COVERED (a block scalar, or a rule that
 * depends on the depth).
 */
function stringStyle(s: string): 'plain' | 'quoted' | NotCovered {
  if (s.includes('\n')) return NOT_COVERED;
  if (FORCE_DOUBLE.test(s) || INDICATORS.test(s)) return 'quoted';
  if (DOCUMENT_MARKER.test(s)) return NOT_COVERED;
  for (const test of otherTypes()) if (test.test(s)) return 'quoted';
  return 'plain';
}

/**
 * Distinct strings are few next to their uses (labels, images, names repeat in every tenant); a
 * bounded cache, of short strings only: long ones (a config Secret's data) are each tenant's own,
 * and keeping them would keep a fleet's worth of them alive.
 */
const CACHE_LIMIT = 100_000;
const CACHED_LENGTH = 256;
const valueCache = new Map<string, string | NotCovered>();
const keyCache = new Map<string, string | NotCovered>();

function cached(cache: Map<string, string | NotCovered>, s: string, render: (s: string) => string | NotCovered): string {
  let r = cache.get(s);
  if (r === undefined) {
    r = render(s);
    if (s.length <= CACHED_LENGTH) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(s, r);
    }
  }
  if (r === NOT_COVERED) throw NOT_COVERED;
  return r as string;
}

/** A string as a mapping value or sequence item. */
function renderValueString(s: string): string | NotCovered {
  const style = stringStyle(s);
  if (style !== 'quoted') return style === 'plain' ? s : style;
  const line = stringify({ k: s }, CDK8S_OPTIONS);
  return line.startsWith('k: ') && line.indexOf('\n') === line.length - 1 ? line.slice(3, -1) : NOT_COVERED;
}

/** A mapping key, while it stays an implicit key (the package writes long ones as `? key`). */
function renderKey(s: string): string | NotCovered {
  const style = stringStyle(s);
  if (style === 'plain' && s.length <= MAX_IMPLICIT_KEY) return s;
  if (style === NOT_COVERED) return style;
  const line = stringify({ [s]: null }, CDK8S_OPTIONS);
  const suffix = ': null\n';
  if (line.startsWith('? ') || !line.endsWith(suffix) || line.indexOf('\n') !== line.length - 1) return NOT_COVERED;
  return line.slice(0, -suffix.length);
}

function scalar(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string': return cached(valueCache, v, renderValueString);
    case 'boolean': return v ? 'true' : 'false';
    case 'number':
      // The package writes -0 as such; the rest are integers as String() writes them.
      if (!Number.isSafeInteger(v) || Object.is(v, -0)) throw NOT_COVERED;
      return String(v);
    case 'object':
      return v === null ? 'null' : undefined;
    default:
      throw NOT_COVERED;
  }
}

/** Only plain objects and arrays are laid out here; the package calls toJSON() and the like on others. */
function checkPlain(v: object): void {
  if (!Array.isArray(v) && !isPlainObject(v)) throw NOT_COVERED;
}

class Writer {
  private readonly out: string[] = [];
  /** Every collection written: one met twice is an alias in the package's output. */
  private readonly seen = new Set<object>();

  public document(doc: unknown): string {
    if (typeof doc !== 'object' || doc === null) throw NOT_COVERED;
    this.collection(doc, '', '', '', '\n');
    return this.out.join('');
  }

  /**
   * Writes a plain object or array: empty, as `{}` or `[]` after PAD, then END; else its first
   * entry after FIRST and the others at INDENT.
   */
  private collection(c: object, first: string, indent: string, pad: string, end: string): void {
    checkPlain(c);
    if (this.seen.has(c)) throw NOT_COVERED;
    this.seen.add(c);
    if (Array.isArray(c)) {
      if (c.length === 0) this.out.push(pad, '[]', end);
      else this.sequence(c, first, indent);
      return;
    }
    const keys = Object.keys(c);
    if (keys.length === 0) this.out.push(pad, '{}', end);
    else this.mapping(c as Record<string, unknown>, keys, first, indent);
  }

  /** Writes a mapping's KEYS: the first line after FIRST (a sequence's `- `), the others at INDENT. */
  private mapping(map: Record<string, unknown>, keys: readonly string[], first: string, indent: string): void {
    let lead = first;
    for (const key of keys) {
      const v = map[key];
      if (v === undefined) throw NOT_COVERED;
      this.out.push(lead, cached(keyCache, key, renderKey), ':');
      lead = indent;
      this.child(v, indent + '  ', indent + '  ');
    }
  }

  /** Writes a non-empty sequence: its first `- ` after FIRST, the others at INDENT. */
  private sequence(seq: readonly unknown[], first: string, indent: string): void {
    let lead = first;
    for (const v of seq) {
      if (v === undefined) throw NOT_COVERED;
      this.out.push(lead, '-');
      lead = indent;
      this.child(v, '', indent + '  ');
    }
  }

  /**
   * Writes V after a `key:` or `-`: a scalar or empty collection on the same line; a mapping
   * value on the next lines at BLOCK; a sequence item's collection on the same line, at INNER.
   */
  private child(v: unknown, block: string, inner: string): void {
    const s = scalar(v);
    if (s !== undefined) {
      this.out.push(' ', s, '\n');
    } else if (block === '') {
      this.collection(v as object, ' ', inner, ' ', '\n');
    } else {
      // Under a key, a collection starts on the next line (a sequence, too, indented one step).
      this.collection(v as object, `\n${block}`, block, ' ', '\n');
    }
  }
}

/**
 * One manifest as cdk8s's `Yaml.stringify` writes it, ending with a newline. FALLBACK renders
 * what the writer does not cover: the `yaml` package by default; cdk8s's own `Yaml.stringify`
 * where the bytes must be those of the app's cdk8s.
 */
export function manifestYaml(doc: unknown, fallback: YamlFallback = packageStringify): string {
  try {
    return new Writer().document(doc);
  } catch (e) {
    if (e === NOT_COVERED) return fallback(doc);
    throw e;
  }
}

/** Several manifests as cdk8s's `Yaml.stringify(...docs)` joins them. */
export function manifestStream(docs: readonly unknown[], fallback: YamlFallback = packageStringify): string {
  return docs.map((d) => (d === undefined ? '\n' : manifestYaml(d, fallback))).join('---\n');
}

/**
 * Strings at the edges of the package's rules (YAML 1.1 booleans, numbers, null, timestamps,
 * indicators, quotes, control characters), as keys and values at several depths.
 */
const PROBE_STRINGS = [
  'plain', 'a b', 'y', 'Yes', 'off', 'NULL', '~', '0777', '0b101', '0x1F', '1_000', '190:20:30', '1e3', '.5', '.inf', '-.Inf', '.NaN',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '<<', '=', '-', '?', '- a', 'a: b', 'a #b', 'a#b', 'a:', ' a', 'a ', '@a', '`a', '%a',
  "it's", 'say "hi"', '\'both" ', 'tab\there', 'bell\u0007', 'é ☃ 🚀', '',
];
const PROBE = {
  top: PROBE_STRINGS,
  nested: {
    list: PROBE_STRINGS.map((s) => ({ [s]: s, [`${s}.`]: [s, [s]] })),
    empty: {},
    none: [],
    n: [0, -7, 9007199254740991],
    b: [true, false, null],
  },
  ...Object.fromEntries(PROBE_STRINGS.map((s) => [s, s])),
};
/** Whether the writer gives FALLBACK's bytes on the probe: false for a `yaml` package whose rules differ from this one's. */
export function writerAgrees(fallback: YamlFallback): boolean {
  let covered = true;
  const written = manifestYaml(PROBE, (d) => {
    covered = false;
    return fallback(d);
  });
  return written === fallback(PROBE) && covered;
}
