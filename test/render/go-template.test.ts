import { concatLists, goInt, interpolated, mergeMaps, plain, printed, quoted, quotedList, quotedMap, rangeKeys, rangeValues, truncName,
  uniq, uniqSortedAsQuoted, userList, userMap } from '../../src/render/go-template';
import { compareBytes, goString, truthy } from '../../src/values/go-values';
import { ValuesError } from '../../src/values/errors';

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

describe('printing and quoting', () => {
  test('prints nil as nothing, and everything else as Go prints it', () => {
    expect(printed(undefined)).toBe('');
    expect(printed(null)).toBe('');
    expect(printed(1000000)).toBe('1e+06');
    expect(printed(false)).toBe('false');
    expect(printed(['a', 1])).toBe('[a 1]');
  });

  test('quotes any value as its printed text, and leaves nil empty as Sprig quote does', () => {
    expect(quoted('x')).toBe('x');
    expect(quoted(8443)).toBe('8443');
    expect(quoted(true)).toBe('true');
    expect(quoted(1000000)).toBe('1e+06');
    expect(quoted(null)).toBeNull();
    expect(quoted(undefined)).toBeNull();
  });

  test('quotes every item of a list, and the values of a map in key order', () => {
    expect(quotedList(['--a', 1, null])).toEqual(['--a', '1', null]);
    expect(quotedList({ b: 2, a: 1 })).toEqual(['1', '2']);
    expect(quotedList(undefined)).toEqual([]);
  });

  test('quotes every value of a map, keeping nil values empty', () => {
    expect(quotedMap({ 'requests.cpu': 10, 'limits.memory': '40Gi', custom: null })).toEqual({
      'requests.cpu': '10',
      'limits.memory': '40Gi',
      custom: null,
    });
    expect(quotedMap(undefined)).toEqual({});
    expect(quotedMap(['not', 'a', 'map'])).toEqual({});
  });
});

describe('range order', () => {
  test('compares strings byte by byte as Go does, not by UTF-16 code units', () => {
    expect(compareBytes('a', 'b')).toBeLessThan(0);
    expect(compareBytes('B', 'a')).toBeLessThan(0);
    // U+FF5E is one UTF-16 unit above the surrogates of U+1F600, but fewer UTF-8 bytes below it.
    expect(['\u{1F600}', '\uFF5E'].sort()).toEqual(['\u{1F600}', '\uFF5E']);
    expect(['\u{1F600}', '\uFF5E'].sort(compareBytes)).toEqual(['\uFF5E', '\u{1F600}']);
  });

  test('visits map keys in sorted order and nothing for other values', () => {
    expect(rangeKeys({ b: 1, a: 2, B: 3 })).toEqual(['B', 'a', 'b']);
    expect(rangeKeys(['x'])).toEqual([]);
    expect(rangeKeys(null)).toEqual([]);
  });

  test('visits list items in order and map values by sorted key', () => {
    expect(rangeValues(['b', 'a'])).toEqual(['b', 'a']);
    expect(rangeValues({ b: 'second', a: 'first' })).toEqual(['first', 'second']);
    expect(rangeValues('text')).toEqual([]);
  });

  test('prints map keys in the same byte order', () => {
    expect(goString({ '\u{1F600}': 1, '\uFF5E': 2 })).toBe('map[\uFF5E:2 \u{1F600}:1]');
  });
});

describe('Sprig int', () => {
  test('truncates numbers and counts booleans as 1 and 0', () => {
    expect(goInt(3)).toBe(3);
    expect(goInt(2.9)).toBe(2);
    expect(goInt(-2.9)).toBe(-2);
    expect(goInt(true)).toBe(1);
    expect(goInt(false)).toBe(0);
  });

  test('parses strings as Go integer literals after dropping a zero fraction', () => {
    expect(goInt('3')).toBe(3);
    expect(goInt('+3')).toBe(3);
    expect(goInt('-3')).toBe(-3);
    expect(goInt('3.0')).toBe(3);
    expect(goInt('3.00')).toBe(3);
    expect(goInt('0x1f')).toBe(31);
    expect(goInt('017')).toBe(15);
    expect(goInt('0o17')).toBe(15);
    expect(goInt('0b101')).toBe(5);
    expect(goInt('1_000')).toBe(1000);
  });

  test('counts anything it cannot parse as 0', () => {
    for (const v of ['3.5', '3.', ' 3', '1e3', '08', '1__0', '', 'two', '9223372036854775808', null, undefined, [5], { a: 1 }, NaN, Infinity]) {
      expect(goInt(v)).toBe(0);
    }
    expect(goInt('9223372036854775807')).toBe(Number('9223372036854775807'));
  });
});

