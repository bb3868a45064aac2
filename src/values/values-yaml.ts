import { parseAllDocuments, Tags } from 'yaml';
import { ValuesError } from './errors';
import { isMap, ValueMap } from '../render/go-template';

/**
 * The YAML 1.1 tags go-yaml v2 resolves: no timestamps and no sexagesimal numbers (`1:20` stays a
 * string), which the yaml package's 1.1 schema would otherwise read.
 */
export function goYamlTags(tags: Tags): Tags {
  return tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'));
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
  return value;
}
