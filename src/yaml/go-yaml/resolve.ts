/** go-yaml's resolve(""): would this text, written plain, read back as something other than a string? */
import { parseGoInt } from './strconv';

const RESOLVE_SPECIAL = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

export function resolvesToString(text: string): boolean {
  if (text === '') return false;
  const c = text[0];
  // go-yaml only looks further at text starting with a sign, a digit, '.', or one of "yYnNtTfFoO~".
  const isDigit0 = c >= '0' && c <= '9';
  const isSign = c === '+' || c === '-';
  if (!isDigit0 && !isSign && c !== '.' && !'yYnNtTfFoO~'.includes(c)) return true;
  if (RESOLVE_SPECIAL.has(text)) return false;
  if (c === '.') return !isDotFloat(text);
  if (!isDigit0 && !isSign) return true;
  if (isGoTimestamp(text)) return false;
  const plain = text.includes('_') ? text.split('_').join('') : text;
  if (parseGoInt(plain, 0, true) !== undefined || parseGoInt(plain, 0, false) !== undefined) return false;
  if (isYamlStyleFloat(plain) && Number.isFinite(Number(plain))) return false;
  // go-yaml's extra binary forms: "0b" followed by a signed binary number.
  if (plain.startsWith('0b') && parseGoInt(plain.slice(2), 2, true) !== undefined) return false;
  return true;
}

/** go-yaml's yamlStyleFloat: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, scanned without a regex. */
function isYamlStyleFloat(s: string): boolean {
  let i = s[0] === '+' || s[0] === '-' ? 1 : 0;
  const digitsFrom = (start: number): number => {
    let j = start;
    while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
    return j;
  };
  if (s[i] === '.') {
    const end = digitsFrom(i + 1);
    if (end === i + 1) return false;
    i = end;
  } else {
    const end = digitsFrom(i);
    if (end === i) return false;
    i = end;
    if (s[i] === '.') i = digitsFrom(i + 1);
  }
  if (s[i] === 'e' || s[i] === 'E') {
    i++;
    if (s[i] === '+' || s[i] === '-') i++;
    const end = digitsFrom(i);
    if (end === i) return false;
    i = end;
  }
  return i === s.length;
}

/**
 * strconv.ParseFloat(s, 64) succeeds, for text starting with '.': digits, an optional exponent, and underscores
 * only between digits; values that overflow float64 are errors (underflow is not).
 */
function isDotFloat(s: string): boolean {
  if (s.includes('_')) {
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '_' && !(isAsciiDigit(s[i - 1]) && isAsciiDigit(s[i + 1]))) return false;
    }
    s = s.split('_').join('');
  }
  return isYamlStyleFloat(s) && Number.isFinite(Number(s));
}

function isAsciiDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** go-yaml's isBase60Float: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`, scanned without a regex. */
export function isBase60Float(s: string): boolean {
  let i = s[0] === '+' || s[0] === '-' ? 1 : 0;
  if (!(s[i] >= '0' && s[i] <= '9')) return false;
  while (i < s.length && ((s[i] >= '0' && s[i] <= '9') || s[i] === '_')) i++;
  let groups = 0;
  while (s[i] === ':') {
    const start = ++i;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
    const n = i - start;
    // One digit, or two with the first in 0-5; anything longer cannot be followed by ':', '.' or the end.
    if (n === 0 || n > 2 || (n === 2 && s[start] > '5')) return false;
    groups++;
  }
  if (groups === 0) return false;
  if (s[i] === '.') {
    i++;
    while (i < s.length && ((s[i] >= '0' && s[i] <= '9') || s[i] === '_')) i++;
  }
  return i === s.length;
}

/**
 * go-yaml's parseTimestamp: four digits and '-', then Go's time.Parse with one of
 * "2006-1-2T15:4:5.999999999Z07:00", the same with 't', "2006-1-2 15:4:5.999999999" or "2006-1-2".
 */
function isGoTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const year = Number(s.slice(0, 4));
  let i = 5;
  const num = (): number | undefined => {
    // time.getnum: one digit, or two when the second is a digit too.
    if (!(s[i] >= '0' && s[i] <= '9')) return undefined;
    let v = Number(s[i++]);
    if (s[i] >= '0' && s[i] <= '9') v = v * 10 + Number(s[i++]);
    return v;
  };
  const month = num();
  if (month === undefined || month < 1 || month > 12 || s[i++] !== '-') return false;
  const day = num();
  if (day === undefined || day < 1 || day > daysIn(month, year)) return false;
  if (i === s.length) return true;

  // A time must follow: 'T' or 't' then a zone, or a run of spaces and no zone.
  const sep = s[i];
  let zoned: boolean;
  if (sep === 'T' || sep === 't') {
    zoned = true;
    i++;
  } else if (sep === ' ') {
    zoned = false;
    while (s[i] === ' ') i++;
  } else {
    return false;
  }
  const hour = num();
  if (hour === undefined || hour >= 24 || s[i++] !== ':') return false;
  const minute = num();
  if (minute === undefined || minute >= 60 || s[i++] !== ':') return false;
  const second = num();
  if (second === undefined || second >= 60) return false;
  if ((s[i] === '.' || s[i] === ',') && s[i + 1] >= '0' && s[i + 1] <= '9') {
    i += 2;
    while (s[i] >= '0' && s[i] <= '9') i++;
  }
  if (!zoned) return i === s.length;
  if (s[i] === 'Z') return i + 1 === s.length;
  // ±hh:mm, hours up to 24 and minutes up to 60 (time.Parse is lenient there).
  const zone = s.slice(i);
  const m = /^[+-]([0-9]{2}):([0-9]{2})$/.exec(zone);
  return m !== null && Number(m[1]) <= 24 && Number(m[2]) <= 60;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
