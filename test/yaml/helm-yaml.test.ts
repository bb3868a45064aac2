import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CASES_DIR, withCorpus } from '../conformance/cases';
import { expectedDocs } from '../conformance/run-case';
import { HelmYamlError } from '../../src/yaml/go-yaml/marshal-error';
import { helmToYaml, helmToYamlRaw } from '../../src/yaml/helm-yaml';
import { helmToYamlCached } from '../../src/yaml/helm-yaml-cache';
import { vClusterConfigHash } from '../../src/yaml/vcluster-config-yaml';

/** [test name, input, Helm's toYaml output]. Every expectation was also checked with helm v4.1.4. */
type Row = readonly [string, unknown, string];

const expectRows = (rows: readonly Row[]): void => {
  it.each(rows)('%s', (_name, input, expected) => {
    expect(helmToYaml(input)).toBe(expected);
  });
};

describe('helmToYaml', () => {
  describe('layout', () => {
    expectRows([
      // yaml.v2 mapv sorts the keys; emit_block_mapping_key indents nested maps by best_indent (2)
      ['sorts map keys and indents nested maps by two spaces', { b: { d: 1, c: 2 }, a: 'x' }, 'a: x\nb:\n  c: 2\n  d: 1'],
      // emit_mapping_start/emit_sequence_start: check_empty_* selects flow style
      ['writes empty collections in flow style', { a: {}, b: [], c: [{}, []] }, 'a: {}\nb: []\nc:\n- {}\n- []'],
      // emit_block_sequence_item: indentless in a mapping context after ':'
      ['does not indent a list under its key', { a: [1, 2], b: { c: ['x'] } }, 'a:\n- 1\n- 2\nb:\n  c:\n  - x'],
      // emit_block_mapping_key: indent +2, so the first key shares the dash's line
      ['writes maps inside lists after the dash', { a: [{ x: 1, y: 2 }, { z: [3] }] }, 'a:\n- x: 1\n  "y": 2\n- z:\n  - 3'],
      // emit_block_sequence_item: in a sequence context the nested sequence indents by 2
      ['writes lists inside lists on one line', [[1, 2], [[3]], []], '- - 1\n  - 2\n- - - 3\n- []'],
    ]);

    it('writes a top-level scalar as a document of its own', () => {
      expect(helmToYaml('abc')).toBe('abc');
      expect(helmToYaml(5)).toBe('5');
      expect(helmToYaml([])).toBe('[]');
      expect(helmToYaml({})).toBe('{}');
      expect(helmToYaml(null)).toBe('null');
    });

    it('omits undefined members and writes undefined list items as null, as JSON.stringify does', () => {
      expect(helmToYaml({ a: undefined, b: [undefined, 1] })).toBe('b:\n- null\n- 1');
    });
  });

  describe('quoting', () => {
    expectRows([
      // resolve: resolveMap holds the YAML 1.1 booleans; exact and case-sensitive
      ['quotes strings that YAML 1.1 reads as booleans', ['y', 'Y', 'yes', 'No', 'on', 'OFF', 'true', 'True', 'tRUE'],
        '- "y"\n- "Y"\n- "yes"\n- "No"\n- "on"\n- "OFF"\n- "true"\n- "True"\n- tRUE'],
      // resolve: "", "~" and the null spellings resolve to null
      ['quotes strings that read as null', ['', '~', 'null', 'Null', 'NULL', 'nil', 'none'],
        '- ""\n- "~"\n- "null"\n- "Null"\n- "NULL"\n- nil\n- none'],
      // resolve: ParseInt/ParseUint with base 0 after removing "_", plus go-yaml's own "0b" followed by a sign
      ['quotes integers in any Go base', ['4', '-4', '+4', '017', '0o17', '0x1F', '0b101', '1_000', '0b-1'],
        '- "4"\n- "-4"\n- "+4"\n- "017"\n- "0o17"\n- "0x1F"\n- "0b101"\n- "1_000"\n- "0b-1"'],
      // resolve: yamlStyleFloat then ParseFloat; resolveMap for .inf/.nan; after '.', ParseFloat accepts "_" between digits
      ['quotes floats and special floats', ['3.20', '.5', '-.5', '1.', '1e3', '.inf', '-.Inf', '.NaN', '.5_0'],
        '- "3.20"\n- ".5"\n- "-.5"\n- "1."\n- "1e3"\n- ".inf"\n- "-.Inf"\n- ".NaN"\n- ".5_0"'],
      // resolve: a ParseFloat overflow is an error (so a string); hex floats fail yamlStyleFloat
      ['leaves number-like strings that Go cannot parse plain', ['1e999', '.5e999', '0x1p-2', '1__0x', '._5', '0x', '.'],
        '- 1e999\n- .5e999\n- 0x1p-2\n- 1__0x\n- ._5\n- 0x\n- .'],
      // isBase60Float: quoted for YAML 1.1 readers although go-yaml itself reads them as strings
      ['quotes base-60 numbers', ['1:20', '-12:30:45', '1_0:30', '1:2:3.5'], '- "1:20"\n- "-12:30:45"\n- "1_0:30"\n- "1:2:3.5"'],
      // isBase60Float: every group is :[0-5]?[0-9]
      ['leaves impossible base-60 numbers plain', ['12:60', '1:3x', '1::2'], '- 12:60\n- 1:3x\n- 1::2'],
      // resolve: parseTimestamp tries time.Parse with 2006-1-2T15:4:5.999999999Z07:00, ...t..., "2006-1-2 15:4:5.999999999", 2006-1-2
      ['quotes timestamps that Go can parse',
        ['2024-01-15', '2024-1-5', '2024-02-29', '2024-01-02 10:00:00', '2024-01-02T10:00:00Z', '2024-01-02t1:2:3.5+24:00'],
        '- "2024-01-15"\n- "2024-1-5"\n- "2024-02-29"\n- "2024-01-02 10:00:00"\n- "2024-01-02T10:00:00Z"\n- "2024-01-02t1:2:3.5+24:00"'],
      // time.Parse: day/hour/zone range checks, a zone is required after 'T', the year has four digits
      ['leaves invalid dates plain',
        ['2023-02-29', '2024-13-01', '2024-01-02 24:00:00', '2024-01-02T10:00:00+25:00', '2024-01-02T10:00:00', '24-01-02'],
        '- 2023-02-29\n- 2024-13-01\n- 2024-01-02 24:00:00\n- 2024-01-02T10:00:00+25:00\n- 2024-01-02T10:00:00\n- 24-01-02'],
      // resolve: the merge key "<<" is only looked up for hinted first characters, and '<' is not one
      ['leaves "<<" plain', { a: '<<' }, 'a: <<'],
    ]);
  });

  describe('multi-line strings', () => {
    expectRows([
      // stringv: a string with \n asks for literal style; one final break means clip chomping (no indicator)
      ['writes a string ending in one newline as a plain literal block', { a: 'x\n' }, 'a: |\n  x'],
      // write_block_scalar_hints: no final break gives '-'
      ['strips a missing final newline with "|-"', { a: 'x\ny' }, 'a: |-\n  x\n  y'],
      // write_block_scalar_hints: two final breaks give '+'
      ['keeps several final newlines with "|+"', { a: 'x\n\n', b: 1 }, 'a: |+\n  x\n\nb: 1'],
      // write_block_scalar_hints: a leading space or break needs the indentation indicator (best_indent)
      ['adds an indentation indicator to a block starting with a space or newline', [' x\ny', '\nx'],
        '- |2-\n   x\n  y\n- |2-\n\n  x'],
      // analyze_scalar: break_space forbids plain and single quotes, not block styles
      ['keeps a literal block when a line starts with a space', { a: 'x\n y' }, 'a: |-\n  x\n   y'],
    ]);

    it('trims only the one newline Helm trims after a "|+" block', () => {
      expect(helmToYamlRaw('x\n\n')).toBe('|+\n  x\n\n');
      expect(helmToYaml('x\n\n')).toBe('|+\n  x\n');
    });
  });

  describe('long strings', () => {
    expectRows([
      // write_plain_scalar: break at a space once the column passes best_width (80); continuation at the scalar's indent
      ['folds a long plain string at a space after column 80',
        { description: 'lorem ipsum dolor sit amet '.repeat(6).trim() },
        'description: lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor\n' +
        '  sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor\n  sit amet'],
      // write_single_quoted_scalar: the same folding rule inside quotes
      ['folds a long single-quoted string', { a: '#' + ' lorem ipsum'.repeat(12) },
        "a: '# lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem\n" +
        "  ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum'"],
      // write_double_quoted_scalar: fold at a space; a space that would start the next line is escaped ("\ ")
      ['folds a long double-quoted string and escapes a space starting a line', { a: 'a\t' + 'x'.repeat(78) + '  y' },
        'a: "a\\t' + 'x'.repeat(78) + '\n  \\ y"'],
      // process_scalar: allow_breaks is false in a simple key context
      ['never folds a simple key', { ['k '.repeat(60).trim()]: 'v' }, 'k '.repeat(60).trim() + ': v'],
      // check_simple_key: keys over 128 bytes use "? key" / ": value", and there breaks are allowed
      ['writes keys over 128 bytes in the explicit "?" form, folded', { ['key '.repeat(40).trim()]: { x: 1 } },
        '? ' + 'key '.repeat(20).trim() + '\n  ' + 'key '.repeat(20).trim() + '\n: x: 1'],
    ]);
  });

  describe('numbers', () => {
    expectRows([
      // encoding/json prints integral float64s without a decimal point; go-yaml reads them back as int64 or
      // uint64 when they fit, otherwise as float64 printed by FormatFloat(f, 'g', -1): %e from exponent 6 or below -4
      ['writes numbers the way encoding/json and strconv print a float64',
        [0, -1, 0.5, -0.25, 100, 1e6, 123456.5, 1234567.5, 0.0001, 0.00001, 1.5e-7, 1e20, 1e21, 2 ** 53, 2 ** 63, 2 ** 64,
          -(2 ** 63), Number.MAX_VALUE],
        '- 0\n- -1\n- 0.5\n- -0.25\n- 100\n- 1000000\n- 123456.5\n- 1.2345675e+06\n- 0.0001\n- 1e-05\n- 1.5e-07\n' +
        '- 1e+20\n- 1e+21\n- 9007199254740992\n- 9223372036854776000\n- 1.8446744073709552e+19\n' +
        '- -9.223372036854776e+18\n- 1.7976931348623157e+308'],
      // boolv / nilv
      ['writes booleans and null plain', [true, false, null], '- true\n- false\n- null'],
    ]);
  });

  describe('unicode', () => {
    expectRows([
      // is_printable: the BMP outside controls and surrogates is printable, so plain
      ['writes unicode letters plain', { a: 'héllo 日本語' }, 'a: héllo 日本語'],
      // is_printable: 4-byte UTF-8 sequences are not printable: double quotes and \U
      ['escapes characters outside the BMP', { a: 'x\u{1f600}' }, 'a: "x\\U0001F600"'],
      // write_double_quoted: is_bom tests the start of the value, not the current character, so all is escaped
      ['escapes every character of a string starting with a BOM', { a: '\ufeffab' }, 'a: "\\uFEFF\\x61\\x62"'],
      // is_printable: U+00A0 is printable and is not a space
      ['writes a no-break space raw in plain text', { a: 'a\u00a0b' }, 'a: a\u00a0b'],
      // write_double_quoted: the short escapes, else \xXX
      ['escapes C0 controls with short escapes', { a: '\u0000\u0007\u0008\u000b\u000c\u001b\u0001' },
        'a: "\\0\\a\\b\\v\\f\\e\\x01"'],
      // scan_flow_scalar: encoding/json leaves NEL raw and go-yaml folds it like a line break when reading the
      // JSON back: spaces around it vanish, one NEL becomes a space, n NELs n-1 newlines
      ['folds NEL the way go-yaml reads it back from JSON', ['a\u0085b', 'a \u0085 b', 'a\u0085\u0085b', '\u0085x'],
        "- a b\n- a b\n- |-\n  a\n  b\n- ' x'"],
      // write_single_quoted: U+2028 is printable but a break: written raw, then write_indent pads the next line
      ['single-quotes a line separator and indents what follows it', { a: { b: 'x\u2028y' } }, "a:\n  b: 'x\u2028    y'"],
    ]);
  });

  describe('keys', () => {
    expectRows([
      // resolve: keys go through stringv like values, so ones that read as numbers are quoted
      ['quotes numeric-looking keys', { '1': 'a', '1.5': 'b', '0x1F': 'c', k: 'd' }, '"0x1F": c\n"1": a\n"1.5": b\nk: d'],
      // resolve: null and YAML 1.1 booleans
      ['quotes keys that read as null or booleans', { null: 1, '~': 2, y: 3, on: 4 }, '"~": 2\n"null": 1\n"on": 4\n"y": 3'],
      // resolve: an empty key would read as null
      ['quotes an empty-string key', { '': 'x' }, '"": x'],
      // analyze_scalar: the same indicator rules as for values
      ['single-quotes a key containing ": "', { 'x: y': 1 }, "'x: y': 1"],
      // check_simple_key: a multi-line key is not simple; outside a simple key context the literal style is allowed
      ['writes a multi-line key as a "?" literal block', { 'a\nb': [1] }, '? |-\n  a\n  b\n: - 1'],
      // sorter.go keyList.Less: digit runs compare as numbers, non-letters sort before letters, letters by code point
      ['sorts keys naturally: numbers by value, non-letters before letters',
        { a10: 1, a2: 2, 'a-1': 3, B: 4, b: 5, _x: 6, '10': 7, '9': 8 },
        '_x: 6\n"9": 8\n"10": 7\nB: 4\na-1: 3\na2: 2\na10: 1\nb: 5'],
    ]);
  });

  describe('edge cases outside the corpus', () => {
    expectRows([
      // analyze_scalar: ':' followed by whitespace is a block indicator, so not plain; single quotes are allowed
      ['single-quotes a string containing ": "', { a: 'x: y' }, "a: 'x: y'"],
      // analyze_scalar: ':' only counts when followed by whitespace
      ['keeps a colon not followed by a space plain', { a: 'x:y' }, 'a: x:y'],
      // analyze_scalar: '#' preceded by whitespace would start a comment
      ['single-quotes " #" inside a string', { a: 'x #y' }, "a: 'x #y'"],
      // analyze_scalar: '#' inside a word is harmless
      ['keeps "#" inside a word plain', { a: 'x#y' }, 'a: x#y'],
      // analyze_scalar: '#' is an indicator as first character
      ['single-quotes a leading "#"', { a: '#x' }, "a: '#x'"],
      // analyze_scalar: '-' followed by whitespace at the start is a sequence entry
      ['single-quotes a leading "- "', { a: '- x' }, "a: '- x'"],
      // analyze_scalar: '-' glued to text is not an indicator
      ['keeps a leading "-" glued to text plain', { a: '-x' }, 'a: -x'],
      // analyze_scalar: the end of the value counts as whitespace after '-'
      ['single-quotes a lone "-"', { a: '-' }, "a: '-'"],
      // analyze_scalar: alias, anchor, tag, directive and reserved indicators as first character
      ['single-quotes a leading "*", "&", "!", "%", "@" and backtick', ['*x', '&x', '!x', '%x', '@x', '`x'],
        "- '*x'\n- '&x'\n- '!x'\n- '%x'\n- '@x'\n- '`x'"],
      // analyze_scalar: block scalar and flow indicators as first character
      ['single-quotes a leading "|", ">", "[", "{" and ","', ['|x', '>x', '[x', '{x', ',x'],
        "- '|x'\n- '>x'\n- '[x'\n- '{x'\n- ',x'"],
      // analyze_scalar: '?' is a block indicator only before whitespace
      ['keeps "?x" plain but quotes "? x"', ['?x', '? x'], "- ?x\n- '? x'"],
      // write_single_quoted: a single quote is written twice; a leading double quote is an indicator
      ['doubles a single quote inside single quotes', ["'x", '"x'], "- '''x'\n- '\"x'"],
      // analyze_scalar: a leading or trailing space forbids plain style
      ['single-quotes leading and trailing spaces', [' x', 'x ', ' '], "- ' x'\n- 'x '\n- ' '"],
      // is_printable: tab and CR are not printable, so only double quotes can hold them
      ['double-quotes tabs and carriage returns', ['a\tb', 'a\rb'], '- "a\\tb"\n- "a\\rb"'],
      // analyze_scalar: space_break (a space before a newline) forbids plain, single quotes and block styles
      ['double-quotes a multi-line string with a space before a newline', { a: 'x \ny' }, 'a: "x \\ny"'],
      // analyze_scalar: trailing_space forbids block styles
      ['double-quotes a multi-line string with a trailing space', { a: 'x\ny ' }, 'a: "x\\ny "'],
      // analyze_scalar: special characters (here a tab) forbid block styles
      ['double-quotes a multi-line string with a tab', { a: 'x\n\ty' }, 'a: "x\\n\\ty"'],
      // resolve: keys '1' and 'null' would read back as an int and a null
      ['quotes the keys "1" and "null" but not "one"', { '1': 1, null: 2, one: 3 }, '"1": 1\n"null": 2\none: 3'],
    ]);
  });

  describe('where Helm fails to marshal', () => {
    const failures: ReadonlyArray<readonly [string, unknown]> = [
      // encoding/json: UnsupportedValueError for NaN and infinities
      ['NaN', { a: NaN }],
      ['Infinity', [Infinity]],
      // encoding/json leaves DEL, C1 controls and U+FFFE/U+FFFF raw; go-yaml's reader rejects them
      ['a C1 control character', { a: 'x\u0080y' }],
      ['DEL', { a: 'x\u007fy' }],
      ['U+FFFE', ['x\ufffey']],
      // scanner: a raw NEL puts the key on two lines, so the ':' after it has no simple key
      ['a NEL in a key', { 'a\u0085b': 1 }],
      // scan_flow_scalar: after a NEL, "--- " or "... " at the start of a line is a document marker
      ['a document marker after a NEL', ['a\u0085--- x']],
      // scanner: the ':' must follow within 1024 characters of the key's opening quote, as JSON text
      ['a key of 1023 characters', { ['k'.repeat(1023)]: 1 }],
      ['a key of 1017 characters plus "<", which encoding/json writes as \\u003c', { ['k'.repeat(1017) + '<']: 1 }],
      // encoding/json: cycles are unsupported values
      ['a cycle', ((): unknown => { const o: Record<string, unknown> = {}; o.self = o; return o; })()],
    ];

    it.each(failures)('renders an empty string for %s', (_what, input) => {
      expect(helmToYaml(input)).toBe('');
      expect(() => helmToYamlRaw(input)).toThrow(HelmYamlError);
    });

    it('accepts keys up to the scanner limit', () => {
      expect(helmToYaml({ ['k'.repeat(1022)]: 1 })).toBe(`? ${'k'.repeat(1022)}\n: 1`);
      expect(helmToYaml({ ['k'.repeat(1016) + '<']: 1 })).toBe(`? ${'k'.repeat(1016)}<\n: 1`);
    });

    it('throws a TypeError for values that have no JSON form', () => {
      expect(() => helmToYaml({ a: () => 1 })).toThrow(TypeError);
      expect(() => helmToYaml([Symbol('x')])).toThrow(TypeError);
      expect(() => helmToYaml({ a: new Date(0) })).toThrow(TypeError);
      expect(() => helmToYaml({ a: 1n })).toThrow(TypeError);
    });
  });
});

