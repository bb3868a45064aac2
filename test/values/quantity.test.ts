import {
  addQuantities, compareQuantities, formatQuantity, isWholeQuantity, maxQuantity, multiplyQuantity, parseQuantity, Quantity,
  quantityOf, subtractQuantities, ZERO,
} from '../../src/values/quantity';

const q = (v: unknown): Quantity => {
  const parsed = parseQuantity(v);
  if (!parsed) throw new Error(`${JSON.stringify(v)} did not parse`);
  return parsed;
};
const nanos = (v: unknown): bigint => q(v).nanos;
const sum = (...vs: unknown[]): string => formatQuantity(vs.map(q).reduce(addQuantities, ZERO));

describe('Kubernetes quantities', () => {
  test('parses decimal suffixes exactly, down to nano-units', () => {
    expect(nanos('1')).toBe(1_000_000_000n);
    expect(nanos('500m')).toBe(500_000_000n);
    expect(nanos('1k')).toBe(1_000_000_000_000n);
    expect(nanos('2M')).toBe(2_000_000n * 1_000_000_000n);
    expect(nanos('1G')).toBe(10n ** 18n);
    expect(nanos('1T')).toBe(10n ** 21n);
    expect(nanos('1P')).toBe(10n ** 24n);
    expect(nanos('1E')).toBe(10n ** 27n);
    expect(nanos('100n')).toBe(100n);
    expect(nanos('5u')).toBe(5000n);
  });

  test('parses binary suffixes as powers of 1024', () => {
    expect(nanos('1Ki')).toBe(1024n * 1_000_000_000n);
    expect(nanos('512Mi')).toBe(512n * 1024n ** 2n * 1_000_000_000n);
    expect(nanos('1.5Gi')).toBe(1536n * 1024n ** 2n * 1_000_000_000n);
    expect(nanos('1Ti')).toBe(1024n ** 4n * 1_000_000_000n);
    expect(nanos('1Pi')).toBe(1024n ** 5n * 1_000_000_000n);
    expect(nanos('1Ei')).toBe(1024n ** 6n * 1_000_000_000n);
  });

  test('parses signs, fractions and decimal exponents as the grammar allows', () => {
    expect(nanos('+2')).toBe(2_000_000_000n);
    expect(nanos('-1.5')).toBe(-1_500_000_000n);
    expect(nanos('.5')).toBe(500_000_000n);
    expect(nanos('1.')).toBe(1_000_000_000n);
    expect(nanos('007')).toBe(7_000_000_000n);
    expect(nanos('1e3')).toBe(1000n * 1_000_000_000n);
    expect(nanos('1E3')).toBe(1000n * 1_000_000_000n);
    expect(nanos('1.5e+3')).toBe(1500n * 1_000_000_000n);
    expect(nanos('25e-3')).toBe(25_000_000n);
  });

  test('reads numbers as the chart prints them into the manifest', () => {
    expect(nanos(2)).toBe(2_000_000_000n);
    expect(nanos(0.5)).toBe(500_000_000n);
    // Go prints 1e6 as 1e+06, which Kubernetes reads as an exponent.
    expect(nanos(1e6)).toBe(10n ** 15n);
    expect(parseQuantity(Infinity)).toBeUndefined();
  });

  test('rounds a fraction of a nano-unit up, as Kubernetes does', () => {
    expect(nanos('0.1n')).toBe(1n);
    expect(nanos('1e-20')).toBe(1n);
    expect(nanos('-0.1n')).toBe(-1n);
    expect(nanos('0e-20')).toBe(0n);
  });

  test('caps binary quantities at 2^63-1 units, as Kubernetes does', () => {
    expect(nanos('16Ei')).toBe(((1n << 63n) - 1n) * 1_000_000_000n);
  });

  test('refuses what is not a quantity', () => {
    for (const bad of ['5Gx', '1.2.3', 'abc', '', '.', '+', '1e', '1 Gi', '1ki', 'Gi', '1Ki3', '1m3', '1ee3', '1e+', '1e1001', true, null, {}, [1]]) {
      expect([bad, parseQuantity(bad)]).toEqual([bad, undefined]);
    }
  });

  test('parses each text afresh: a text read before gives its own quantity, even after more than the memo holds', () => {
    const first = ['500m', '1Gi', '5x', '1G', '0.5', '5x'].map((t) => parseQuantity(t));
    expect(first).toEqual([
      { nanos: 500_000_000n, binary: false }, { nanos: 1024n ** 3n * 1_000_000_000n, binary: true }, undefined,
      { nanos: 10n ** 18n, binary: false }, { nanos: 500_000_000n, binary: false }, undefined,
    ]);
    for (let i = 0; i < 3000; i++) expect(nanos(`${i}m`)).toBe(BigInt(i) * 1_000_000n);
    expect(['500m', '1Gi', '5x', '1G', '0.5', '5x'].map((t) => parseQuantity(t))).toEqual(first);
    expect(Object.isFrozen(q('500m'))).toBe(true);
  });

  test('adds without float drift', () => {
    expect(sum('0.1', '0.2')).toBe('300m');
    expect(compareQuantities(addQuantities(q('0.1'), q('0.2')), q('300m'))).toBe(0);
    expect(sum('4Gi', '512Mi', '170Mi')).toBe('4778Mi');
    expect(sum('200m', '20m', '20m')).toBe('240m');
    expect(formatQuantity(subtractQuantities(q('5Gi'), q('4778Mi')))).toBe('342Mi');
  });

  test('multiplies by a replica count and compares', () => {
    expect(formatQuantity(multiplyQuantity(q('150Mi'), 3))).toBe('450Mi');
    expect(formatQuantity(multiplyQuantity(q('333m'), 3))).toBe('999m');
    expect(compareQuantities(q('1'), q('1000m'))).toBe(0);
    expect(compareQuantities(q('1Gi'), q('1G'))).toBe(1);
    expect(compareQuantities(q('-1'), ZERO)).toBe(-1);
    expect(formatQuantity(maxQuantity(q('40m'), q('200m')))).toBe('200m');
  });

  test('tells whole numbers from fractions', () => {
    expect(isWholeQuantity(q('20'))).toBe(true);
    expect(isWholeQuantity(q('1k'))).toBe(true);
    expect(isWholeQuantity(q('1.5'))).toBe(false);
    expect(formatQuantity(quantityOf(3))).toBe('3');
  });

  test('formats in Kubernetes canonical form', () => {
    expect(formatQuantity(q('1.5'))).toBe('1500m');
    expect(formatQuantity(q('1.5Gi'))).toBe('1536Mi');
    expect(formatQuantity(q('1024'))).toBe('1024');
    expect(formatQuantity(q('2048Ki'))).toBe('2Mi');
    expect(formatQuantity(q('1000Mi'))).toBe('1000Mi');
    expect(formatQuantity(q('0.5Gi'))).toBe('512Mi');
    expect(formatQuantity(q('0.5Ki'))).toBe('512');
    expect(formatQuantity(q('5e9'))).toBe('5G');
    expect(formatQuantity(q('100n'))).toBe('100n');
    expect(formatQuantity(q('-250m'))).toBe('-250m');
    expect(formatQuantity(q('0'))).toBe('0');
  });
});
