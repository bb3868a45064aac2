import { renderChart } from '../../src/pipeline';
import { formatPath } from '../../src/values/errors';
import { plainValues } from '../../src/values/user-values';

describe('plainValues', () => {
  test('copies every map and list, dropping undefined members as JSON does', () => {
    const shared = { x: [1] };
    const copy = plainValues({ a: shared, b: shared, c: undefined, d: [undefined, null] }, 'v');
    expect(copy).toEqual({ a: { x: [1] }, b: { x: [1] }, d: [null, null] });
    expect(copy.a).not.toBe(shared);
    expect(copy.a.x).not.toBe(copy.b.x);
  });

  test.each([
    [{ a: { [`${'__proto__'}`]: 1 } }, 'a.__proto__: the key "__proto__" is refused'],
    [JSON.parse('{"a": [{"__proto__": 1}]}'), 'a[0].__proto__: the key "__proto__" is refused'],
    [{ n: [Number.NaN] }, 'n[0]: NaN (.inf or .nan) cannot be represented in JSON'],
    [{ d: new Date(0) }, 'd: a Date object is no JSON value'],
    [{ f: () => 1 }, 'f: a function is no JSON value'],
  ])('refuses %j, naming the path', (value, message) => {
    expect(() => plainValues(value, 'src')).toThrow(`src: ${message}`);
  });

  test('writes key paths as the error messages do', () => {
    expect(formatPath(['controlPlane', 'env', 0, 'name'])).toBe('controlPlane.env[0].name');
  });
});

describe('renderChart', () => {
  test('refuses reserved keys and deep nesting in raw values too, before rendering', () => {
    expect(() => renderChart({ name: 'vc1', namespace: 'vc1', values: [JSON.parse('{"controlPlane": {"__proto__": {}}}')] }))
      .toThrow('values: controlPlane.__proto__: the key "__proto__" is refused');
    let deep: any = 'leaf';
    for (let i = 0; i < 5000; i++) deep = { k: deep };
    expect(() =>
      renderChart({ name: 'vc1', namespace: 'vc1', values: [{ controlPlane: { statefulSet: { security: { podSecurityContext: deep } } } }] }),
    ).toThrow(/^values: controlPlane\.statefulSet\.security\.podSecurityContext\.k\.k….*: values nest more than 100 levels deep/);
  });
});
