import { goString } from '../../src/values/go-values';
import { applySet, SetFlag } from '../../src/values/set-values';
import { ValueMap } from '../../src/values/value-map';

/**
 * The expectations are Helm's own: the tables of pkg/strvals/parser_test.go and
 * literal_parser_test.go (Helm v4.1.4), the examples of "The Format and Limitations of --set" in
 * Helm's documentation (docs/intro/using_helm.md), and, where marked, what helm v4.1.4 printed.
 */
function parsed(flag: SetFlag, argument: string, into: ValueMap = {}, readFile?: (p: string) => string): ValueMap {
  applySet(flag, argument, into, readFile);
  return into;
}

describe('--set as Helm reads it (strvals TestParseSet)', () => {
  test.each<[string, ValueMap]>([
    ['name1=null,f=false,t=true', { name1: null, f: false, t: true }],
    ['name1=value1', { name1: 'value1' }],
    ['name1=value1,name2=value2', { name1: 'value1', name2: 'value2' }],
    ['name1=value1,name2=value2,', { name1: 'value1', name2: 'value2' }],
    ['name1=,name2=value2', { name1: '', name2: 'value2' }],
    ['leading_zeros=00009', { leading_zeros: '00009' }],
    ['zero_int=0', { zero_int: 0 }],
    ['long_int=1234567890', { long_int: 1234567890 }],
    ['boolean=true', { boolean: true }],
    ['is_null=null', { is_null: null }],
    ['name1=one\\,two,name2=three\\,four', { name1: 'one,two', name2: 'three,four' }],
    ['name1=one\\=two,name2=three\\=four', { name1: 'one=two', name2: 'three=four' }],
    ['name1=one two three,name2=three two one', { name1: 'one two three', name2: 'three two one' }],
    ['outer.inner=value', { outer: { inner: 'value' } }],
    ['outer.middle.inner=value', { outer: { middle: { inner: 'value' } } }],
    ['outer.inner1=value,outer.inner2=value2', { outer: { inner1: 'value', inner2: 'value2' } }],
    ['outer.inner1=value,outer.middle.inner=value', { outer: { inner1: 'value', middle: { inner: 'value' } } }],
    ['name1.name2=', { name1: { name2: '' } }],
    ['name1={value1,value2}', { name1: ['value1', 'value2'] }],
    ['name1={value1,value2},name2={value1,value2}', { name1: ['value1', 'value2'], name2: ['value1', 'value2'] }],
    ['name1={1021,902}', { name1: [1021, 902] }],
    ['name1.name2={value1,value2}', { name1: { name2: ['value1', 'value2'] } }],
    ['list[0]=foo', { list: ['foo'] }],
    ['list[0].foo=bar', { list: [{ foo: 'bar' }] }],
    ['list[0].foo=bar,list[0].hello=world', { list: [{ foo: 'bar', hello: 'world' }] }],
    ['list[0]=foo,list[1]=bar', { list: ['foo', 'bar'] }],
    ['list[0]=foo,list[1]=bar,', { list: ['foo', 'bar'] }],
    ['list[0]=foo,list[3]=bar', { list: ['foo', null, null, 'bar'] }],
    ['noval[0]', { noval: [] }],
    ['noval[0]=', { noval: [''] }],
    ['nested[0][0]=1', { nested: [[1]] }],
    ['nested[1][1]=1', { nested: [null, [null, 1]] }],
    ['name1.name2[0].foo=bar,name1.name2[1].foo=bar', { name1: { name2: [{ foo: 'bar' }, { foo: 'bar' }] } }],
    ['name1.name2[1].foo=bar,name1.name2[0].foo=bar', { name1: { name2: [{ foo: 'bar' }, { foo: 'bar' }] } }],
    ['name1.name2[1].foo=bar', { name1: { name2: [null, { foo: 'bar' }] } }],
  ])('%s', (argument, expected) => {
    // Helm's int64(1234567890): an integer from 1e6 on is held as an int64, which JSON writes as its number.
    expect(JSON.parse(JSON.stringify(parsed('set', argument)))).toEqual(expected);
  });

  test.each([
    'name1=value1,,,,name2=value2,',
    'name1,name2=',
    'name1,name2=value2',
    'name1,name2=value2\\',
    'name1,name2',
    'name1.name2',
    'name1.name2,name1.name3',
    'name1.=name2',
    'name1.,name2',
    'name1={1021,902',
    'list[0].foo=bar,list[-30].hello=world',
    'list[0]=foo,list[-20]=bar',
    'illegal[0]name.foo=bar',
    ']={}].',
  ])('refuses %s, naming the flag and the argument', (argument) => {
    expect(() => parsed('set', argument)).toThrow(`--set ${argument}: `);
  });

  test('refuses names nested more than 30 levels (TestParseSetNestedLevels)', () => {
    const name = Array.from({ length: 32 }, (_, i) => `name${i + 1}`).join('.');
    expect(() => parsed('set', `${name}=value`)).toThrow('value name nested level is greater than maximum supported nested level of 30');
    expect(parsed('set', 'outer.middle.inner=value')).toEqual({ outer: { middle: { inner: 'value' } } });
  });

  test('refuses an index above 65536 (TestSetIndex)', () => {
    expect(() => parsed('set', 'list[65537]=x')).toThrow('index of 65537 is greater than maximum supported index of 65536');
  });
});