describe('helmToYamlRaw', () => {
  it('keeps the trailing newline that helmToYaml trims', () => {
    expect(helmToYamlRaw({ a: 1, b: [] })).toBe('a: 1\nb: []\n');
    expect(helmToYaml({ a: 1, b: [] })).toBe('a: 1\nb: []');
  });
});

// ------------------------------------------------------------------------------------------------------------------
// The conformance corpus: helm template output of the chart, whose vc-config Secret holds toYaml of the merged values.

const CASES = CASES_DIR;

interface CorpusCase {
  /** The decoded `config.yaml` of the vc-config Secret: Helm's toYaml of the values. */
  readonly configYaml: string;
  /** Every vClusterConfigHash annotation found on a pod template. */
  readonly hashes: string[];
  /** The case's own values.yaml (the user's values, before the chart's defaults). */
  readonly userValues: unknown;
  /** `configYaml` parsed. */
  readonly config: unknown;
}

const loaded = new Map<string, CorpusCase>();

type JsonObject = Record<string, unknown>;

/** The value at a path of object keys, or undefined. */
const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as JsonObject)[k] : undefined), value);

function loadCase(name: string): CorpusCase {
  const cached = loaded.get(name);
  if (cached) return cached;
  const dir = path.join(CASES, name);
  const release = JSON.parse(fs.readFileSync(path.join(dir, 'release.json'), 'utf8')) as { name: string };
  const docs = expectedDocs({ name, expected: fs.readFileSync(path.join(dir, 'expected.yaml'), 'utf8') });
  const secret = docs.find((d) => at(d, 'kind') === 'Secret' && at(d, 'metadata', 'name') === `vc-config-${release.name}`);
  const data = at(secret, 'data', 'config.yaml');
  if (typeof data !== 'string') throw new Error(`${name}: no vc-config-${release.name} Secret with config.yaml`);
  const hashes = docs
    .map((d) => at(d, 'spec', 'template', 'metadata', 'annotations', 'vClusterConfigHash'))
    .filter((h): h is string => typeof h === 'string');
  const configYaml = Buffer.from(data, 'base64').toString('utf8');
  const result: CorpusCase = {
    configYaml,
    config: parseConfig(configYaml),
    hashes,
    userValues: parse(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf8')),
  };
  loaded.set(name, result);
  return result;
}

/** The text was written by go-yaml v2 (YAML 1.1); it quotes anything ambiguous, so 1.1 and 1.2 must agree. */
function parseConfig(text: string): unknown {
  const values: unknown = parse(text, { version: '1.1' });
  expect(parse(text)).toEqual(values);
  return values;
}

/**
 * The values the chart hashed. With kubeVip enabled the chart's statefulset template appends NET_ADMIN and
 * NET_RAW to the control plane's container capabilities after taking the hash, and config-secret.yaml is
 * rendered after that, so the Secret shows the appended list. Put back what the user gave (or nothing).
 */
function valuesAsHashed(values: unknown, userValues: unknown): unknown {
  if (at(values, 'controlPlane', 'advanced', 'kubeVip', 'enabled') !== true) return values;
  const copy = structuredClone(values);
  const contextPath = ['controlPlane', 'statefulSet', 'security', 'containerSecurityContext'];
  const context = at(copy, ...contextPath) as JsonObject;
  const userCapabilities = at(userValues, ...contextPath, 'capabilities');
  if (userCapabilities === undefined) {
    delete context.capabilities;
  } else {
    context.capabilities = userCapabilities;
  }
  return copy;
}

withCorpus('The helm-yaml corpus checks', () => {
  const caseNames = fs.readdirSync(CASES).filter((c) => fs.existsSync(path.join(CASES, c, 'expected.yaml'))).sort();

  describe('conformance corpus (vcluster chart 0.36.1, helm v4.1.4)', () => {
    it.each(caseNames)('reproduces the config.yaml of %s byte for byte', (name) => {
      const { configYaml, config } = loadCase(name);
      expect(helmToYaml(config)).toBe(configYaml);
      expect(helmToYamlCached(config, new Map())).toBe(configYaml);
    });

    it.each(caseNames)('reproduces the vClusterConfigHash of %s', (name) => {
      const { config, hashes, userValues } = loadCase(name);
      expect(hashes.length).toBeGreaterThan(0);
      const hash = vClusterConfigHash(valuesAsHashed(config, userValues));
      for (const expected of hashes) expect(hash).toBe(expected);
    });
  });
});

describe('helmToYaml across calls', () => {
  it('writes a value the same whatever was written before (the scalar caches keep no column or depth)', () => {
    const long = 'a long plain value with spaces that folds once it passes the eightieth column of the line';
    const later = { deeply: { nested: { key: long, n: -0, list: [long, 'y', 7] } }, top: long };
    let cold = '';
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a cold copy needs a fresh module registry
      cold = (require('../../src/yaml/helm-yaml') as typeof import('../../src/yaml/helm-yaml')).helmToYaml(later);
    });
    helmToYaml({ top: long, n: 0, list: ['y', long], key: 7 });
    expect(helmToYaml(later)).toBe(cold);
    // It folds, at each depth's indentation.
    expect(cold).toContain('\n      of the line');
    expect(cold).toContain('\n  of the line');
  });

  it('refuses a control character every time, not only the first', () => {
    expect(helmToYaml({ a: 'bell\u0085x\u0080' })).toBe('');
    expect(helmToYaml({ a: 'bell\u0085x\u0080' })).toBe('');
  });
});
