import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { CHART_DATA, CHART_VERSIONS, DEFAULT_CHART_VERSION, PRERELEASE_CHART_VERSIONS } from '../../imports/chart-versions';
import { DEFAULT_CHARTS_DIR, generateAllValuesModels, generateValuesModel, parseHelmYaml } from '../../tools/generate-values-model';
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
      $defs: { A: { type: 'object', additionalProperties: false, description: 'Upstream prose.', properties: { b: { type: 'integer',
        description: 'More prose.' } } } },
      type: 'object', additionalProperties: false, properties: { a: { $ref: '#/$defs/A', description: 'Prose.' } },
    }));
    const text = generateValuesModel(chart, join(chart, 'out')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toMatch(/[Pp]rose|description/);
    expect(text).toContain('export interface A {\n  readonly b?: number;\n}');
  });
});

whenPresent(DEFAULT_CHARTS_DIR, 'Generator checks', () => {
  describe('generate-values-model', () => {
    let out: string;
    beforeAll(() => {
      out = mkdtempSync(join(tmpdir(), 'values-model-'));
    });
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    test('reproduces the committed imports/ files of every chart version byte for byte', () => {
      const written = generateAllValuesModels(DEFAULT_CHARTS_DIR, out);
      const versions = readdirSync(DEFAULT_CHARTS_DIR).sort();
      expect(written).toEqual([
        ...versions.flatMap((v) => ['vcluster-values.ts', 'chart-defaults.ts', 'values-schema.ts'].map((f) => join(v, f))),
        'chart-versions.ts',
      ]);
      for (const name of written) {
        const committed = readFileSync(join(IMPORTS, name), 'utf8');
        if (readFileSync(join(out, name), 'utf8') !== committed) {
          throw new Error(`imports/${name} is stale or was edited by hand: run npm run generate`);
        }
      }
    });

    test('indexes every chart folder, defaulting to the newest stable version', () => {
      expect([...CHART_VERSIONS].sort()).toEqual(readdirSync(DEFAULT_CHARTS_DIR).sort());
      expect(DEFAULT_CHART_VERSION).toBe('0.36.1');
      expect(PRERELEASE_CHART_VERSIONS).toEqual(['0.37.0-rc.1']);
    });

    test.each(CHART_VERSIONS.map((v) => [v]))('the %s defaults equal its values.yaml as Helm parses it, in its key order', (v) => {
      const parsed = parseHelmYaml(readFileSync(join(DEFAULT_CHARTS_DIR, v, 'values.yaml'), 'utf8'));
      expect(CHART_DATA[v].defaults).toStrictEqual(parsed);
      expect(JSON.stringify(CHART_DATA[v].defaults)).toBe(JSON.stringify(parsed));
    });
  });
});