describe('--set-string (strvals TestParseSet, testsString)', () => {
  test.each<[string, ValueMap]>([
    ['long_int_string=1234567890', { long_int_string: '1234567890' }],
    ['boolean=true', { boolean: 'true' }],
    ['is_null=null', { is_null: 'null' }],
    ['zero=0', { zero: '0' }],
  ])('%s', (argument, expected) => {
    expect(parsed('set-string', argument)).toEqual(expected);
  });

  test('keeps what is there and overwrites the keys it names (TestParseIntoString)', () => {
    const values = { outer: { inner1: 'overwrite', inner2: 'value2' } };
    expect(parsed('set-string', 'outer.inner1=1,outer.inner3=3', values)).toEqual({ outer: { inner1: '1', inner2: 'value2', inner3: '3' } });
  });
});

describe('--set into existing values (strvals TestParseInto)', () => {
  test('overwrites named keys and keeps the others', () => {
    const values = { outer: { inner1: 'overwrite', inner2: 'value2' } };
    expect(parsed('set', 'outer.inner1=value1,outer.inner3=value3,outer.inner4=4', values))
      .toEqual({ outer: { inner1: 'value1', inner2: 'value2', inner3: 'value3', inner4: 4 } });
  });

  test.each<[string, string, ValueMap, ValueMap]>([
    ['listOuter[0][0].type=listValue', 'listOuter[0][0].status=alive', {}, { listOuter: [[{ type: 'listValue', status: 'alive' }]] }],
    ['listOuter[0][0].type=listValue', 'listOuter[1][0].status=alive', {}, { listOuter: [[{ type: 'listValue' }], [{ status: 'alive' }]] }],
    [
      'listOuter[0][1][0].type=listValue', 'listOuter[0][0][1].status=alive',
      { listOuter: [[[{ exited: 'old' }]]] },
      { listOuter: [[[{ exited: 'old' }, { status: 'alive' }], [{ type: 'listValue' }]]] },
    ],
  ])('%s then %s extends nested lists', (first, second, values, expected) => {
    parsed('set', first, values);
    expect(parsed('set', second, values)).toEqual(expected);
  });
});

