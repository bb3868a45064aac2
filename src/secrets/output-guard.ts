import { credentialInText, isReference } from './credential-text';
import { closest } from '../values/closest';
import { namesCredential } from '../values/credential-names';
import { diagnostic } from '../values/diagnostic';
import { Diagnostic, formatPath, Segment, ValuesError } from '../values/errors';
import { isDeepFrozen, isMap, ValueMap } from '../values/value-map';
import { limitedDocuments } from '../yaml/yaml-limits';
import { numberValue } from '../values/int64';

/**
 * The config Secret's text in clear, as the values it is written from: the guard reads those
 * instead of parsing the text back (some 20 KB per virtual cluster).
 */
export interface GuardedConfig {
  /** The object that carries the config, e.g. `Secret/vc-config-vc1`. */
  readonly object: string;
  /** Where in it the config text is, e.g. `data["config.yaml"]`. */
  readonly path: readonly Segment[];
  /** The values the text is written from. */
  readonly values: ValueMap;
}

/** What the guard checks. */
export interface GuardScope {
  /** @default - no config text in clear */
  readonly config?: GuardedConfig;
  /** Locations (`Kind/name:path`, as a finding names them) kept knowingly. @default - none */
  readonly allow?: readonly string[];
  /** The prop that takes the allow list, for the fix. @default - none: no allow list */
  readonly allowProp?: string;
}

/** A credential in clear in the output: where (`Kind/name:path`) and what, never the value. */
export interface Finding {
  readonly at: string;
  readonly what: string;
}

/** Fields that hold references or ciphertext by design, by kind. */
const NOT_CLEAR: { readonly [kind: string]: readonly (readonly string[])[] } = {
  SealedSecret: [['spec', 'encryptedData']],
  ExternalSecret: [['spec', 'data'], ['spec', 'dataFrom']],
};

/** A Secret in manifest text that does not parse (a template): read as text. */
const SECRET_TEXT = /^\s*["']?kind["']?\s*:\s*["']?Secret\b/m;

/**
 * The output guard: every credential in clear in the given objects (each as it is synthesized,
 * JSON patches applied), in every string of them, in the YAML or JSON that strings embed (init
 * and host manifests, helm values) and in a `List`'s items. A `Secret` with data is one, except
 * the config Secret whose text {@link GuardScope.config} gives (read as its values). The
 * findings in {@link GuardScope.allow} are left out.
 */
export function findLeaks(objects: readonly unknown[], scope: GuardScope): Finding[] {
  return allFindings(objects, scope).filter((f) => !scope.allow?.includes(f.at));
}

function allFindings(objects: readonly unknown[], scope: GuardScope): Finding[] {
  const found = new Map<string, string>();
  for (const o of objects) scanObject(o, scope, found);
  return [...found].map(([at, what]) => ({ at, what }));
}

const TAKE_FROM_SECRET = 'Take it from a Secret that is not in the output instead (env valueFrom.secretKeyRef, a volume from a Secret, ' +
  'a SealedSecret or ExternalSecret of its own); for the config Secret choose configSecret: ConfigSecret.externalSecret(...) or .sealedSecret(...).';
const SECRET_ELSEWHERE = 'Create that Secret with a SealedSecret or ExternalSecret of its own, or sync it from the host (sync.fromHost.secrets).';

/**
 * Refuses output with a credential in clear: one diagnostic per finding (its location, what it
 * is, never the value, and the fix), and one per entry of the allow list that matches no finding
 * (a stale entry would let a credential at that location through unnoticed later).
 */
