import { parseManifestStream } from '../../src/yaml/yaml-text';

/**
 * The comparison rules of ../shared/conformance/README.md: documents keyed by
 * (apiVersion, kind, namespace, name); Helm's chart/heritage labels ignored; the config Secret's
 * config.yaml compared as data; the vClusterConfigHash annotation only required to be present
 * (unless strictHash); null, {} and [] count as absent, except emptyDir: {}.
 */
export function compareManifests(expected: Manifests, actual: Manifests, strictHash = false): string[] {
  return compareIndexed(index(docsOf(expected), strictHash), index(docsOf(actual), strictHash));
}

/** A manifest stream, or its documents already parsed with {@link loadAll}. */
export type Manifests = string | readonly unknown[];

const docsOf = (m: Manifests): readonly any[] => (typeof m === 'string' ? loadAll(m) : m);

function compareIndexed(expected: Map<string, unknown>, actual: Map<string, unknown>): string[] {
  const problems: string[] = [];
  for (const k of expected.keys()) if (!actual.has(k)) problems.push(`missing document ${k}`);
  for (const k of actual.keys()) if (!expected.has(k)) problems.push(`unexpected document ${k}`);
  for (const [k, e] of expected) {
    const a = actual.get(k);
    if (a === undefined) continue;
    const out: string[] = [];
    diff(e, a, '', out);
    problems.push(...out.map((o) => `${k}: ${o}`));
  }
  return problems;
}

/**
 * Parses a manifest stream as the reference comparer does (PyYAML: YAML 1.1 scalars, where y/n
 * are strings and a float needs a decimal point).
 */
export function loadAll(text: string): any[] {
  // The chart writes `verbs: [...]# comment`; go-yaml and PyYAML read that `#` as a comment, the
  // yaml package wants white space before it.
  return parseManifestStream(text.replace(/\]#/g, '] #'), 'helm output')
    .map((d) => {
      if (d.error !== undefined) throw new Error(`unparsable YAML: ${d.error}`);
      return d.value;
    })
    .filter((d) => d !== null && d !== undefined);
}

function index(docs: readonly any[], strictHash: boolean): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const d of docs) {
    const md = d.metadata ?? {};
    out.set(`${d.apiVersion}/${d.kind} ${md.namespace ?? ''}/${md.name}`, normalize(d, strictHash));
  }
  return out;
}

function normalize(doc: any, strictHash: boolean): unknown {
  const d = { ...doc, metadata: { ...(doc.metadata ?? {}) } };
  const labels = { ...(d.metadata.labels ?? {}) };
  delete labels.chart;
  delete labels.heritage;
  d.metadata.labels = labels;
  if (d.kind === 'Secret' && String(d.metadata.name ?? '').startsWith('vc-config-') && d.data?.['config.yaml'] !== undefined) {
    const text = Buffer.from(String(d.data['config.yaml']), 'base64').toString('utf8');
    let parsed: unknown;
    try {
      parsed = loadAll(text)[0];
    } catch (e) {
      parsed = `<undecodable: ${e}>`;
    }
    d.data = { ...d.data, 'config.yaml': parsed };
  }
  const template = d.spec?.template;
  if (template && typeof template === 'object' && !strictHash) {
    const ann = template.metadata?.annotations;
    if (ann && 'vClusterConfigHash' in ann) {
      d.spec = { ...d.spec, template: { ...template, metadata: { ...template.metadata, annotations: { ...ann, vClusterConfigHash: '<present>' } } } };
    }
  }
  return prune(d);
}

function prune(x: unknown, key?: string): unknown {
  if (Array.isArray(x)) return x.map((v) => prune(v));
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v0] of Object.entries(x)) {
      const v = prune(v0, k);
      if (v === null || v === undefined) continue;
      if (k !== 'emptyDir' && isEmptyCollection(v)) continue;
      out[k] = v;
    }
    return out;
  }
  void key;
  return x;
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return typeof v;
}

function diff(e: unknown, a: unknown, path: string, out: string[], limit = 12): void {
  if (out.length >= limit) return;
  if (typeName(e) !== typeName(a)) {
    out.push(`${path || '.'}: expected ${show(e)}, got ${show(a)}`);
    return;
  }
  if (Array.isArray(e)) {
    const al = a as unknown[];
    if (e.length !== al.length) out.push(`${path}: list length ${e.length} expected, got ${al.length}`);
    for (let i = 0; i < Math.min(e.length, al.length); i++) diff(e[i], al[i], `${path}[${i}]`, out, limit);
    return;
  }
  if (e !== null && typeof e === 'object') {
    const eo = e as Record<string, unknown>;
    const ao = a as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(eo), ...Object.keys(ao)])].sort()) {
      if (!(k in ao)) out.push(`${path}.${k}: missing (expected ${show(eo[k])})`);
      else if (!(k in eo)) out.push(`${path}.${k}: unexpected ${show(ao[k])}`);
      else diff(eo[k], ao[k], `${path}.${k}`, out, limit);
      if (out.length >= limit) return;
    }
    return;
  }
  if (e !== a && !(Number.isNaN(e) && Number.isNaN(a))) out.push(`${path}: expected ${show(e)}, got ${show(a)}`);
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length < 120 ? s : `${s.slice(0, 117)}...`;
}
