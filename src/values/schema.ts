import { JsonType, SchemaNode, ValuesSchema } from '../../imports/chart-versions';
import { CHART_VERSIONS, chartData, ChartVersion, describeVersion } from './chart-version';
import { closest } from './closest';
import { shownValue } from './credential-names';
import { diagnostic } from './diagnostic';
import { Diagnostic, formatPath, Segment, ValuesError } from './errors';
import { isInt64, numberValue } from './int64';
import { isDeepFrozen, valueAt, ValueMap } from './value-map';

export { ValuesError };

/**
 * Checks merged vcluster.yaml values (the user's coalesced with the chart defaults) against the chart's
 * values.schema.json, as `helm template` does before rendering. Throws a ValuesError listing every problem,
 * one per line; its `path` is the first problem's key path.
 *
 * Null (and undefined) map values count as absent: Helm's coalescing deletes null keys before validating.
 */
export function validateValues(values: unknown, version: ChartVersion): void {
  const found = schemaDiagnostics(values, version);
  if (found.length > 0) throw new ValuesError(found);
}

/** What `validateValues` refuses, as diagnostics. */
export function schemaDiagnostics(values: unknown, version: ChartVersion): Diagnostic[] {
  const problems: Problem[] = [];
  check(rootRule(version), values ?? {}, [], problems, version);
  return problems.map((p) => diagnostic({ path: p.path, value: valueAt(values as ValueMap, p.path), message: p.text }));
}

/** The path as messages show it; the whole values are `(root)`. */
const shownPath = (path: readonly Segment[]): string => formatPath(path) || '(root)';

interface Problem {
  readonly path: readonly Segment[];
  readonly text: string;
  /** Set for type mismatches, so that failed oneOf/anyOf alternatives can be reported as one. */
  readonly expected?: readonly JsonType[];
}

/**
 * A schema node prepared for checking: $refs resolved, maps and regular expressions built once.
 * The one compiled form of the schema: the field rules (schema-fields.ts) walk it too.
 */
export interface Rule {
  /** The schema node it was compiled from ($refs resolved; `{}` for a `true` schema). */
  readonly node: SchemaNode;
  types?: readonly JsonType[];
  properties?: ReadonlyMap<string, Rule>;
  patternProperties?: readonly (readonly [RegExp, Rule])[];
  /** false: no other keys allowed; a Rule: what every other key's value must be; absent: anything. */
  additionalProperties?: Rule | false;
  required?: readonly string[];
  items?: Rule;
  oneOf?: readonly Rule[];
  anyOf?: readonly Rule[];
  pattern?: RegExp;
  minLength?: number;
}

const DEFS = '#/$defs/';

function compileSchema(schema: ValuesSchema): Rule {
  const defs = new Map<string, Rule>();
  const ref = (target: string): Rule => {
    const name = target.slice(DEFS.length);
    let rule = defs.get(name);
    if (rule === undefined) {
      const node = schema.$defs[name];
      if (!target.startsWith(DEFS) || node === undefined) throw new Error(`values schema: cannot resolve $ref ${target}`);
      // Registered before compiling so that recursive definitions end at the same Rule.
      rule = { node };
      defs.set(name, rule);
      Object.assign(rule, compile(node));
    }
    return rule;
  };
  const compile = (node: SchemaNode | boolean): Rule => {
    if (node === true) return { node: {} };
    if (node === false) throw new Error('values schema: false schemas are only supported as additionalProperties');
    if (node.$ref !== undefined) return ref(node.$ref);
    const rule: Rule = { node };
    if (node.type !== undefined) rule.types = typeof node.type === 'string' ? [node.type] : node.type;
    if (node.properties) rule.properties = new Map(Object.entries(node.properties).map(([k, s]) => [k, compile(s)]));
    if (node.patternProperties) {
      rule.patternProperties = Object.entries(node.patternProperties).map(([p, s]) => [new RegExp(p, 'u'), compile(s)] as const);
    }
    if (node.additionalProperties !== undefined && node.additionalProperties !== true) {
      rule.additionalProperties = node.additionalProperties === false ? false : compile(node.additionalProperties);
    }
    if (node.required) rule.required = node.required;
    if (node.items !== undefined) rule.items = compile(node.items);
    if (node.oneOf) rule.oneOf = node.oneOf.map(compile);
    if (node.anyOf) rule.anyOf = node.anyOf.map(compile);
    if (node.pattern !== undefined) rule.pattern = new RegExp(node.pattern, 'u');
    if (node.minLength !== undefined) rule.minLength = node.minLength;
    return rule;
  };
  return compile(schema);
}