describe('Sprig uniq', () => {
  test('keeps the first of equal items, in order', () => {
    expect(uniq(['SYS_TIME', 'NET_ADMIN', 'SYS_TIME', 'NET_RAW', 'NET_ADMIN'])).toEqual(['SYS_TIME', 'NET_ADMIN', 'NET_RAW']);
  });

  test('compares maps by their entries whatever their key order, and lists item by item', () => {
    expect(uniq([{ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 1 }])).toEqual([{ a: 1, b: 2 }, { a: 1 }]);
    expect(uniq([[1, 2], [1, 2], [2, 1]])).toEqual([[1, 2], [2, 1]]);
    expect(uniq([1, '1', null, undefined])).toEqual([1, '1', null]);
  });

  test('sorts quoted strings as their quoted form, once each', () => {
    expect(uniqSortedAsQuoted(['b', 'a', 'a!', 'b'])).toEqual(['a!', 'a', 'b']);
  });
});

describe('interpolated values', () => {
  const path = 'controlPlane.statefulSet.persistence.volumeClaim.accessModes';

  test('reads a printed list back as a flow list, merging several items into one', () => {
    expect(interpolated(['ReadWriteOnce'], path)).toEqual(['ReadWriteOnce']);
    expect(interpolated(['ReadWriteOnce', 'ReadOnlyMany'], path)).toEqual(['ReadWriteOnce ReadOnlyMany']);
    expect(interpolated([], path)).toEqual([]);
  });

  test('reads a printed map back as the string Go prints', () => {
    expect(interpolated({ b: 1, a: 'x' }, path)).toBe('map[a:x b:1]');
  });

  test('reads scalars back as plain YAML does', () => {
    expect(interpolated('ReadWriteOnce', path)).toBe('ReadWriteOnce');
    expect(interpolated('5', path)).toBe(5);
    expect(interpolated(undefined, path)).toBeUndefined();
  });

  test('refuses a list that prints as invalid YAML, naming the key', () => {
    expect(() => interpolated(['a', '[b'], path)).toThrow(ValuesError);
    expect(() => interpolated(['a', '[b'], path)).toThrow(
      /^controlPlane\.statefulSet\.persistence\.volumeClaim\.accessModes: the chart writes \["a","\[b"\] here as "\[a \[b\]", which is not valid YAML/,
    );
  });
});

describe('user lists and maps', () => {
  test('pastes a user list as a copy and skips an empty one', () => {
    const env = [{ name: 'A', value: 'b' }];
    const copy = userList(env, 'controlPlane.statefulSet.env');
    expect(copy).toEqual(env);
    expect(copy[0]).not.toBe(env[0]);
    for (const v of [undefined, null, [], '', false]) expect(userList(v, 'x')).toEqual([]);
  });

  test('refuses a user list that is not a list, naming the key', () => {
    expect(() => userList({ a: 1 }, 'controlPlane.statefulSet.env')).toThrow(ValuesError);
    expect(() => userList('abc', 'controlPlane.statefulSet.env'))
      .toThrow('controlPlane.statefulSet.env: expected a list, got "abc". Write it as a YAML list (- item).');
    expect(() =>
      userList({ ports: [] }, 'policies.networkPolicy.controlPlane.egress', {
        expected: 'a list of NetworkPolicy rules',
        hint: 'Write each rule as a list item.',
      }),
    ).toThrow(
      'policies.networkPolicy.controlPlane.egress: expected a list of NetworkPolicy rules, got {"ports":[]}. Write each rule as a list item.',
    );
  });

  test('pastes a user map as a copy, skips an empty one, and refuses anything else with the key', () => {
    expect(userMap({ team: 'a' }, 'controlPlane.statefulSet.labels')).toEqual({ team: 'a' });
    expect(userMap(undefined, 'x')).toEqual({});
    expect(userMap({}, 'x')).toEqual({});
    expect(() => userMap(['team'], 'controlPlane.statefulSet.labels'))
      .toThrow('controlPlane.statefulSet.labels: expected a map, got ["team"]. Write it as YAML key: value pairs.');
  });

  test('concatenates lists, and refuses anything else, a missing list included, as Sprig concat fails on it', () => {
    expect(concatLists([[[{ name: 'a' }], 'one'], [[], 'two'], [[{ name: 'b' }], 'three']])).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(() => concatLists([[[], 'one'], [undefined, 'two']])).toThrow('two: expected a list, got nothing. Set it to a list, or to [] for none.');
    expect(() => concatLists([[null, 'one']], { expected: 'a list of image pull secrets' }))
      .toThrow('one: expected a list of image pull secrets, got null. Set it to a list, or to [] for none.');
  });
});
