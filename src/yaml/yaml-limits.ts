import { Composer, CST, Document, isAlias, isMap as isYamlMap, isPair, isScalar, isSeq, LineCounter, Node, Parser } from 'yaml';
import { valuesError } from '../values/diagnostic';
import { formatPath, Segment, ValuesError } from '../values/errors';
import { MAX_VALUES_DEPTH, tooDeep } from '../values/user-values';
import { isMap, ValueMap } from '../values/value-map';

/*
 * The limits every YAML text a user hands in is read with (values files, and YAML embedded in
 * the values: host and init manifests, manifestsTemplate), so that a small text cannot expand
 * into gigabytes: a few hundred bytes of nested aliases ("an alias bomb") would otherwise hang
 * the render and exhaust the memory. Helm refuses such input too (go-yaml's alias budget).
 */

/** Alias expansions allowed per document: the yaml package's own guard against alias bombs. */
export const MAX_ALIAS_COUNT = 10000;

/**
 * The most a YAML text, and what its aliases expand to, may hold: the largest request the
 * Kubernetes API server accepts (3 MiB). Nothing larger can be applied, and the config Secret
 * that carries the values holds only 1 MiB.
 */
export const MAX_YAML_BYTES = 3 * 1024 * 1024;

/** Refuses a text of more than MAX_YAML_BYTES before it is parsed. */
export function checkTextSize(text: string, source: string): void {
  // A UTF-16 unit is at most 3 bytes of UTF-8: only long texts need counting.
  if (text.length <= MAX_YAML_BYTES / 3) return;
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_YAML_BYTES) throw tooLarge(source, `its ${bytes} bytes of YAML`);
}

/** The refusal of YAML larger than MAX_YAML_BYTES; WHAT says what was found. */
function tooLarge(source: string, what: string): ValuesError {
  return valuesError({ path: source, message: `${what} exceed the ${MAX_YAML_BYTES} bytes (3 MiB) the Kubernetes API server accepts in one ` +
    'request, which cdk8s-vcluster refuses.', fix: 'Give fewer or smaller objects, or write repeated parts out instead of aliasing them.' });
}

/**
 * A parsed document as JavaScript data, within the limits: no anchor containing its own alias,
 * no nesting deeper than MAX_VALUES_DEPTH once aliases are followed, at most MAX_ALIAS_COUNT
 * alias expansions, and at most MAX_YAML_BYTES once expanded. Aliases still share one object.
 */
export function limitedJS(doc: Document.Parsed, source: string, hasAliases: boolean): unknown {
  if (!hasAliases) return doc.toJS();
  checkAliases(doc, source);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    if (!message.startsWith('Excessive alias count')) throw valuesError({ path: source, message });
    throw valuesError({ path: source, message: `the aliases expand to more than ${MAX_ALIAS_COUNT} copies, which cdk8s-vcluster refuses, as ` +
      'Helm refuses such "alias bombs".', fix: 'Write repeated parts out instead of aliasing them.' });
  }
  if (expandedSize(value, MAX_YAML_BYTES) > MAX_YAML_BYTES) throw tooLarge(source, 'the data its aliases expand to would');
  return value;
}

/**
 * About how many bytes VALUE takes written out, a shared object counted at each use; the count
 * stops once it passes LIMIT, so a huge expansion costs no more than LIMIT steps.
 */
function expandedSize(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && size <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length + 1;
    else if (Array.isArray(v)) {
      size += 2;
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      size += 2;
      for (const [k, item] of Object.entries(v)) {
        size += k.length + 2;
        stack.push(item);
      }
    } else size += String(v).length + 1;
  }
  return size;
}

/**
 * The YAML texts of the values that vCluster reads itself, inside the virtual cluster (init
 * manifests, their template, the values of its Helm charts): the library does not read them
 * otherwise, but refuses them past the limits, with their key path, rather than ship an alias
 * bomb. Texts without an alias (`*`) need only the size check.
 */