describe('--set-json (strvals TestParseJSON, options TestMergeValuesCLI)', () => {
  test('sets JSON scalars and replaces an existing key', () => {
    const values = { outer: { inner1: 'overwrite', inner2: 'value2' } };
    expect(parsed('set-json', 'outer.inner1="1",outer.inner3=3,outer.inner4=true,outer.inner5="true"', values))
      .toEqual({ outer: { inner1: '1', inner2: 'value2', inner3: 3, inner4: true, inner5: 'true' } });
  });

  test('sets JSON objects and arrays, replacing what was there', () => {
    const values = { outer: { inner1: { x: 'overwrite' }, inner2: 'value2', inner3: ['overwrite'] } };
    const argument = 'outer.inner1={"a":"1","b":2,"c":[1,2,3]},outer.inner3=["new value 1","new value 2"],' +
      'outer.inner4={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner5=[{"A":"1","B":2,"C":[1,2,3]}]';
    expect(parsed('set-json', argument, values)).toEqual({
      outer: {
        inner1: { a: '1', b: 2, c: [1, 2, 3] },
        inner2: 'value2',
        inner3: ['new value 1', 'new value 2'],
        inner4: { aa: '1', bb: 2, cc: [1, 2, 3] },
        inner5: [{ A: '1', B: 2, C: [1, 2, 3] }],
      },
    });
  });

  test('reads an empty value as null and indexes into a JSON list set before', () => {
    const values = { outer: { inner1: { x: 'overwrite' }, inner2: 'value2' } };
    expect(parsed('set-json', 'outer.inner1=,outer.inner3={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner3.cc[1]=null', values))
      .toEqual({ outer: { inner1: null, inner2: 'value2', inner3: { aa: '1', bb: 2, cc: [1, null, 3] } } });
  });

  test('refuses JSON with a syntax error', () => {
    const argument = 'outer.inner1={"a":"1","b":2,"c":[1,2,3]},outer.inner3=["new value 1","new value 2"],' +
      'outer.inner4={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner5={"A":"1","B":2,"C":[1,2,3]}]';
    expect(() => parsed('set-json', argument)).toThrow('--set-json ');
  });

  test('merges a whole JSON object into the values', () => {
    expect(parsed('set-json', '{"foo": {"bar": "baz"}}', { foo: { keep: 1 } })).toEqual({ foo: { keep: 1, bar: 'baz' } });
    expect(parsed('set-json', 'foo.bar=[1,2,3]')).toEqual({ foo: { bar: [1, 2, 3] } });
    expect(() => parsed('set-json', '{invalid')).toThrow('--set-json {invalid: not a JSON object');
  });

  test('reads just the JSON value: what follows starts the next key (observed with helm v4.1.4)', () => {
    expect(parsed('set-json', 'a=1 b=2')).toEqual({ a: 1, b: 2 });
    expect(parsed('set-json', 'a="x"y=3')).toEqual({ a: 'x', y: 3 });
    expect(() => parsed('set-json', 'a=01')).toThrow('key "1" has no value');
    expect(() => parsed('set-json', 'a=1x')).toThrow('key "x" has no value');
  });
});

describe('--set-file (strvals TestParseFile)', () => {
  test('reads each value from the file it names', () => {
    const files: Record<string, string> = { path1: 'value1', p2: 'two', p3: 'three' };
    expect(parsed('set-file', 'name1=path1', {}, (p) => files[p])).toEqual({ name1: 'value1' });
    expect(parsed('set-file', 'a={p2,p3}', {}, (p) => files[p])).toEqual({ a: ['two', 'three'] });
  });
});

