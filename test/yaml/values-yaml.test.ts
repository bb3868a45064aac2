import { parseValuesYaml } from '../../src/yaml/values-yaml';

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
});

test('fails on .inf and .nan, which Helm cannot turn into JSON, naming the key', () => {
  expect(() => parseValuesYaml('controlPlane:\n  x: [1, .inf]\n', 'v.yaml'))
    .toThrow('v.yaml: controlPlane.x[1]: Infinity (.inf or .nan) cannot be represented in JSON, so Helm refuses it. Write a finite number, or quote it if you meant text.');
});
