import { parseAllDocuments, ScalarTag, Tags } from 'yaml';
import { ValuesError } from '../values/errors';
import { isMap, ValueMap } from '../values/value-map';

/**
 * Integers go-yaml v2 reads with Go's ParseInt(s, 0, 64) that the YAML 1.1 tags miss: the 0o
 * octal prefix and upper-case base prefixes (0O17, 0B11, 0X1F).
 */
const GO_PREFIXED_INT: ScalarTag = {
  identify: (v) => typeof v === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: /^[-+]?0(?:[oO][0-7_]+|B[01_]+|X[0-9a-fA-F_]+)$/,
  resolve: (text) => {
    const negative = text.startsWith('-');
    const body = text.replace(/^[-+]/, '').replace(/_/g, '');
    const base = { o: 8, b: 2, x: 16 }[body[1].toLowerCase() as 'o' | 'b' | 'x'];
    const n = parseInt(body.slice(2), base);
    return negative ? -n : n;
  },
};

/**
 * The YAML 1.1 tags go-yaml v2 resolves: no timestamps and no sexagesimal numbers (`1:20` stays a
 * string), which the yaml package's 1.1 schema would otherwise read, and Go's prefixed integers.
 */
export function goYamlTags(tags: Tags): Tags {
  return [GO_PREFIXED_INT, ...tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'))];
}

/**
 * Reads a vcluster.yaml the way Helm does (go-yaml v2, YAML 1.1: `yes`/`on` are booleans, `<<`
 * merges maps), except that timestamps stay strings, as they do once Helm has turned the YAML into JSON.
 * An empty file is an empty map; anything but a map is refused, naming the source.
 */
export function parseValuesYaml(text: string, source: string): ValueMap {
  const docs = parseAllDocuments(text, {
    version: '1.1',
    merge: true,
    customTags: goYamlTags,
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const doc = list[0];
  if (doc === undefined) return {};
  const err = doc.errors[0];
  if (err) {
    const where = err.linePos ? ` (line ${err.linePos[0].line}, column ${err.linePos[0].col})` : '';
    throw new ValuesError(source, `${source}: not valid YAML${where}: ${err.message.split('\n')[0]}`);
  }
  const value = doc.toJS({ maxAliasCount: 10000 });
  if (value === null || value === undefined) return {};
  if (!isMap(value)) {
    throw new ValuesError(source, `${source}: a values file must be a map of vcluster.yaml keys, got ${Array.isArray(value) ? 'a list' : typeof value}.`);
  }
  checkFinite(value, source, '');
  return value;
}

/** Helm turns values into JSON, which has no .inf or .nan: it refuses them, and so do we, with the key. */
function checkFinite(v: unknown, source: string, path: string): void {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new ValuesError(path, `${source}: ${path}: ${String(v)} (.inf or .nan) cannot be represented in JSON, so Helm refuses it. Write a finite number, or quote it if you meant text.`);
  }
  if (Array.isArray(v)) v.forEach((x, i) => checkFinite(x, source, `${path}[${i}]`));
  else if (isMap(v)) for (const k of Object.keys(v)) checkFinite(v[k], source, path ? `${path}.${k}` : k);
}
