import { parseValuesYaml } from '../../src/values/values-yaml';

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