export function guardOutput(objects: readonly unknown[], scope: GuardScope): void {
  const found = allFindings(objects, scope);
  const allow = scope.allow ?? [];
  const diagnostics: Diagnostic[] = found.filter((f) => !allow.includes(f.at)).map((f) => diagnostic({
    path: f.at,
    message: `${f.what}, in clear in the output, readable by anyone who reads it or its git repository.`,
    fix: (f.what.startsWith('a Secret') ? SECRET_ELSEWHERE : TAKE_FROM_SECRET) + (scope.allowProp === undefined ? ''
      : ` If it is deliberate (not a real credential), list its location in ${scope.allowProp}, e.g. ${scope.allowProp}: [${JSON.stringify(f.at)}].`),
  }));
  allow.forEach((entry, i) => {
    if (found.some((f) => f.at === entry)) return;
    const near = closest(entry, found.map((f) => f.at));
    diagnostics.push(diagnostic({
      path: `${scope.allowProp ?? 'allow'}[${i}]`,
      value: entry,
      message: `${JSON.stringify(entry)} matches no credential the guard finds in the output; ` +
        'a stale entry would let one there through unnoticed later.',
      fix: near === undefined ? 'Remove it.' : `Did you mean ${JSON.stringify(near)}? Otherwise remove it.`,
    }));
  });
  if (diagnostics.length > 0) throw new ValuesError(diagnostics);
}

/** Whether manifest text (YAML or JSON, any spelling, Lists too) holds a Secret with data. */
export function holdsSecretObject(text: string): boolean {
  let found = false;
  walk(text, [], { report: (_path, what) => (found ||= what.startsWith('a Secret')), skipped: [], topSecret: true });
  return found;
}

function scanObject(o: unknown, scope: GuardScope, found: Map<string, string>): void {
  if (!isMap(o)) return;
  const kind = typeof o.kind === 'string' ? o.kind : '?';
  if (kind.endsWith('List') && Array.isArray(o.items)) {
    for (const item of o.items) scanObject(item, scope, found);
    return;
  }
  const object = `${kind}/${isMap(o.metadata) ? String(o.metadata.name) : '?'}`;
  const config = scope.config?.object === object ? scope.config : undefined;
  const skipped = [...NOT_CLEAR[kind] ?? [], ...config ? [config.path] : []];
  const report = (path: readonly Segment[], what: string) => {
    const at = path.length > 0 ? `${object}:${formatPath(path)}` : object;
    if (!found.has(at)) found.set(at, what);
  };
  walk(o, [], { report, skipped, topSecret: config === undefined });
  if (config !== undefined) {
    walk(config.values, [...config.path], { report, skipped: [], topSecret: false });
  }
}

interface Walk {
  readonly report: (path: readonly Segment[], what: string) => void;
  readonly skipped: readonly (readonly Segment[])[];
  /** Whether the object itself is a Secret whose data counts (not the config Secret). */
  readonly topSecret: boolean;
}

/** What the guard finds in a tree, relative to it: where (the path below it) and what. */
type Found = readonly (readonly [path: readonly Segment[], what: string])[];

const NOTHING: Found = [];

/**
 * The findings in deep-frozen trees (the values the config text is written from), which can
 * never change: a fleet's tenants share the subtrees of the chart defaults they leave alone, and
 * each such subtree is read once, not once per tenant.
 */
const FROZEN_FINDINGS = new WeakMap<object, Found>();

/** Walks V at PATH, a stack it pushes to and pops from (a report formats it at once). */
function walk(v: unknown, path: Segment[], w: Walk): void {
  if (w.skipped.length > 0 && w.skipped.some((s) => s.length === path.length && s.every((seg, i) => seg === path[i]))) return;
  // Below the top (where the Secret rule depends on the walk), a frozen tree's findings depend on it alone.
  if (path.length > 0 && w.skipped.length === 0 && isDeepFrozen(v)) {
    reportBelow(path, frozenFindings(v as object), w);
    return;
  }
  visit(v, path, w);
}

function frozenFindings(v: object): Found {
  let found = FROZEN_FINDINGS.get(v);
  if (found === undefined) {
    found = findingsBelow(v, visit);
    FROZEN_FINDINGS.set(v, found);
  }
  return found;
}

function reportBelow(path: readonly Segment[], found: Found, w: Walk): void {
  for (const [below, what] of found) w.report([...path, ...below], what);
}

