import { Yaml } from 'cdk8s';
import { corpusVersions, loadCases, withCorpus } from '../conformance/cases';
import { loadAll } from '../conformance/compare';
import { expectedDocs, templateOf } from '../conformance/run-case';
import { manifestStream, manifestYaml, writerAgrees } from '../../src/yaml/manifest-yaml';

/** cdk8s's writer, the reference every expectation comes from. */
const cdk8s = (doc: unknown): string => Yaml.stringify(doc);

/** The writer's output and whether it handed the document to the fallback. */
function write(doc: unknown): { yaml: string; fellBack: boolean } {
  let fellBack = false;
  const yaml = manifestYaml(doc, (d) => {
    fellBack = true;
    return cdk8s(d);
  });
  return { yaml, fellBack };
}

/** Strings at the edges of YAML 1.1 resolution and of the plain-scalar rules. */
const TRICKY = [
  'plain', 'kebab-case-name', 'ghcr.io/loft-sh/vcluster:0.36.1', 'a b c', 'y', 'n', 'Yes', 'NO', 'on', 'Off', 'true', 'False', 'null',
    'Null', '~', '',
  '0', '-1', '+1', '007', '0777', '0o17', '0b1010', '0x1F', '1_000', '190:20:30', '1.5', '.5', '1e3', '6.8523015e+5', '.inf', '-.Inf', '.NaN',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '<<', '=', '-', '?', ':', '- a', '? a', 'a: b', 'a:b', 'a #b', 'a#b',
  'a:', 'a ', ' a', '\ta', 'a\t', '@a', '`a', '%a', '!a', '&a', '*a', '|a', '>a', '[a]', '{a}', 'a,b', "it's", 'say "hi"', `'both" `, 'back\\slash',
  '---a', '...a', '--- a', 'tab\there', 'bell\u0007', 'del\u007f', 'é ☃ 🚀', 'lone \ud800', '8080', '10Gi', '100m', 'TCP', 'k8s.io/name',
  'x'.repeat(1100), 'multi\nline', 'trailing\n', '\n', ' \n ',
];