describe('--set-literal (strvals TestParseLiteral)', () => {
  test.each<[string, ValueMap]>([
    ['name=', { name: '' }],
    ['name=value', { name: 'value' }],
    ['long_int_string=1234567890', { long_int_string: '1234567890' }],
    ['boolean=true', { boolean: 'true' }],
    ['is_null=null', { is_null: 'null' }],
    ['zero=0', { zero: '0' }],
    ['name1=null,name2=value2', { name1: 'null,name2=value2' }],
    ['name1=value,,,tail', { name1: 'value,,,tail' }],
    ['leading_zeros=00009', { leading_zeros: '00009' }],
    ['name=one two three', { name: 'one two three' }],
    ['outer.inner=value', { outer: { inner: 'value' } }],
    ['outer.middle.inner=value', { outer: { middle: { inner: 'value' } } }],
    ['name1.name2=', { name1: { name2: '' } }],
    ['name1={value1,value2}', { name1: '{value1,value2}' }],
    ['list[0]=foo', { list: ['foo'] }],
    ['list[0].foo=bar', { list: [{ foo: 'bar' }] }],
    ['list[3]=bar', { list: [null, null, null, 'bar'] }],
    ['noval[0]', { noval: [] }],
    ['noval[0]=', { noval: [''] }],
    ['nested[0][0]=1', { nested: [['1']] }],
    ['nested[1][1]=1', { nested: [null, [null, '1']] }],
    ['name1.name2[0].foo=bar', { name1: { name2: [{ foo: 'bar' }] } }],
    ['name1.name2[1].foo=bar', { name1: { name2: [null, { foo: 'bar' }] } }],
    [']={}].', { ']': '{}].' }],
    ['name=val,val', { name: 'val,val' }],
    ['name=val.val', { name: 'val.val' }],
    ['name=val=val', { name: 'val=val' }],
    ['name=val$val', { name: 'val$val' }],
    ['name=(value)', { name: '(value)' }],
    ['name={value}', { name: '{value}' }],
    ['name=val\\val', { name: 'val\\val' }],
    ['name=val\\\\val', { name: 'val\\\\val' }],
    ['name={val,.?*v\\0a!l)some', { name: '{val,.?*v\\0a!l)some' }],
    ['name=em%GT)tqUDqz,i-\\h+Mbqs-!:.m\\\\rE=mkbM#rR}@{-k@', { name: 'em%GT)tqUDqz,i-\\h+Mbqs-!:.m\\\\rE=mkbM#rR}@{-k@' }],
  ])('%s', (argument, expected) => {
    expect(parsed('set-literal', argument)).toEqual(expected);
  });

  test.each(['name', 'name1.name2', 'name1.=name2', 'name1.,name2', 'list[-30].hello=world', 'illegal[0]name.foo=bar'])('refuses %s', (argument) => {
    expect(() => parsed('set-literal', argument)).toThrow(`--set-literal ${argument}: `);
  });

  test('takes the rest of the argument as the value (TestParseLiteralInto)', () => {
    const values = { outer: { inner1: 'overwrite', inner2: 'value2' } };
    expect(parsed('set-literal', 'outer.inner1=value1,outer.inner3=value3,outer.inner4=4', values))
      .toEqual({ outer: { inner1: 'value1,outer.inner3=value3,outer.inner4=4', inner2: 'value2' } });
  });
});

describe('--set as Helm documents it (The Format and Limitations of --set)', () => {
  test.each<[string, ValueMap]>([
    ['name=value', { name: 'value' }],
    ['a=b,c=d', { a: 'b', c: 'd' }],
    ['outer.inner=value', { outer: { inner: 'value' } }],
    ['servers[0].port=80', { servers: [{ port: 80 }] }],
    ['servers[0].port=80,servers[0].host=example', { servers: [{ port: 80, host: 'example' }] }],
    ['name=value1\\,value2', { name: 'value1,value2' }],
    ['nodeSelector.kubernetes\\.io/role=master', { nodeSelector: { 'kubernetes.io/role': 'master' } }],
  ])('%s', (argument, expected) => {
    expect(parsed('set', argument)).toEqual(expected);
  });

  test('keeps the spaces of a list written {a, b, c} (observed with helm v4.1.4)', () => {
    expect(parsed('set', 'name={a, b, c}')).toEqual({ name: ['a', ' b', ' c'] });
  });
});

describe('--set corner cases (observed with helm v4.1.4)', () => {
  test.each<[string, ValueMap]>([
    ['a={}', { a: [''] }],
    ['a={x}y=1', { a: ['x'], y: 1 }],
    ['list[0].foo=', { list: [] }],
    ['list[0].', { list: [] }],
    ['nested[0][0]', { nested: [] }],
    ['a.', {}],
    ['=5,.b=1', {}],
    ['b=+5,c=-0,d=0x1F,e=1e3,f=TRUE,g=Null,i=01,j=1.5', { b: 5, c: 0, d: '0x1F', e: '1e3', f: true, g: null, i: '01', j: '1.5' }],
    ['big=99999999999999999999', { big: '99999999999999999999' }],
  ])('%s', (argument, expected) => {
    expect(parsed('set', argument)).toEqual(expected);
  });

  test('refuses to index or descend into a value of another type, as Helm does', () => {
    expect(() => parsed('set', 'x.y=1', { x: 'str' })).toThrow('--set x.y=1: x holds the string "str", not a map, so it has no keys');
    expect(() => parsed('set', 'x[0]=1', { x: { a: 1 } })).toThrow('--set x[0]=1: x holds object {"a":1}, not a list, so it has no index');
    expect(() => parsed('set', 'x.y=1', { x: null })).toThrow('x holds null, not a map');
  });

  test('fails without showing a value at a credential path', () => {
    expect(() => parsed('set', 'a.password=Gu4rd,a.password.b=1')).toThrow('--set a.password=(not shown),a.password.b=1: a.password holds a ' +
      'string (not shown: a credential), not a map');
    expect(() => parsed('set-json', '{"password": "Gu4rd"')).toThrow('--set-json (a JSON object with a credential, not shown): not a JSON object');
    expect(() => parsed('set', 'a.password=Gu4rd,a.password.b=1')).not.toThrow(/Gu4rd/);
  });

  test('changes a list from the values files in place', () => {
    expect(parsed('set', 'a[1]=x', { a: [1, 2, 3] })).toEqual({ a: [1, 'x', 3] });
  });
});

