import { RenderContext } from './context';
import { printed } from './go-template';
import { truthy } from '../values/go-values';
import { isMap, Value, ValueMap } from '../values/value-map';
import { diagnostic } from '../values/diagnostic';
import { ValuesError } from '../values/errors';

/**
 * Helm's `tpl` for the template text users put into their values (extra volumes, ingress and
 * TLSRoute specs, host manifests). It supports what such values use in practice: actions that
 * print `.Release.Name`, `.Release.Namespace`, `.Chart.Name`, `.Chart.Version` or a `.Values` path,
 * optionally piped through `quote`, `squote`, `upper`, `lower`, `trim` or `default "x"`, with `{{-`
 * and `-}}` trimming. Anything else (if, range, include, ...) is refused with the key path,
 * rather than rendered differently from Helm.
 */
export function tpl(text: string, ctx: RenderContext, path: string): string {
  if (!text.includes('{{')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) {
      out += text.slice(i);
      break;
    }
    let chunk = text.slice(i, open);
    const close = text.indexOf('}}', open + 2);
    if (close < 0) throw unsupported(path, text.slice(open), 'an action without its closing "}}"');
    let inner = text.slice(open + 2, close);
    if (inner.startsWith('-') && /^-\s/.test(inner)) {
      chunk = chunk.replace(/\s+$/, '');
      inner = inner.slice(1);
    }
    let trimAfter = false;
    if (/\s-$/.test(inner)) {
      trimAfter = true;
      inner = inner.slice(0, -1);
    }
    out += chunk + evalPipeline(inner.trim(), ctx, path);
    i = close + 2;
    if (trimAfter) {
      while (i < text.length && /\s/.test(text[i])) i++;
    }
  }
  return out;
}

/** Applies `tpl (toYaml x)` to structured values: every string (and key) is rendered in place. */
export function tplValue<T>(value: T, ctx: RenderContext, path: string): T {
  if (typeof value === 'string') return tpl(value, ctx, path) as unknown as T;
  if (Array.isArray(value)) return value.map((v, n) => tplValue(v, ctx, `${path}[${n}]`)) as unknown as T;
  if (isMap(value)) {
    const out: ValueMap = {};
    for (const k of Object.keys(value)) out[tpl(k, ctx, path)] = tplValue(value[k], ctx, `${path}.${k}`);
    return out as T;
  }
  return value;
}

function evalPipeline(expr: string, ctx: RenderContext, path: string): string {
  if (expr.startsWith('/*')) return '';
  const stages = expr.split('|').map((s) => s.trim());
  let value = evalOperand(stages[0], ctx, path, expr);
  for (const stage of stages.slice(1)) value = applyFunction(stage, value, path, expr);
  return printed(value);
}

function evalOperand(operand: string, ctx: RenderContext, path: string, expr: string): Value {
  const literal = /^"((?:[^"\\]|\\.)*)"$/.exec(operand);
  if (literal) return JSON.parse(`"${literal[1]}"`);
  if (!/^\.[A-Za-z_][\w.]*$/.test(operand)) throw unsupported(path, `{{ ${expr} }}`, `"${operand}"`);
  const [root, ...rest] = operand.slice(1).split('.');
  let value: Value;
  switch (root) {
    case 'Release':
      value = { Name: ctx.release.name, Namespace: ctx.release.namespace, Service: 'Helm' };
      break;
    case 'Chart':
      value = { Name: 'vcluster', Version: ctx.chartVersion };
      break;
    case 'Values':
      value = ctx.values;
      break;
    default:
      throw unsupported(path, `{{ ${expr} }}`, `".${root}"`);
  }
  for (const key of rest) value = isMap(value) ? value[key] : undefined;
  return value;
}

function applyFunction(stage: string, value: Value, path: string, expr: string): Value {
  const [name, ...args] = stage.split(/\s+/);
  const text = printed(value);
  const missing = value === null || value === undefined;
  switch (name) {
    // Sprig's quote functions skip nil arguments: they print nothing at all.
    case 'quote':
      return missing ? '' : JSON.stringify(text);
    case 'squote':
      return missing ? '' : `'${text}'`;
    case 'upper':
      return text.toUpperCase();
    case 'lower':
      return text.toLowerCase();
    case 'trim':
      return text.trim();
    case 'default': {
      const fallback = /^"((?:[^"\\]|\\.)*)"$/.exec(args.join(' '));
      if (!fallback) break;
      return truthy(value) ? value : JSON.parse(`"${fallback[1]}"`);
    }
  }
  throw unsupported(path, `{{ ${expr} }}`, `the function "${stage}"`);
}

function unsupported(path: string, found: string, what: string): ValuesError {
  return new ValuesError([diagnostic({
    path,
    message: `template ${JSON.stringify(found)} uses ${what}, which cdk8s-vcluster does not evaluate.`,
    fix: 'Use {{ .Release.Name }}, {{ .Release.Namespace }} or {{ .Values.<path> }} (optionally | quote), or write the value out.',
  })]);
}