// Compiled once per version: validation runs for every virtual cluster of a synth.
const ROOTS = new Map<ChartVersion, Rule>();
/** The version's values schema, compiled. */
export function rootRule(version: ChartVersion): Rule {
  let root = ROOTS.get(version);
  if (root === undefined) ROOTS.set(version, (root = compileSchema(chartData(version).schema)));
  return root;
}

/**
 * Whether the version's schema allows a key at the path (an array index stands for any item), as `check` decides:
 * the node's own keys and, where it has alternatives, at least one of them must allow it.
 */
export function schemaHasPath(version: ChartVersion, path: readonly Segment[]): boolean {
  const has = (rule: Rule, i: number): boolean => {
    if (i === path.length) return true;
    const alternativesAllow = [rule.anyOf, rule.oneOf].every((alts) => alts === undefined || alts.some((alt) => has(alt, i)));
    return alternativesAllow && ownHas(rule, i);
  };
  const ownHas = (rule: Rule, i: number): boolean => {
    const seg = path[i];
    if (rule.types && !rule.types.includes(typeof seg === 'number' ? 'array' : 'object')) return false;
    if (typeof seg === 'number') return rule.items === undefined || has(rule.items, i + 1);
    const matches = [
      ...(rule.properties?.has(seg) ? [rule.properties.get(seg)!] : []),
      ...(rule.patternProperties ?? []).filter(([re]) => re.test(seg)).map(([, sub]) => sub),
    ];
    if (matches.length > 0) return matches.every((sub) => has(sub, i + 1));
    if (rule.additionalProperties === false) return false;
    // An open node with listed keys allows others, but does not name them: only one without any has every key.
    return rule.additionalProperties === undefined ? rule.properties === undefined : has(rule.additionalProperties, i + 1);
  };
  return has(rootRule(version), 0);
}

/** The chart version nearest to `version` whose schema has the path (the newer one on a tie); undefined if none. */
export function nearestVersionWith(version: ChartVersion, path: readonly Segment[]): ChartVersion | undefined {
  const at = CHART_VERSIONS.indexOf(version);
  const others = CHART_VERSIONS.filter((v) => v !== version).sort(
    (a, b) =>
      Math.abs(CHART_VERSIONS.indexOf(a) - at) - Math.abs(CHART_VERSIONS.indexOf(b) - at) || CHART_VERSIONS.indexOf(b) - CHART_VERSIONS.indexOf(a),
  );
  return others.find((v) => schemaHasPath(v, path));
}

/**
 * The rules each deep-frozen subtree of the values satisfies: the chart defaults a tenant leaves
 * alone are shared by every tenant and never change, so each is checked against a rule once.
 */
const SATISFIED = new WeakMap<object, Set<Rule>>();

function check(rule: Rule, value: unknown, at: Segment[], out: Problem[], version: ChartVersion): void {
  if (!isDeepFrozen(value)) {
    checkValue(rule, value, at, out, version);
    return;
  }
  const satisfied = SATISFIED.get(value as object);
  if (satisfied?.has(rule)) return;
  const before = out.length;
  checkValue(rule, value, at, out, version);
  if (out.length > before) return;
  if (satisfied) satisfied.add(rule);
  else SATISFIED.set(value as object, new Set([rule]));
}

function checkValue(rule: Rule, value: unknown, at: Segment[], out: Problem[], version: ChartVersion): void {
  const type = jsonType(value);
  const integer = type === 'number' && Number.isInteger(numberValue(value));
  if (rule.types && !rule.types.some((t) => t === type || (t === 'integer' && integer))) {
    out.push(typeProblem(at, rule.types, value));
    return;
  }
  if (rule.anyOf) checkAlternatives(rule.anyOf, false, value, at, out, version);
  if (rule.oneOf) checkAlternatives(rule.oneOf, true, value, at, out, version);
  if (type === 'object') {
    checkObject(rule, value as { [key: string]: unknown }, at, out, version);
  } else if (type === 'array' && rule.items) {
    const items = rule.items;
    (value as unknown[]).forEach((item, i) => {
      at.push(i);
      check(items, item, at, out, version);
      at.pop();
    });
  } else if (type === 'string') {
    const s = value as string;
    if (rule.pattern && !rule.pattern.test(s)) {
      out.push({ path: [...at], text: `expected a string matching ${rule.pattern.source}, got ${found(s, at)}.` });
    }
    // JSON Schema counts characters (code points), not UTF-16 units.
    if (rule.minLength !== undefined && [...s].length < rule.minLength) {
      out.push({ path: [...at], text: `expected at least ${rule.minLength} character(s), got ${found(s, at)}.` });
    }
  }
}

