import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { CHART_DEFAULTS } from '../../imports/chart-defaults';
import { DEFAULT_CHART_DIR, generateValuesModel, parseHelmYaml } from '../../tools/generate-values-model';
import { whenPresent } from '../conformance/cases';

const IMPORTS = resolve(__dirname, '../../imports');

describe('parseHelmYaml', () => {
  test('resolves YAML 1.1 booleans and octals as go-yaml v2 does', () => {
    expect(parseHelmYaml('a: yes\nb: off\nc: y\nd: 0755\ne: "on"\nf: ~')).toStrictEqual({
      a: true, b: false, c: true, d: 493, e: 'on', f: null,
    });
  });

  test('keeps timestamps and sexagesimal numbers as strings, as go-yaml v2 does for untyped values', () => {
    expect(parseHelmYaml('a: 2001-12-14\nb: 1:20')).toStrictEqual({ a: '2001-12-14', b: '1:20' });
  });
});

describe('generateValuesModel on other schemas', () => {
  let chart: string;
  beforeEach(() => {
    chart = join(mkdtempSync(join(tmpdir(), 'chart-')), '9.9.9');
    mkdirSync(chart);
    writeFileSync(join(chart, 'values.yaml'), 'a: x\n');
  });
  afterEach(() => rmSync(resolve(chart, '..'), { recursive: true, force: true }));

  test('refuses a keyword the validator does not implement, naming where it is', () => {
    writeFileSync(join(chart, 'values.schema.json'), JSON.stringify({
      $defs: {}, type: 'object', properties: { a: { type: 'string', enum: ['x'] } },
    }));
    expect(() => generateValuesModel(chart, join(chart, 'out'))).toThrow('#/properties/a/enum: unsupported keyword "enum"');
  });

  test('drops descriptions and emits no upstream prose', () => {
    writeFileSync(join(chart, 'values.schema.json'), JSON.stringify({
      $defs: { A: { type: 'object', additionalProperties: false, description: 'Upstream prose.', properties: { b: { type: 'integer', description: 'More prose.' } } } },
      type: 'object', additionalProperties: false, properties: { a: { $ref: '#/$defs/A', description: 'Prose.' } },
    }));
    const text = generateValuesModel(chart, join(chart, 'out')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toMatch(/[Pp]rose|description/);
    expect(text).toContain('export interface A {\n  readonly b?: number;\n}');
  });
});

whenPresent(DEFAULT_CHART_DIR, 'Generator checks', () => {
  describe('generate-values-model', () => {
    let out: string;
    beforeAll(() => {
      out = mkdtempSync(join(tmpdir(), 'values-model-'));
    });
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    test('reproduces the committed imports/ files byte for byte', () => {
      const written = generateValuesModel(DEFAULT_CHART_DIR, out);
      expect(written.map((f) => f.slice(out.length + 1))).toEqual(['vcluster-values.ts', 'chart-defaults.ts', 'values-schema.ts']);
      for (const file of written) {
        const name = file.slice(out.length + 1);
        const committed = readFileSync(join(IMPORTS, name), 'utf8');
        if (readFileSync(file, 'utf8') !== committed) {
          throw new Error(`imports/${name} is stale or was edited by hand: run npm run generate`);
        }
      }
    });

    test('CHART_DEFAULTS equals the chart values.yaml as Helm parses it', () => {
      const parsed = parseHelmYaml(readFileSync(join(DEFAULT_CHART_DIR, 'values.yaml'), 'utf8'));
      expect(CHART_DEFAULTS).toStrictEqual(parsed);
    });

    test('CHART_DEFAULTS keeps the key order of values.yaml', () => {
      const parsed = parseHelmYaml(readFileSync(join(DEFAULT_CHART_DIR, 'values.yaml'), 'utf8'));
      expect(JSON.stringify(CHART_DEFAULTS)).toBe(JSON.stringify(parsed));
    });
  });
});
