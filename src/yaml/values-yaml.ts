import { isUtf8 } from 'buffer';
import { Composer, Document, isScalar, LineCounter, Parser, ScalarTag, Tags, visit } from 'yaml';
import { formatFloat32, parseGoInt } from './go-yaml/strconv';
import { checkNesting, checkTextSize, limitedJS } from './yaml-limits';
import { mergeValueFiles } from '../values/coalesce';
import { valuesError } from '../values/diagnostic';
import { plainValues } from '../values/user-values';
import { isMap, ValueMap } from '../values/value-map';

/**
 * Integers go-yaml v2 reads with Go's ParseInt(s, 0, 64) that the YAML 1.1 tags miss: the 0o
 * octal prefix and upper-case base prefixes (0O17, 0B11, 0X1F).
 */
const GO_PREFIXED_INT: ScalarTag = {
  identify: (v) => typeof v === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: /^[-+]?0(?:[oO][0-7_]+|B[01_]+|X[0-9a-fA-F_]+)$/,
  resolve: (text) => {
    const negative = text.startsWith('-');
    const body = text.replace(/^[-+]/, '').replace(/_/g, '');
    const base = { o: 8, b: 2, x: 16 }[body[1].toLowerCase() as 'o' | 'b' | 'x'];
    const n = parseInt(body.slice(2), base);
    return negative ? -n : n;
  },
};

/**
 * The YAML 1.1 tags go-yaml v2 resolves: no timestamps and no sexagesimal numbers (`1:20` stays a
 * string), which the yaml package's 1.1 schema would otherwise read, and Go's prefixed integers.
 */
export function goYamlTags(tags: Tags): Tags {
  return [GO_PREFIXED_INT, ...tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'))];
}

/**
 * go-yaml v2 as Helm calls it: YAML 1.1 (`yes`/`on` are booleans), `<<` merges maps, and a key
 * given twice keeps its last value (the yaml package would refuse it, and its check for that is
 * quadratic in the number of keys).
 */
const YAML_OPTIONS = { version: '1.1', merge: true, uniqueKeys: false, customTags: goYamlTags } as const;

/**
 * Reads a values file the way Helm v4 does (`loader.LoadValues`): the text is split into
 * documents at lines starting with `---` (only a comment may follow it there), each document is
 * read with go-yaml v2 (YAML 1.1; timestamps stay strings, as they do once Helm has turned the
 * YAML into JSON), and the documents are merged in order, later ones winning. An empty file is
 * an empty map; a document that is no map is refused. Refuses too, naming the source and where:
 * bytes that are no UTF-8 (a UTF-16 file with its byte order mark is read, as go-yaml reads it),
 * keys JavaScript reserves, and what the limits of ./yaml-limits refuse (deep nesting, alias bombs, more than 3 MiB).
 */
export function parseValuesYaml(data: string | Uint8Array, source: string): ValueMap {
  const { text, whole } = decode(data, source);
  checkTextSize(text, source);
  // go-yaml reads a UTF-16 file as one stream (its line breaks are no "---\n" bytes for the splitter).
  const chunks = whole ? [{ text, line: 1 }] : splitDocuments(text, source);
  const maps: ValueMap[] = [];
  chunks.forEach((chunk, i) => {
    const value = parseDocument(chunk.text, chunk.line, source);
    if (value === null || value === undefined) return;
    if (!isMap(value)) {
      const where = chunks.length > 1 ? ` (document ${i + 1})` : '';
      throw valuesError({ path: source, subject: `${source}${where}`,
        message: `a values file must be a map of vcluster.yaml keys, got ${Array.isArray(value) ? 'a list' : typeof value}.` });
    }
    maps.push(value);
  });
  return maps.length === 1 ? maps[0] : mergeValueFiles(maps);
}

function decode(data: string | Uint8Array, source: string): { text: string; whole: boolean } {
  if (typeof data === 'string') return { text: withoutBom(data), whole: false };
  const utf16 = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(data.subarray(2)), whole: true };
    } catch {
      throw valuesError({ path: source, message: 'starts with a UTF-16 byte order mark but is no valid UTF-16.', fix: 'Save the file as UTF-8.' });
    }
  }
  return { text: withoutBom(strictUtf8(data, source)), whole: false };
}