function checkObject(rule: Rule, obj: { [key: string]: unknown }, at: Segment[], out: Problem[], version: ChartVersion): void {
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (value === null || value === undefined) continue;
    at.push(key);
    const prop = rule.properties?.get(key);
    let matched = prop !== undefined;
    if (prop) check(prop, value, at, out, version);
    for (const [re, sub] of rule.patternProperties ?? []) {
      if (re.test(key)) {
        matched = true;
        check(sub, value, at, out, version);
      }
    }
    if (!matched && rule.additionalProperties === false) {
      out.push({
        path: [...at],
        text: removedFeatureText(at.join('.'), version) ?? unknownKeyText(key, [...(rule.properties?.keys() ?? [])], version, at),
      });
    } else if (!matched && rule.additionalProperties) {
      check(rule.additionalProperties, value, at, out, version);
    }
    at.pop();
  }
  for (const key of rule.required ?? []) {
    if (obj[key] === null || obj[key] === undefined) out.push({ path: [...at, key], text: 'required key is missing. Set it.' });
  }
}

function checkAlternatives(
  alternatives: readonly Rule[],
  exactlyOne: boolean,
  value: unknown,
  at: Segment[],
  out: Problem[],
  version: ChartVersion,
): void {
  const failures: Problem[][] = [];
  let matches = 0;
  for (const alt of alternatives) {
    const problems: Problem[] = [];
    check(alt, value, at, problems, version);
    if (problems.length > 0) {
      failures.push(problems);
    } else if (++matches > 1 || !exactlyOne) {
      break;
    }
  }
  if (matches === 0) {
    // Alternatives that differ only in type (e.g. string or boolean) read best as one type error.
    const typeOnly = failures.every((p) => p.length === 1 && p[0].expected && p[0].path.length === at.length);
    if (typeOnly) {
      out.push(typeProblem(at, [...new Set(failures.flatMap((p) => p[0].expected ?? []))], value));
    } else {
      const reasons = failures.map((p) => `${shownPath(p[0].path)}: ${p[0].text}`).join(' / ');
      out.push({ path: [...at], text: `matches none of the ${alternatives.length} allowed forms (${reasons}).` });
    }
  } else if (exactlyOne && matches > 1) {
    out.push({ path: [...at], text: `matches more than one of the allowed forms, got ${found(value, at)}; it must match exactly one.` });
  }
}

function typeProblem(at: readonly Segment[], expected: readonly JsonType[], value: unknown): Problem {
  const path = [...at];
  // Written when read: the failed alternatives of a value another alternative takes are never shown.
  return { path, expected, get text() { return `expected ${expected.join(' or ')}, got ${found(value, path)}.`; } };
}

/** Keys of features vCluster once had: the message says so, and where their settings go now. */
function removedFeatureText(path: string, version: ChartVersion): string | undefined {
  const distro = /^controlPlane\.distro\.(k3s|k0s)$/.exec(path)?.[1];
  return distro && `the ${distro} distro was removed from vCluster; chart ${version} runs Kubernetes (k8s) only. ` +
    'Move its settings to controlPlane.distro.k8s (image, resources, env, ...) and remove this key.';
}

function unknownKeyText(key: string, allowed: readonly string[], version: ChartVersion, at: readonly Segment[]): string {
  const known = `unknown key (not in vCluster ${version}'s values schema).`;
  const elsewhere = nearestVersionWith(version, at);
  if (elsewhere) return `${known} The nearest chart version with it is ${describeVersion(elsewhere)}: choose chart version ${elsewhere} ` +
    `(chartVersion, --version), or remove it.`;
  if (allowed.length === 0) return `${known} Remove it; no keys are allowed here.`;
  // With a single allowed key, the list below already is the suggestion.
  const guess = allowed.length > 1 ? closest(key, allowed) : undefined;
  const remove = guess ? `Did you mean ${guess}? Otherwise remove it` : 'Remove it';
  return `${known} ${remove}; allowed keys here: ${allowed.join(', ')}.`;
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  // An int64 from --set (Int64) is a JSON integer.
  return isInt64(value) ? 'number' : typeof value;
}

/** What was found: its JSON type and, where it can be shown, its JSON text, shortened. */
function found(value: unknown, at: readonly Segment[]): string {
  return shownValue(at, value, foundValue);
}

function foundValue(value: unknown): string {
  const type = jsonType(value);
  if (type === 'null') return 'null';
  let json: string | undefined;
  try {
    json = isInt64(value) ? value.digits : JSON.stringify(value);
  } catch {
    json = undefined; // bigint, cycles: the type alone must do
  }
  if (json === undefined) return type;
  return `${type} ${json.length > 60 ? `${json.slice(0, 57)}...` : json}`;
}