describe('integers, which --set types as int64 and --set-json as float64 (helm v4.1.4, printed with quote)', () => {
  const printed = (flag: SetFlag, text: string) => goString(parsed(flag, `h=${text}`).h);

  test.each([
    ['1000000', '1000000'], ['2147483648', '2147483648'], ['9007199254740993', '9007199254740993'],
    ['9223372036854775807', '9223372036854775807'], ['-9223372036854775808', '-9223372036854775808'], ['-1000000', '-1000000'],
    ['999999', '999999'], ['-0', '0'], ['+5', '5'],
    // Past int64, and anything but decimal digits, stays the text as written.
    ['9223372036854775808', '9223372036854775808'], ['-9223372036854775809', '-9223372036854775809'], ['1.5', '1.5'], ['1e6', '1e6'],
  ])('--set h=%s prints as %s', (text, shown) => {
    expect(printed('set', text)).toBe(shown);
  });

  test.each([
    ['1000000', '1e+06'], ['2147483648', '2.147483648e+09'], ['9007199254740993', '9.007199254740992e+15'], ['-0', '-0'], ['1e6', '1e+06'],
  ])('--set-json h=%s prints as %s', (text, shown) => {
    expect(printed('set-json', text)).toBe(shown);
  });

  test('types integers up to int64 and keeps the text beyond it, as the chart\'s schema then sees them', () => {
    const v = parsed('set', 'a=999999,b=-1000000,c=9223372036854775808');
    expect(v.a).toBe(999999);
    expect(Number(v.b)).toBe(-1000000);
    expect(v.c).toBe('9223372036854775808');
  });

  test('names an int64 by its digits where a later argument descends into it', () => {
    expect(() => parsed('set', 'x=9007199254740993,x.y=1')).toThrow('--set x=9007199254740993,x.y=1: x holds number 9007199254740993, not a map');
  });
});

describe('values Helm keeps that JavaScript cannot hold', () => {

  test.each([
    ['set', '__proto__.polluted=1', '__proto__'],
    ['set', 'a.constructor=1', 'a.constructor'],
    ['set', 'list[0].prototype=1', 'list[0].prototype'],
    ['set-literal', 'a.__proto__=x', 'a.__proto__'],
    ['set-json', 'a={"__proto__": {"x": 1}}', 'a.__proto__'],
    ['set-json', '{"b": {"constructor": 1}}', 'b.constructor'],
  ] as [SetFlag, string, string][])('refuses the reserved key in --%s %s with its path', (flag, argument, path) => {
    expect(() => parsed(flag, argument)).toThrow(`--${flag} ${argument}: ${path}: the key`);
    expect(({} as ValueMap).polluted).toBeUndefined();
  });

  test('refuses a key path nested more than 100 levels', () => {
    expect(() => parsed('set', `a${'[0]'.repeat(150)}=1`)).toThrow(/values nest more than 100 levels deep/);
    expect(() => parsed('set-json', `a=${'['.repeat(150)}${']'.repeat(150)}`)).toThrow(
      /--set-json a=\[+\]+: a\[0\].*values nest more than 100 levels deep/,
    );
  });
});
