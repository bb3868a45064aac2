import { helmToYaml } from '../../src/yaml/helm-yaml';
import { helmToYamlCached, TopLevelYamlCache } from '../../src/yaml/helm-yaml-cache';

describe('helmToYamlCached', () => {
  it('writes the same text as helmToYaml, reusing the entries whose value is the very same', () => {
    const shared = { b: [1, 'two'], c: { d: '' } };
    const cache: TopLevelYamlCache = new Map();
    expect(helmToYamlCached({ z: 1, ...shared }, cache)).toBe(helmToYaml({ z: 1, ...shared }));
    const cachedText = cache.get('b')!.text;
    expect(helmToYamlCached({ z: 2, ...shared }, cache)).toBe(helmToYaml({ z: 2, ...shared }));
    expect(cache.get('b')!.text).toBe(cachedText);
    expect(cache.get('z')!.value).toBe(2);
  });

  it('serializes a changed entry again rather than reusing its text', () => {
    const cache: TopLevelYamlCache = new Map();
    helmToYamlCached({ a: { x: 1 } }, cache);
    expect(helmToYamlCached({ a: { x: 2 } }, cache)).toBe('a:\n  x: 2');
  });

  it('fails like helmToYaml, with an empty text', () => {
    expect(helmToYamlCached({ a: Number.NaN }, new Map())).toBe('');
    expect(helmToYamlCached({}, new Map())).toBe('{}');
  });
});

describe('helmToYamlCached across calls', () => {
  it('reuses entry texts only for equal plain data: what helm cannot marshal fails every time', () => {
    class Port { public constructor(public readonly b: number) {} }
    expect(helmToYamlCached({ a: { b: 1 }, c: 'x' }, new Map())).toBe('a:\n  b: 1\nc: x');
    expect(helmToYamlCached({ a: { b: NaN }, c: 'x' }, new Map())).toBe('');
    expect(helmToYamlCached({ a: { b: null }, c: 'x' }, new Map())).toBe('a:\n  b: null\nc: x');
    expect(() => helmToYamlCached({ a: new Port(1), c: 'x' }, new Map())).toThrow(TypeError);
    expect(() => helmToYamlCached({ a: { b: new Port(1) }, c: 'x' }, new Map())).toThrow(TypeError);
  });

  it('writes a nested entry with the folding of its depth, whatever was written at another depth', () => {
    const long = 'words and more words that pass the eightieth column at one depth but not the other one';
    const top = { controlPlane: long, other: 1 };
    const nested = { controlPlane: { distro: long, other: 1 } };
    let cold = { top: '', nested: '' };
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a cold copy needs a fresh module registry
      const fresh = require('../../src/yaml/helm-yaml') as typeof import('../../src/yaml/helm-yaml');
      cold = { top: fresh.helmToYaml(top), nested: fresh.helmToYaml(nested) };
    });
    expect(helmToYamlCached(top, new Map())).toBe(cold.top);
    expect(helmToYamlCached(nested, new Map())).toBe(cold.nested);
    expect(helmToYamlCached({ ...nested, extra: true }, new Map())).toBe(`${cold.nested}\nextra: true`);
    expect(cold.nested).not.toBe(cold.top);
  });

});