/** A small deterministic generator (mulberry32), so that a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(next: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const r = next();
  if (depth > 4 || r < 0.45) return pick<unknown>([...TRICKY, 0, -3, 42, 2 ** 53, 1.5, -0, true, false, null]);
  const size = Math.floor(next() * 4);
  if (r < 0.7) return Array.from({ length: size }, () => randomValue(next, depth + 1));
  return Object.fromEntries(Array.from({ length: size }, () => [pick(TRICKY), randomValue(next, depth + 1)]));
}

describe('manifestYaml', () => {
  describe('layout', () => {
    it.each<[string, unknown]>([
      ['nested mappings', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'vc1', labels: { app: 'vcluster' } } }],
      ['sequences under a key, indented one step', { spec: { ports: [{ name: 'https', port: 443 }, { name: 'kubelet', port: 10250 }] } }],
      ['sequences of sequences and of empty collections', { a: [[1, [2, []]], [], {}, [{}], [[]]] }],
      ['empty collections as values', { a: {}, b: [], c: { d: {} } }],
      ['scalars of every kind', { s: 'x', i: -7, z: 0, t: true, f: false, n: null, big: Number.MAX_SAFE_INTEGER }],
      ['a top-level sequence', [{ a: 1 }, 'b', ['c']]],
      ['top-level empty collections', {}],
    ])('writes %s as cdk8s does, without the fallback', (_name, doc) => {
      expect(write(doc)).toEqual({ yaml: cdk8s(doc), fellBack: false });
    });

    it('writes an empty top-level sequence as cdk8s does', () => {
      expect(write([])).toEqual({ yaml: cdk8s([]), fellBack: false });
    });
  });

  describe('strings', () => {
    it.each(TRICKY.map((s) => [JSON.stringify(s).slice(0, 60), s] as const))('writes %s as a value, a key and an item as cdk8s does', (_name, s) => {
      for (const doc of [{ k: s }, { [s]: 'v' }, [s], { a: [{ [s]: s }] }, { a: { b: [[s]] } }]) {
        expect(write(doc).yaml).toBe(cdk8s(doc));
      }
    });

    it('keeps plain and quoted one-line strings without the fallback', () => {
      const doc = { 'image': 'ghcr.io/loft-sh/vcluster:0.36.1', 'port': '8080', 'enabled': 'true', 'quote': "it's", '8443': 'n' };
      expect(write(doc)).toEqual({ yaml: cdk8s(doc), fellBack: false });
    });

    it('hands multi-line strings, document markers and long keys to the fallback', () => {
      for (const doc of [{ script: 'a\nb' }, { v: '---a' }, { ['k'.repeat(1100)]: 1 }]) {
        expect(write(doc)).toEqual({ yaml: cdk8s(doc), fellBack: true });
      }
    });
  });

  describe('what only the yaml package writes', () => {
    it('hands an object met twice to the fallback, which writes an alias', () => {
      const labels = { app: 'vcluster' };
      const doc = { metadata: { labels }, spec: { selector: { matchLabels: labels } } };
      const { yaml, fellBack } = write(doc);
      expect(fellBack).toBe(true);
      expect(yaml).toBe(cdk8s(doc));
      expect(yaml).toContain('*a1');
    });

    it.each<[string, unknown]>([
      ['floats', { a: 0.1 }],
      ['infinities', { a: Infinity }],
      ['negative zero', { a: -0 }],
      ['undefined members', { a: undefined, b: 1 }],
      ['undefined items', { a: [undefined] }],
      ['class instances', { a: new Date(0) }],
      ['a top-level scalar', 'text'],
    ])('hands %s to the fallback', (_name, doc) => {
      expect(write(doc)).toEqual({ yaml: cdk8s(doc), fellBack: true });
    });
  });

  it('writes 3000 generated documents as cdk8s does', () => {
    const next = random(20261201);
    for (let i = 0; i < 3000; i++) {
      const doc = { [`doc${i}`]: randomValue(next, 0) };
      expect(manifestYaml(doc, cdk8s)).toBe(cdk8s(doc));
    }
  });

  it('joins documents as Yaml.stringify(...docs) does', () => {
    const docs = [{ a: 1 }, undefined, { b: ['c'] }, { d: 'x\ny' }];
    expect(manifestStream(docs, cdk8s)).toBe(Yaml.stringify(...docs));
    expect(manifestStream([], cdk8s)).toBe(Yaml.stringify());
  });

  it('agrees with the yaml package cdk8s bundles', () => {
    expect(writerAgrees(cdk8s)).toBe(true);
  });

  it('fails the probe of a writer that quotes otherwise', () => {
    expect(writerAgrees((d) => cdk8s(d).replace(/: (\w+)\n/g, ': "$1"\n'))).toBe(false);
  });
});

withCorpus('The manifest writer corpus checks', () => {
  describe.each(corpusVersions())('every manifest of the chart %s corpus', (version) => {
    const cases = loadCases(version).filter((c) => c.expected !== undefined);

    it('is written as cdk8s writes it: helm\'s golden manifests and ours', () => {
      let documents = 0;
      let fellBack = 0;
      for (const c of cases) {
        const ours = templateOf(c);
        for (const doc of [...expectedDocs(c), ...(ours.code === 0 ? loadAll(ours.stdout) : [])]) {
          const out = write(doc);
          expect(out.yaml).toBe(cdk8s(doc));
          documents++;
          if (out.fellBack) fellBack++;
        }
      }
      expect(documents).toBeGreaterThan(cases.length);
      // The writer is there for the speed: nearly every manifest must stay on its path.
      expect(fellBack / documents).toBeLessThan(0.01);
    });
  });
});