export function checkEmbeddedYaml(values: ValueMap): void {
  const vc = values.experimental?.deploy?.vcluster;
  if (!isMap(vc)) return;
  const path = 'experimental.deploy.vcluster';
  const texts: [string, unknown][] = [[`${path}.manifests`, vc.manifests], [`${path}.manifestsTemplate`, vc.manifestsTemplate]];
  if (Array.isArray(vc.helm)) vc.helm.forEach((h, i) => texts.push([`${path}.helm[${i}].values`, isMap(h) ? h.values : undefined]));
  for (const [source, text] of texts) {
    if (typeof text !== 'string') continue;
    checkTextSize(text, source);
    // Text that is no valid YAML (a template) is vCluster's to refuse; only the limits are checked here.
    if (text.includes('*')) limitedDocuments(text, source);
  }
}

/** A document of a YAML text: its data, or `valid: false` for one that is no valid YAML. */
export interface LimitedDocument {
  readonly valid: boolean;
  /** @default - none: not valid */
  readonly value?: unknown;
}

/**
 * The documents of a YAML (or JSON) text as JavaScript data, within the limits (a ValuesError
 * naming SOURCE past them): the size, the nesting, the aliases. Only the limits are Helm's here,
 * not its keys: the callers read texts that vCluster reads itself, or that only may hold YAML.
 */
export function limitedDocuments(text: string, source: string): LimitedDocument[] {
  checkTextSize(text, source);
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const hasAliases = checkNesting(tokens, source, (offset) => `line ${lines.linePos(offset).line}, column ${lines.linePos(offset).col}`, false);
  // Keys that are maps (a template's `{{ .x }}`) become text quietly: these texts are only read.
  return Array.from(new Composer({ logLevel: 'error' }).compose(tokens),
    (doc) => (doc.errors.length === 0 ? { valid: true, value: limitedJS(doc, source, hasAliases) } : { valid: false }));
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

/**
 * Refuses tokens nested deeper than MAX_VALUES_DEPTH, walking them without recursion (the yaml
 * package's tokenizer has no depth limit of its own, and its composer recurses per level).
 * Returns whether there are aliases. WHERE says where an offset of the text is, for messages.
 * With HELM_KEYS, also the map keys Helm refuses (see checkKey), for text Helm reads.
 */
export function checkNesting(tokens: readonly CST.Token[], source: string, where: (offset: number) => string, helmKeys = true): boolean {
  interface Entry {
    readonly token: CST.Token;
    readonly depth: number;
    readonly parent?: Entry;
    /** The key token or list index leading here; resolved only for the message. */
    readonly step?: CST.Token | number;
  }
  let hasAliases = false;
  const stack: Entry[] = [];
  for (const t of tokens) if (t.type === 'document' && t.value) stack.push({ token: t.value, depth: 0 });
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { token, depth } = entry;
    if (token.type === 'alias') hasAliases = true;
    if (!CST.isCollection(token)) continue;
    const pathTo = (e: Entry | undefined): Segment[] => {
      const path: Segment[] = [];
      for (; e?.step !== undefined; e = e.parent) path.unshift(typeof e.step === 'number' ? e.step : CST.resolveAsScalar(e.step)?.value ?? '?');
      return path;
    };
    if (depth >= MAX_VALUES_DEPTH) {
      throw tooDeep(`${source} (${where(token.offset)})`, pathTo(entry));
    }
    const sequence = token.type === 'block-seq' || (token.type === 'flow-collection' && token.start.source === '[');
    (token as Collection).items.forEach((item, i) => {
      if (helmKeys && !sequence && item.key) checkKey(item.key, pathTo(entry), source, where);
      if (item.key) stack.push({ token: item.key, depth: depth + 1, parent: entry, step: item.key });
      if (item.value) stack.push({ token: item.value, depth: depth + 1, parent: entry, step: sequence || !item.key ? i : item.key });
    });
  }
  return hasAliases;
}

/**
 * Refuses the map keys Helm refuses when it turns the YAML into JSON (sigs.k8s.io/yaml): a list
 * or a map as key (`? [a, b]`: "yaml: invalid map key"), and null (`~:` or `null:`: "unsupported
 * map key"). JavaScript would make them the text "a,b", "[object Object]" or "".
 */
