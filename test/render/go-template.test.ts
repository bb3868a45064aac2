import { goString, mergeMaps, plain, truncName, truthy } from '../../src/render/go-template';

describe('Go template semantics', () => {
  test('treats false, zero, empty strings, nil and empty collections as false', () => {
    for (const v of [false, 0, '', null, undefined, [], {}]) expect(truthy(v)).toBe(false);
    for (const v of [true, 1, 'x', [0], { a: null }, 'false']) expect(truthy(v)).toBe(true);
  });

  test('prints numbers as Go prints float64, with exponents from 1e+06', () => {
    expect(goString(8443)).toBe('8443');
    expect(goString(0.5)).toBe('0.5');
    expect(goString(100000)).toBe('100000');
    expect(goString(1000000)).toBe('1e+06');
    expect(goString(1234567)).toBe('1.234567e+06');
    expect(goString(0.00001)).toBe('1e-05');
    expect(goString(true)).toBe('true');
    expect(goString(null)).toBe('<nil>');
    expect(goString(['a', 1])).toBe('[a 1]');
    expect(goString({ b: 1, a: 'x' })).toBe('map[a:x b:1]');
  });

  test('reads interpolated scalars back the way YAML 1.1 does', () => {
    expect(plain('8443')).toBe(8443);
    expect(plain('true')).toBe(true);
    expect(plain('yes')).toBe(true);
    expect(plain('off')).toBe(false);
    expect(plain('')).toBeNull();
    expect(plain('~')).toBeNull();
    expect(plain('1.5')).toBe(1.5);
    expect(plain('v1.32.1')).toBe('v1.32.1');
    expect(plain('1.2.3')).toBe('1.2.3');
    expect(plain('Parallel')).toBe('Parallel');
    expect(plain(3)).toBe(3);
  });

  test('merges maps like Sprig merge: the first map wins, later ones fill missing or empty keys', () => {
    expect(mergeMaps({ a: '1', e: '' }, { a: '2', b: '3', e: 'filled' })).toEqual({ a: '1', b: '3', e: 'filled' });
    expect(mergeMaps({}, undefined, { x: { y: 1 } })).toEqual({ x: { y: 1 } });
  });

  test('truncates names to 63 characters without a trailing dash', () => {
    expect(truncName('a'.repeat(62) + '-b')).toBe('a'.repeat(62));
    expect(truncName('short-')).toBe('short');
  });
});
