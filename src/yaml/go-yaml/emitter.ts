/**
 * The parts of go-yaml v2's libyaml emitter that JSON-shaped data reaches. Only empty collections use flow
 * style (`{}`, `[]`), so scalars are always emitted at flow level 0, and no tags or anchors ever appear.
 */
import { sortedKeys } from './key-order';
import { HelmYamlError } from './marshal-error';
import {
  AnalyzedScalar, checkJsonKey, isBreak, isPrintable, MAX_SIMPLE_KEY_BYTES, selectStyle, stringScalarOf, toScalar, utf8Length,
} from './scalars';
import { isPlainObject } from '../../values/value-map';

/** go-yaml's default line width: plain and quoted scalars fold at a space once the column passes it. */
const BEST_WIDTH = 80;
/** go-yaml's default indentation step. */
const BEST_INDENT = 2;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export class Emitter {
  private out = '';
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  /** The last character written is whitespace (or nothing was written yet on this line). */
  private whitespace = true;
  /** Only indentation (and indicators like '-') has been written on this line so far. */
  private indention = true;
  private readonly ancestors = new Set<object>();

  public document(value: unknown): string {
    this.node(value, false);
    // Document end: finish the last line.
    this.writeIndent();
    return this.out;
  }

  private node(value: unknown, mappingContext: boolean): void {
    const isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) {
      this.scalar(toScalar(value), false);
      return;
    }
    // encoding/json refuses cycles (Go maps and slices can hold themselves too).
    if (this.ancestors.has(value)) throw new HelmYamlError('json: unsupported value: encountered a cycle');
    this.ancestors.add(value);
    if (isArray) {
      this.sequence(value, mappingContext);
    } else {
      this.mapping(value);
    }
    this.ancestors.delete(value);
  }

  private sequence(items: readonly unknown[], mappingContext: boolean): void {
    if (items.length === 0) {
      this.emptyFlow('[', ']');
      return;
    }
    // A sequence that is a mapping value is not indented relative to its key (`key:\n- a`).
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      // As JSON.stringify does: undefined in an array becomes null.
      this.node(item === undefined ? null : item, false);
    }
    this.popIndent();
  }

  private mapping(obj: Record<string, unknown>): void {
    const keys = sortedKeys(obj);
    if (keys.length === 0) {
      this.emptyFlow('{', '}');
      return;
    }
    this.increaseIndent(false, false);
    for (const key of keys) {
      checkJsonKey(key);
      const scalar = stringScalarOf(key);
      this.writeIndent();
      if (!scalar.multiline && utf8Length(scalar.text) <= MAX_SIMPLE_KEY_BYTES) {
        this.scalar(scalar, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(scalar, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(obj[key], true);
    }
    this.popIndent();
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private scalar(scalar: AnalyzedScalar, simpleKey: boolean): void {
    const style = selectStyle(scalar, simpleKey);
    this.increaseIndent(true, false);
    switch (style) {
      case 'plain':
        this.writePlain(scalar.text, !simpleKey);
        break;
      case 'single':
        this.writeSingleQuoted(scalar.text, !simpleKey);
        break;
      case 'double':
        this.writeDoubleQuoted(scalar.text, !simpleKey);
        break;
      case 'literal':
        this.writeLiteral(scalar.text);
        break;
    }
    this.popIndent();
  }

  // --- low-level writers (libyaml's put/write/write_indent/write_indicator) ---

  private put(text: string): void {
    // Only ASCII goes through here, so length equals characters.
    this.out += text;
    this.column += text.length;
  }

  private writeChar(ch: string): void {
    this.out += ch;
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeBreak(ch: string): void {
    // A break other than LF (U+2028, U+2029) is copied as is, yet still counts as a new line.
    if (ch === '\n') {
      this.putBreak();
    } else {
      this.out += ch;
      this.column = 0;
    }
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      this.indent += BEST_INDENT;
    }
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  // --- scalar writers ---

  private writePlain(text: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    // ASCII that cannot fold here: no space, or none past the width.
    if (PRINTABLE_ASCII.test(text) && (!allowBreaks || this.column + text.length <= BEST_WIDTH || !text.includes(' '))) {
      this.put(text);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    // Plain scalars never contain breaks or leading/trailing spaces (the analysis rules them out).
    let spaces = false;
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') {
          this.writeIndent();
        } else {
          this.writeChar(ch);
        }
        spaces = true;
      } else {
        this.writeChar(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const chars = Array.from(text);
    const last = chars.length - 1;
    for (let i = 0; i <= last; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < last && chars[i + 1] !== ' ') {
          this.writeIndent();
        } else {
          this.writeChar(ch);
        }
        spaces = true;
      } else if (isBreak(ch.codePointAt(0) as number)) {
        // Only U+2028/U+2029 get here: LF makes the string literal, CR makes it double-quoted, NEL was folded.
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'");
        this.writeChar(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // libyaml tests for a BOM at the start of the value rather than at each character, so a leading BOM
    // escapes every character.
    const escapeAll = text.charCodeAt(0) === 0xfeff;
    let spaces = false;
    const chars = Array.from(text);
    const last = chars.length - 1;
    for (let i = 0; i <= last; i++) {
      const ch = chars[i];
      const cp = ch.codePointAt(0) as number;
      if (escapeAll || !isPrintable(cp) || isBreak(cp) || ch === '"' || ch === '\\') {
        this.put(escape(cp));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < last) {
          this.writeIndent();
          // A space starting the continuation line would be folded away: escape it.
          if (chars[i + 1] === ' ') this.put('\\');
        } else {
          this.writeChar(ch);
        }
        spaces = true;
      } else {
        this.writeChar(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(text: string): void {
    this.writeIndicator('|', true, false, false);
    const chars = Array.from(text);
    const first = chars[0].codePointAt(0) as number;
    // Content starting with a space or break needs an explicit indentation indicator.
    if (first === 0x20 || isBreak(first)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const chomp = chompIndicator(chars);
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch.codePointAt(0) as number)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** Block chomping: '-' strips a missing final break, '+' keeps several (or a lone one), '' clips to one. */
function chompIndicator(chars: readonly string[]): string {
  const last = chars[chars.length - 1].codePointAt(0) as number;
  if (!isBreak(last)) return '-';
  if (chars.length === 1) return '+';
  return isBreak(chars[chars.length - 2].codePointAt(0) as number) ? '+' : '';
}

function escape(cp: number): string {
  switch (cp) {
    case 0x00: return '\\0';
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x09: return '\\t';
    case 0x0a: return '\\n';
    case 0x0b: return '\\v';
    case 0x0c: return '\\f';
    case 0x0d: return '\\r';
    case 0x1b: return '\\e';
    case 0x22: return '\\"';
    case 0x5c: return '\\\\';
    case 0x85: return '\\N';
    case 0xa0: return '\\_';
    case 0x2028: return '\\L';
    case 0x2029: return '\\P';
    default: {
      const hex = cp.toString(16).toUpperCase();
      if (cp <= 0xff) return '\\x' + hex.padStart(2, '0');
      if (cp <= 0xffff) return '\\u' + hex.padStart(4, '0');
      return '\\U' + hex.padStart(8, '0');
    }
  }
}