/** The text of UTF-8 bytes; bytes that are no UTF-8 are refused with their offset, as Helm refuses them. */
export function strictUtf8(data: Uint8Array, source: string): string {
  if (!isUtf8(data)) {
    const offset = firstInvalidUtf8(data);
    let line = 1;
    for (let i = 0; i < offset; i++) if (data[i] === 0x0a) line++;
    throw valuesError({
      path: source,
      message: `not valid UTF-8 at byte offset ${offset} (line ${line}): 0x${data[offset].toString(16).padStart(2, '0')}.`,
      fix: 'Helm refuses such files too; save the file as UTF-8.',
    });
  }
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Where the first byte sequence that is no UTF-8 starts (overlong forms and surrogates included). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const lead = b[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > b.length) return i;
    let cp = lead & (0xff >> (length + 1));
    for (let j = 1; j < length; j++) {
      if ((b[i + j] & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (b[i + j] & 0x3f);
    }
    const min = [0, 0, 0x80, 0x800, 0x10000][length];
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += length;
  }
  return b.length;
}

interface Chunk {
  readonly text: string;
  /** The file's line number of the chunk's first line. */
  readonly line: number;
}

/**
 * The documents of a values file as Kubernetes' YAMLReader (which Helm uses) splits them: at
 * each line that starts with `---` followed by nothing but spaces or a comment; any other text
 * after `---` is an error. Line ends are read as "\n" ("\r\n" included).
 */
function splitDocuments(raw: string, source: string): Chunk[] {
  const text = raw.includes('\r\n') ? raw.replace(/\r\n/g, '\n') : raw;
  const chunks: Chunk[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  for (let pos = 0; pos < text.length; line++) {
    const newline = text.indexOf('\n', pos);
    const next = newline < 0 ? text.length : newline + 1;
    if (text.startsWith('---', pos)) {
      const rest = text.slice(pos + 3, next).trim();
      if (rest !== '' && !rest.startsWith('#')) {
        throw valuesError({ path: source, message: `line ${line}: "---" followed by ${JSON.stringify(rest)} is no document separator: Helm ` +
          'allows only a comment after "---".', fix: 'Start the document on the next line.' });
      }
      if (pos > start) chunks.push({ text: text.slice(start, pos), line: startLine });
      start = next;
      startLine = line + 1;
    }
    pos = next;
  }
  if (start < text.length) chunks.push({ text: text.slice(start), line: startLine });
  return chunks;
}

/** One document of a values file, as plain values; null when it is empty. */
function parseDocument(text: string, firstLine: number, source: string): unknown {
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const where = (offset: number): string => {
    const pos = lines.linePos(offset);
    return `line ${pos.line + firstLine - 1}, column ${pos.col}`;
  };
  // The composer recurses per level: check the nesting on the tokens before it runs.
  const hasAliases = checkNesting(tokens, source, where);
  // go-yaml reads only the first document of what the splitter hands it (text after "..." is ignored).
  const doc = new Composer(YAML_OPTIONS).compose(tokens, true, text.length).next().value as Document.Parsed | undefined;
  if (doc === undefined) return null;
  const err = doc.errors[0];
  if (err) throw valuesError({ path: source, message: `not valid YAML (${where(err.pos[0])}): ${err.message.split('\n')[0]}` });
  visit(doc, {
    Pair: (_, pair) => {
      if (isScalar(pair.key) && typeof pair.key.value === 'number') pair.key.value = numberKey(pair.key);
    },
  });
  return plainValues(limitedJS(doc, source, hasAliases) ?? null, source);
}

/**
 * A number as map key, as sigs.k8s.io/yaml turns it into a JSON key for Helm: an integer go-yaml reads as int64 in
 * decimal (0x10 is "16"), anything else as the float64 it is, formatted as a float32 with 'g' (1000000.0 is "1e+06",
 * 0.1 is "0.1"), with YAML's names for infinity and NaN.
 */
function numberKey(key: { value: unknown; source?: string; tag?: string }): string {
  const text = (key.source ?? '').replace(/_/g, '');
  const int = key.tag === 'tag:yaml.org,2002:float' ? undefined : parseGoInt(text, 0, true);
  if (int !== undefined) return String(int);
  const float = formatFloat32(key.value as number);
  return ({ '+Inf': '.inf', '-Inf': '-.inf', 'NaN': '.nan' } as Record<string, string>)[float] ?? float;
}