/** What READ finds in V, relative to it, read as below the top: a Secret with data counts. */
function findingsBelow<T>(v: T, read: (v: T, path: Segment[], w: Walk) => void): Found {
  const here: [Segment[], string][] = [];
  read(v, [], { report: (path, what) => here.push([[...path], what]), skipped: [], topSecret: true });
  return here.length > 0 ? here : NOTHING;
}

/**
 * The findings in each distinct string, while a FleetApp validates (see {@link scanningStringsOnce}):
 * a fleet's tenants share most strings (images, arguments, embedded manifests, parsed here), and
 * each is read once. Only for one synth: most strings of a tenant are its own.
 */
let stringFindings: Map<string, Found> | undefined;

/** Runs RUN (a synth's validation) with the findings of each distinct string it guards kept until it returns. */
export function scanningStringsOnce<T>(run: () => T): T {
  const outer = stringFindings;
  stringFindings ??= new Map();
  try {
    return run();
  } finally {
    stringFindings = outer;
  }
}

function visit(v: unknown, path: Segment[], w: Walk): void {
  if (typeof v === 'string') {
    scanString(v, path, w);
  } else if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const flag = i > 0 && typeof v[i - 1] === 'string' ? /^--?([A-Za-z0-9][\w.-]*)$/.exec(v[i - 1]) : null;
      path.push(i);
      if (flag && namesCredential(flag[1]) && isClear(item)) w.report(path, `the value of the flag --${flag[1]}`);
      else walk(item, path, w);
      path.pop();
    });
  } else if (isMap(v)) {
    if (v.kind === 'Secret' && (path.length > 0 || w.topSecret) && [v.data, v.stringData].some((d) => isMap(d) && Object.keys(d).length > 0)) {
      w.report(path, 'a Secret with data (base64 is not encryption)');
      return;
    }
    // An env variable (or any name/value pair) whose name names a credential.
    if (typeof v.name === 'string' && namesCredential(v.name) && isClear(v.value)) w.report([...path, 'value'], `the value of ${v.name}`);
    for (const k of Object.keys(v)) {
      const x = v[k];
      path.push(k);
      if (namesCredential(k) && isClear(x)) w.report(path, `the value of the key "${k}"`);
      else walk(x, path, w);
      path.pop();
    }
  }
}

/** A literal value (not a reference, not a map) under a credential's name. */
function isClear(v: unknown): boolean {
  return (typeof v === 'string' && !isReference(v)) || numberValue(v) !== undefined;
}

function scanString(s: string, path: Segment[], w: Walk): void {
  // Below the top, with nothing skipped, a string's findings depend on it alone.
  if (stringFindings === undefined || path.length === 0 || w.skipped.length > 0) {
    scanText(s, path, w);
    return;
  }
  let found = stringFindings.get(s);
  if (found === undefined) {
    found = findingsBelow(s, scanText);
    stringFindings.set(s, found);
  }
  reportBelow(path, found, w);
}

function scanText(s: string, path: Segment[], w: Walk): void {
  const docs = /\n|^\s*[[{]/.test(s) ? embedded(s) : undefined;
  if (docs !== undefined) {
    docs.forEach((d, i) => {
      if (docs.length > 1) path.push(i);
      walk(d, path, w);
      if (docs.length > 1) path.pop();
    });
    return;
  }
  const what = credentialInText(s) ?? (SECRET_TEXT.test(s) ? 'a Secret among manifests that do not parse' : undefined);
  if (what !== undefined) w.report(path, what);
}

/**
 * The YAML or JSON documents a string holds, when it holds maps or lists (else it is text); text
 * past the YAML limits (an alias bomb, more than 3 MiB) is read as text too, without expanding it.
 */
function embedded(s: string): unknown[] | undefined {
  let docs;
  try {
    docs = limitedDocuments(s, 'embedded YAML');
  } catch (e) {
    if (e instanceof ValuesError) return undefined;
    throw e;
  }
  if (docs.some((d) => !d.valid)) return undefined;
  const values = docs.map((d) => d.value);
  return values.some((x) => isMap(x) || Array.isArray(x)) ? values : undefined;
}
