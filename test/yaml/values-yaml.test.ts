import { parseValuesYaml } from '../../src/yaml/values-yaml';
import { ValuesError } from '../../src/values/errors';

describe('parseValuesYaml', () => {
  test('reads YAML 1.1 scalars as Helm does', () => {
    expect(parseValuesYaml('a: yes\nb: off\nc: "yes"\nd: 010\n', 'v.yaml')).toEqual({ a: true, b: false, c: 'yes', d: 8 });
  });

  test('keeps dates as strings', () => {
    expect(parseValuesYaml('since: 2024-01-02\n', 'v.yaml')).toEqual({ since: '2024-01-02' });
  });

  test('merges << map keys', () => {
    expect(parseValuesYaml('base: &b {x: 1}\nother:\n  <<: *b\n  z: 2\n', 'v.yaml').other).toEqual({ x: 1, z: 2 });
  });

  test('treats an empty file as no values', () => {
    expect(parseValuesYaml('# nothing\n', 'v.yaml')).toEqual({});
  });

  test('fails on malformed YAML, naming the file and the line', () => {
    expect(() => parseValuesYaml('a: [1, 2\nb: 3\n', 'broken.yaml')).toThrow(/^broken\.yaml: not valid YAML \(line \d+, column \d+\)/);
  });

  test('fails when the file is not a map', () => {
    expect(() => parseValuesYaml('- a\n- b\n', 'list.yaml')).toThrow('list.yaml: a values file must be a map of vcluster.yaml keys, got a list.');
  });
});

describe('numbers as go-yaml reads them', () => {
  test('reads the 0o octal prefix and upper-case base prefixes as Go does', () => {
    expect(parseValuesYaml('a: 0o17\nb: 0O17\nc: 0B11\nd: 0X1F\ne: -0o10\nf: 0b101\n', 'v.yaml')).toEqual({ a: 15, b: 15, c: 3, d: 31, e: -8, f: 5 });
  });

  test('turns number keys into the text Helm makes of them: integers in decimal, floats as float32 %g (helm v4.1.4)', () => {
    // helm v4.1.4, these keys under policies.resourceQuota.quota: 0.1, 1, 1.2345678e+07, 1000, 16, 1e+06, 3.1415927.
    const text = '1000000.0: 5\n0.1: 1\n0x10: 2\n1.0: 3\n3.14159265358979: 4\n1_000: 6\n12345678.0: 7\n';
    expect(Object.keys(parseValuesYaml(text, 'v.yaml')).sort()).toEqual(['0.1', '1', '1.2345678e+07', '1000', '16', '1e+06', '3.1415927']);
  });

  test('keeps an integer key beyond 2^53 exact, as go-yaml reads it as int64 (helm v4.1.4: 9007199254740993)', () => {
    expect(parseValuesYaml('9007199254740993: a\n', 'v.yaml')).toEqual({ '9007199254740993': 'a' });
  });
});

test('fails on .inf and .nan, which Helm cannot turn into JSON, naming the key', () => {
  expect(() => parseValuesYaml('controlPlane:\n  x: [1, .inf]\n', 'v.yaml'))
    .toThrow('v.yaml: controlPlane.x[1]: Infinity (.inf or .nan) cannot be represented in JSON, so Helm refuses it. Write a finite number, ' +
      'or quote it if you meant text.');
});

