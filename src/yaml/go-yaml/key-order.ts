/** Key order: go-yaml sorts map keys with its keyList.Less, a "natural" order for strings. */

export function sortedKeys(obj: Record<string, unknown>): string[] {
  // encoding/json omits undefined members (and so does JSON.stringify).
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (keys.length < 2) return keys;
  // Keys of ASCII letters only (most of vcluster.yaml) compare by code point in go-yaml too.
  if (keys.every((k) => ASCII_LETTERS.test(k))) return keys.sort();
  const decorated = keys.map((k) => ({ key: k, cps: Array.from(k, (ch) => ch.codePointAt(0) as number) }));
  decorated.sort((a, b) => (a.key === b.key ? 0 : keyLess(a.cps, b.cps) ? -1 : 1));
  return decorated.map((d) => d.key);
}

const ASCII_LETTERS = /^[A-Za-z]*$/;

/**
 * go-yaml's keyList.Less for two strings (as code points): at the first difference, letters sort after
 * non-letters and among themselves by code point; otherwise the digit runs starting there compare as numbers
 * (then by run length, then by code point).
 */
function keyLess(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) continue;
    const al = isLetter(a[i]);
    const bl = isLetter(b[i]);
    if (al && bl) return a[i] < b[i];
    if (al || bl) return bl;
    // A zero after a non-zero digit of the shared prefix is no leading zero: Go then seeds both runs with 1.
    let seed = 0;
    if (a[i] === 0x30 || b[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(a[j]); j--) {
        if (a[j] !== 0x30) {
          seed = 1;
          break;
        }
      }
    }
    const [an, ai] = digitRun(a, i, seed);
    const [bn, bi] = digitRun(b, i, seed);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return a[i] < b[i];
  }
  return a.length < b.length;
}

/** Accumulates `v = v*10 + (digit - '0')` over the run like Go's int64 arithmetic (wrapping on overflow). */
function digitRun(cps: readonly number[], start: number, seed: number): [bigint, number] {
  let v = BigInt(seed);
  let i = start;
  for (; i < cps.length && isDigit(cps[i]); i++) {
    v = BigInt.asIntN(64, v * 10n + BigInt(cps[i] - 0x30));
  }
  return [v, i];
}

const UNICODE_LETTER = /^\p{L}$/u;
const UNICODE_DIGIT = /^\p{Nd}$/u;

/** Go's unicode.IsLetter. */
function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return UNICODE_LETTER.test(String.fromCodePoint(cp));
}

/** Go's unicode.IsDigit. */
function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return UNICODE_DIGIT.test(String.fromCodePoint(cp));
}
