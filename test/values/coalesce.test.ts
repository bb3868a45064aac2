import { coalesceValues, mergeValueFiles } from '../../src/values/coalesce';

describe('coalesceValues', () => {
  const defaults = {
    a: { b: 1, c: { d: 'x' } },
    list: [1, 2],
    scalar: 'default',
    gone: { keep: true },
  };

  test('merges maps recursively and keeps defaults the user did not set', () => {
    expect(coalesceValues(defaults, { a: { c: { e: 2 } } })).toEqual({
      a: { b: 1, c: { d: 'x', e: 2 } },
      list: [1, 2],
      scalar: 'default',
      gone: { keep: true },
    });
  });

  test('replaces lists and scalars instead of merging them', () => {
    const out = coalesceValues(defaults, { list: [3], scalar: 'mine' });
    expect(out.list).toEqual([3]);
    expect(out.scalar).toBe('mine');
  });

  test('deletes a default when the user sets it to null', () => {
    const out = coalesceValues(defaults, { gone: null, a: { b: null } });
    expect(out).not.toHaveProperty('gone');
    expect(out.a).toEqual({ c: { d: 'x' } });
  });

  test('keeps user-only keys, nulls included, as Helm does', () => {
    expect(coalesceValues({}, { extra: { x: null } })).toEqual({ extra: { x: null } });
  });

  test('keeps the user value when a map default meets a scalar', () => {
    expect(coalesceValues(defaults, { a: 'flat' }).a).toBe('flat');
  });

  test('copies the user values, so that changing the result leaves them as they were', () => {
    const user = { a: { c: { e: 2 } }, list: [3] };
    const out = coalesceValues(defaults, user);
    out.a.c.e = 9;
    (out.list as number[]).push(4);
    expect(user).toEqual({ a: { c: { e: 2 } }, list: [3] });
  });

  test('shares the defaults the user left alone, frozen: changing them throws instead of changing every result', () => {
    const first = coalesceValues(defaults, { a: { b: 2 } });
    const second = coalesceValues(defaults, { scalar: 'mine' });
    expect(first.gone).toBe(defaults.gone);
    expect(second.gone).toBe(defaults.gone);
    expect(first.a.c).toBe(defaults.a.c);
    expect(() => { first.gone.keep = false; }).toThrow(TypeError);
    expect(() => { (first.list as number[]).push(3); }).toThrow(TypeError);
    expect(defaults.gone.keep).toBe(true);
    // The maps the user wrote into are the result's own.
    expect(first.a).not.toBe(defaults.a);
    expect(Object.isFrozen(first.a)).toBe(false);
  });
});

describe('mergeValueFiles', () => {
  test('lets later files win, merging maps and replacing lists', () => {
    expect(mergeValueFiles([{ a: { b: 1, l: [1] }, s: 1 }, { a: { c: 2, l: [2] } }, { s: 3 }])).toEqual({
      a: { b: 1, c: 2, l: [2] },
      s: 3,
    });
  });

  test('keeps nulls so that they can delete chart defaults', () => {
    expect(mergeValueFiles([{ a: { b: 1 } }, { a: null }])).toEqual({ a: null });
  });
});
