/**
 * A byte-exact reimplementation of Helm's `toYaml` template function.
 *
 * Helm's toYaml is `sigs.k8s.io/yaml.Marshal` followed by trimming one trailing newline. That Marshal is
 * `encoding/json.Marshal`, then `yaml.Unmarshal` of the JSON text into `interface{}` and `yaml.Marshal` of the result,
 * both with go-yaml v2 (go.yaml.in/yaml/v2 v2.4.x). So the output is shaped by three Go layers, each mirrored here:
 * - encoding/json: how numbers print, which strings it escapes, that NaN/Infinity are errors;
 * - go-yaml's parser reading that JSON back: number text becomes int64/uint64/float64, and a few inputs it rejects;
 * - go-yaml's encoder and emitter (a port of libyaml): key order, quoting, block styles, folding at 80 columns.
 *
 * go-yaml's key comparator is not transitive for some contrived key sets (e.g. "2", "10", "1a"); Helm sorts them
 * starting from Go's random map order, so its own output varies from run to run. Here they get one fixed order.
 */
import { Emitter } from './go-yaml/emitter';
import { HelmYamlError } from './go-yaml/marshal-error';

/**
 * What `sigs.k8s.io/yaml.Marshal(value)` returns: the YAML text, ending with a newline.
 * Throws HelmYamlError where Go returns an error (NaN/Infinity, cycles, characters go-yaml's reader rejects,
 * keys it cannot read back), and TypeError for values with no JSON form (functions, symbols, class instances).
 * Nesting is limited by the JavaScript stack (about 1900 levels); Go's limit, 10000, is never reached.
 */
export function helmToYamlRaw(value: unknown): string {
  return new Emitter().document(value);
}

/**
 * Helm's `toYaml`: the raw YAML without its final newline, or '' where Helm's marshalling fails
 * (Helm swallows the error inside templates).
 */
export function helmToYaml(value: unknown): string {
  let raw: string;
  try {
    raw = helmToYamlRaw(value);
  } catch (e) {
    if (e instanceof HelmYamlError) return '';
    throw e;
  }
  return raw.endsWith('\n') ? raw.slice(0, -1) : raw;
}