function checkKey(key: CST.Token, parent: readonly Segment[], source: string, where: (offset: number) => string): void {
  const complex = CST.isCollection(key);
  if (!complex && !(key.type === 'scalar' && NULL_KEYS.has(key.source))) return;
  const at = formatPath(parent) || '(top level)';
  const what = complex ? `a ${key.type === 'block-seq' || (key.type === 'flow-collection' && key.start.source === '[') ? 'list' : 'map'}` : 'null';
  throw valuesError({
    path: formatPath(parent),
    subject: `${source} (${where(key.offset)}): ${at}`,
    message: `a map key that is ${what} (${CST.stringify(key).trim()}); Helm refuses it ` +
      `(${complex ? 'yaml: invalid map key' : 'unsupported map key of type: <nil>'}).`,
    fix: 'Write the key as a string.',
  });
}

/** Plain scalars YAML 1.1 reads as null. */
const NULL_KEYS = new Set(['', '~', 'null', 'Null', 'NULL']);

/**
 * Refuses aliases that nest the values deeper than MAX_VALUES_DEPTH once expanded, and an
 * anchor that contains its own alias (go-yaml refuses it; the yaml package would build a cycle).
 * Heights are computed once per node, so alias chains cost no more than the text.
 */
function checkAliases(doc: Document.Parsed, source: string): void {
  const height = new Map<Node, number>();
  const children = (node: Node): Node[] => {
    if (isAlias(node)) return [node.resolve(doc) as Node].filter((n) => n !== undefined);
    if (isYamlMap(node))
      return node.items.flatMap((p) => (isPair(p) ? [p.key, p.value] : [p])).filter((n): n is Node => n !== null && typeof n === 'object');
    if (isSeq(node)) return node.items.filter((n): n is Node => n !== null && typeof n === 'object');
    return [];
  };
  const root = doc.contents as Node | null;
  if (!root) return;
  const open = new Set<Node>();
  const stack: { node: Node; kids: Node[]; next: number }[] = [{ node: root, kids: children(root), next: 0 }];
  open.add(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next < frame.kids.length) {
      const kid = frame.kids[frame.next++];
      if (height.has(kid)) continue;
      if (open.has(kid)) {
        const anchor = isAlias(frame.node) ? frame.node.source : '';
        throw valuesError({ path: source, message: `the anchor &${anchor} contains its own alias *${anchor}; Helm refuses such values too.`,
          fix: 'Copy the values instead.' });
      }
      open.add(kid);
      stack.push({ node: kid, kids: children(kid), next: 0 });
      continue;
    }
    let tallest = 0;
    for (const k of frame.kids) tallest = Math.max(tallest, height.get(k) ?? 0);
    height.set(frame.node, (isAlias(frame.node) || isScalar(frame.node) ? 0 : 1) + tallest);
    open.delete(frame.node);
    stack.pop();
  }
  if ((height.get(root) ?? 0) <= MAX_VALUES_DEPTH) return;
  // The deepest path, aliases followed, for the message.
  const path: Segment[] = [];
  let node: Node = root;
  while (path.length <= MAX_VALUES_DEPTH) {
    if (isAlias(node)) {
      node = node.resolve(doc) as Node;
      continue;
    }
    const step = deepestChild(node, height);
    if (!step) break;
    path.push(step.segment);
    node = step.node;
  }
  throw tooDeep(source, path);
}

function deepestChild(node: Node, height: ReadonlyMap<Node, number>): { segment: Segment; node: Node } | undefined {
  let best: { segment: Segment; node: Node } | undefined;
  let bestHeight = -1;
  const consider = (segment: Segment, child: unknown) => {
    if (child === null || typeof child !== 'object') return;
    const h = height.get(child as Node) ?? 0;
    if (h > bestHeight) {
      bestHeight = h;
      best = { segment, node: child as Node };
    }
  };
  if (isYamlMap(node)) for (const p of node.items) consider(isScalar(p.key) ? String(p.key.value) : '?', p.value);
  if (isSeq(node)) node.items.forEach((item, i) => consider(i, item));
  return best;
}
