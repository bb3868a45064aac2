import type { SchemaNode } from '../../imports/chart-versions';
import { ChartVersion } from './chart-version';
import { Segment } from './errors';
import { Rule, rootRule } from './schema';
import { isMap, Value } from './value-map';

/**
 * The part of the values schema that leads to the fields a rule picks, with the rule's verdict
 * at each picked field; subtrees without one are left out. Compiled once per rule set, since
 * walking it runs for every virtual cluster.
 */
export interface FieldTree<R> {
  rule?: R;
  readonly props: Map<string, FieldTree<R>>;
  readonly patterns: [RegExp, FieldTree<R>][];
  others?: FieldTree<R>;
  items?: FieldTree<R>;
}

/** Picks schema properties by their name and (resolved) schema node. */
export type FieldRule<R> = (name: string, node: SchemaNode) => R | undefined;

/** The field tree of RULEFOR over the version's compiled values schema (see schema.ts). */
export function compileFieldTree<R>(ruleFor: FieldRule<R>, version: ChartVersion): FieldTree<R> {
  // By compiled node: a definition is one Rule wherever it is referenced. In progress: undefined.
  const trees = new Map<Rule, FieldTree<R> | undefined>();
  const compile = (rule: Rule): FieldTree<R> | undefined => {
    if (trees.has(rule)) {
      const known = trees.get(rule);
      if (known === undefined) throw new Error('values schema: recursive $ref is not supported by the field rules');
      return known === EMPTY ? undefined : known;
    }
    trees.set(rule, undefined);
    const tree = compileNode(rule);
    trees.set(rule, tree ?? EMPTY);
    return tree;
  };
  const compileNode = (rule: Rule): FieldTree<R> | undefined => {
    const tree: FieldTree<R> = { props: new Map(), patterns: [] };
    for (const [name, sub] of rule.properties ?? []) {
      const picked = ruleFor(name, sub.node);
      const child = picked !== undefined ? { rule: picked, props: new Map(), patterns: [] } : compile(sub);
      if (child) tree.props.set(name, child);
    }
    for (const [pattern, sub] of rule.patternProperties ?? []) {
      const child = compile(sub);
      if (child) tree.patterns.push([pattern, child]);
    }
    if (rule.additionalProperties) tree.others = compile(rule.additionalProperties);
    if (rule.items !== undefined) tree.items = compile(rule.items);
    let result: FieldTree<R> = tree;
    for (const alt of [...(rule.oneOf ?? []), ...(rule.anyOf ?? [])]) result = merge(result, compile(alt))!;
    return isEmpty(result) ? undefined : result;
  };
  return compile(rootRule(version)) ?? EMPTY;
}

/** The tree of a node without picked fields. */
const EMPTY: FieldTree<never> = { props: new Map(), patterns: [] };

function isEmpty<R>(tree: FieldTree<R>): boolean {
  return tree.rule === undefined && tree.props.size === 0 && tree.patterns.length === 0 && !tree.others && !tree.items;
}

/** The union of two trees (alternatives of oneOf/anyOf); new nodes, as definitions are shared. */
function merge<R>(a: FieldTree<R> | undefined, b: FieldTree<R> | undefined): FieldTree<R> | undefined {
  if (!a || a === b) return b ?? a;
  if (!b) return a;
  const props = new Map(a.props);
  for (const [k, sub] of b.props) props.set(k, merge(props.get(k), sub)!);
  return {
    rule: a.rule ?? b.rule,
    props,
    patterns: [...a.patterns, ...b.patterns],
    others: merge(a.others, b.others),
    items: merge(a.items, b.items),
  };
}

/** Every picked field as a path pattern (`a.*.b`, `a[].b`, `a.<regexp>`), with its rule. */
export function fieldPatterns<R>(tree: FieldTree<R>): [string, R][] {
  const out: [string, R][] = [];
  const walk = (t: FieldTree<R>, path: string): void => {
    if (t.rule !== undefined) out.push([path, t.rule]);
    for (const [k, sub] of t.props) walk(sub, path ? `${path}.${k}` : k);
    for (const [re, sub] of t.patterns) walk(sub, `${path}.<${re.source}>`);
    if (t.others) walk(t.others, `${path}.*`);
    if (t.items) walk(t.items, `${path}[]`);
  };
  walk(tree, '');
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Calls `visit` for each picked field the values set (null deletes a key when Helm coalesces;
 * it is not a value). `path` is reused between calls: copy it to keep it.
 */
export function visitFields<R>(
  tree: FieldTree<R>,
  value: Value,
  visit: (rule: R, value: Value, path: readonly Segment[]) => void,
  path: Segment[] = [],
): void {
  if (tree.rule !== undefined) {
    visit(tree.rule, value, path);
    return;
  }
  if (Array.isArray(value)) {
    if (!tree.items) return;
    value.forEach((item, i) => {
      path.push(i);
      visitFields(tree.items!, item, visit, path);
      path.pop();
    });
    return;
  }
  if (!isMap(value)) return;
  for (const key of Object.keys(value)) {
    if (value[key] === null || value[key] === undefined) continue;
    const child = tree.props.get(key) ?? tree.patterns.find(([re]) => re.test(key))?.[1] ?? tree.others;
    if (!child) continue;
    path.push(key);
    visitFields(child, value[key], visit, path);
    path.pop();
  }
}