/** Helm v4's loader.LoadValues and go-yaml v2, checked with helm v4.1.4 where marked. */
describe('values files as Helm v4 reads them', () => {
  test('merges the documents of a file in order, later ones winning (helm v4.1.4)', () => {
    expect(parseValuesYaml('a: 2\n---\nb: 3\n---\n\n---\na: {x: 1}\n', 'v.yaml')).toEqual({ a: { x: 1 }, b: 3 });
  });

  test('splits documents only at lines starting with "---" and nothing but a comment after it (helm v4.1.4)', () => {
    expect(parseValuesYaml('a: 1\n--- # next\nb: 2\n', 'v.yaml')).toEqual({ a: 1, b: 2 });
    expect(parseValuesYaml('a: 1\r\n---\r\nb: 2\r\n', 'v.yaml')).toEqual({ a: 1, b: 2 });
    expect(parseValuesYaml('a: 1 ---\n', 'v.yaml')).toEqual({ a: '1 ---' });
    expect(() => parseValuesYaml('a: 1\n--- {b: 2}\n', 'v.yaml')).toThrow('v.yaml: line 2: "---" followed by "{b: 2}" is no document separator');
    expect(() => parseValuesYaml('a: 1\n----\n', 'v.yaml')).toThrow('"---" followed by "-"');
  });

  test('reads only the first document of what lies between separators, as go-yaml does (helm v4.1.4)', () => {
    expect(parseValuesYaml('a: 1\n...\nb: 2\n', 'v.yaml')).toEqual({ a: 1 });
  });

  test('keeps the last value of a key given twice, as go-yaml v2 does (helm v4.1.4)', () => {
    expect(parseValuesYaml('x: 1\nx: 2\n', 'v.yaml')).toEqual({ x: 2 });
  });

  test('reads UTF-8 with a byte order mark, and UTF-16 with one as one stream (helm v4.1.4)', () => {
    expect(parseValuesYaml(Buffer.from('\ufeffa: 5\n'), 'v.yaml')).toEqual({ a: 5 });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 7\n---\nb: 8\n', 'utf16le')]);
    expect(parseValuesYaml(le, 'v.yaml')).toEqual({ a: 7 });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a: 7\n', 'utf16le').swap16()]);
    expect(parseValuesYaml(be, 'v.yaml')).toEqual({ a: 7 });
  });

  test.each([
    ['a lone continuation byte', [0x61, 0x3a, 0x20, 0x80], 3],
    ['a truncated sequence', [0x61, 0x0a, 0x62, 0x3a, 0x20, 0xe2, 0x82], 5],
    ['an overlong form', [0x61, 0x3a, 0x20, 0xc0, 0xaf], 3],
    ['a surrogate', [0x61, 0x3a, 0x20, 0xed, 0xa0, 0x80], 3],
  ])('refuses bytes that are no UTF-8 (%s), naming the byte offset', (_what, bytes, offset) => {
    expect(() => parseValuesYaml(Uint8Array.from(bytes), 'v.yaml')).toThrow(`v.yaml: not valid UTF-8 at byte offset ${offset} `);
  });

  test.each([
    ['__proto__: {a: 1}\n', '__proto__', '__proto__'],
    ['a:\n  b:\n  - constructor: 1\n', 'a.b[0].constructor', 'constructor'],
    ['x: &p {prototype: 1}\ny: {<<: *p}\n', 'x.prototype', 'prototype'],
    ['---\nok: 1\n---\nz:\n  __proto__: 2\n', 'z.__proto__', '__proto__'],
  ])('refuses the reserved key of %j with its path, never dropping it', (text, path, key) => {
    expect(() => parseValuesYaml(text, 'v.yaml')).toThrow(`v.yaml: ${path}: the key "${key}" is refused`);
  });

  test('refuses nesting deeper than 100 levels with the path, in block and flow style', () => {
    let block = '';
    for (let i = 0; i < 150; i++) block += `${' '.repeat(i)}k${i}:\n`;
    expect(() => parseValuesYaml(block, 'v.yaml')).toThrow(
      /^v\.yaml \(line 101, column 101\): k0\.k1\.k2\.k3\.k4\.k5….k97\.k98\.k99: values nest more than 100 levels deep/,
    );
    expect(() => parseValuesYaml(`a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, 'v.yaml')).toThrow(
      /^v\.yaml \(line 1, column 103\): a\[0\]\[0\]\[0\]\[0\]\[0\]…\[0\]\[0\]\[0\]: values nest more than 100 levels deep/,
    );
    let ok = 'v';
    for (let i = 0; i < 99; i++) ok = `[${ok}]`;
    expect(() => parseValuesYaml(`a: ${ok}\n`, 'v.yaml')).not.toThrow();
  });

  test('refuses nesting that aliases make deeper than 100 levels, and an anchor containing itself (helm refuses it too)', () => {
    const text = `a: &a ${'['.repeat(60)}${']'.repeat(60)}\nb: ${'['.repeat(50)}*a${']'.repeat(50)}\n`;
    expect(() => parseValuesYaml(text, 'v.yaml')).toThrow(
      /^v\.yaml: b\[0\]\[0\]\[0\]\[0\]\[0\]…\[0\]\[0\]\[0\]: values nest more than 100 levels deep/,
    );
    expect(() => parseValuesYaml('a: &x [*x]\n', 'v.yaml')).toThrow('v.yaml: the anchor &x contains its own alias *x; Helm refuses such values too.');
  });

  test('fails on a map key that is a list, a map or null, naming the file, the line and the path (helm v4.1.4 refuses them)', () => {
    // helm v4.1.4: "error converting YAML to JSON: yaml: invalid map key: []interface {}{"a", "b"}" for `? [a, b]`, the
    // same for a map key, and "unsupported map key of type: %!s(<nil>), key: <nil>" for `~:` or `null:`.
    expect(() => parseValuesYaml('controlPlane:\n  statefulSet:\n    labels:\n      ? [a, b]\n      : x\n', 'v.yaml')).toThrow(new ValuesError(
      'controlPlane.statefulSet.labels',
      'v.yaml (line 4, column 9): controlPlane.statefulSet.labels: a map key that is a list ([a, b]); Helm refuses it (yaml: invalid map key). ' +
        'Write the key as a string.',
    ));
    expect(() => parseValuesYaml('a:\n  - {? {c: d} : y}\n', 'v.yaml'))
      .toThrow(/^v\.yaml \(line 2, column 8\): a\[0\]: a map key that is a map \(\{c: d\}\); Helm refuses it \(yaml: invalid map key\)/);
    expect(() => parseValuesYaml('x:\n  ~: z\n', 'v.yaml'))
      .toThrow(/^v\.yaml \(line 2, column 3\): x: a map key that is null \(~\); Helm refuses it \(unsupported map key/);
    expect(() => parseValuesYaml('null: z\n', 'v.yaml')).toThrow(/^v\.yaml \(line 1, column 1\): \(top level\): a map key that is null/);
    // Quoted, they are strings, and a list may hold lists.
    expect(parseValuesYaml('a:\n  "null": 1\n  "[a, b]": 2\nb: [[1]]\n', 'v.yaml')).toEqual({ a: { 'null': 1, '[a, b]': 2 }, b: [[1]] });
  });

  test('gives every alias its own copy, as Helm\'s JSON round trip does', () => {
    const v = parseValuesYaml('a: &x {list: [1]}\nb: *x\n', 'v.yaml');
    expect(v).toEqual({ a: { list: [1] }, b: { list: [1] } });
    expect(v.a.list).not.toBe(v.b.list);
  });

  test('reads a map of 100,000 keys (the yaml package\'s duplicate-key check was quadratic: 8 minutes)', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `    key-${i}: v${i}\n`);
    const v = parseValuesYaml(Buffer.from(`labels:\n  map:\n${keys.join('')}`), 'big.yaml');
    expect(Object.keys(v.labels.map)).toHaveLength(100_000);
    expect(v.labels.map['key-99999']).toBe('v99999');
  }, 60_000);
});
