import { Manifest } from './render/context';
import { isMap, ValueMap } from './values/value-map';
import { describeValue, diagnostic } from './values/diagnostic';
import { Diagnostic, ValuesError } from './values/errors';
import { isDnsSubdomain } from './values/names';

/**
 * What the Kubernetes API server (and the controllers that name objects after their owners)
 * refuse, checked on rendered objects before anything is applied: object names per kind,
 * labels, annotations, the 1 MiB of a Secret or ConfigMap, and etcd's request size. Helm checks
 * none of these, so a release name it accepts can still give objects Kubernetes refuses. Each
 * diagnostic names the object, the limit, the value and the fix. Throws them as one ValuesError.
 */
export function checkApiServerLimits(manifests: readonly Manifest[], releaseName: string): void {
  const found = apiServerLimitDiagnostics(manifests, releaseName);
  if (found.length > 0) throw new ValuesError(found);
}

/** What `checkApiServerLimits` refuses, as diagnostics. */
export function apiServerLimitDiagnostics(manifests: readonly Manifest[], releaseName: string): Diagnostic[] {
  const budget = releaseNameBudget(manifests, releaseName);
  const out: Diagnostic[] = [];
  for (const m of manifests) {
    checkName(m, releaseName, budget, out);
    const object = `${m.kind} "${m.metadata.name}"`;
    forEachMetadata(m, (meta, path) => {
      if (isMap(meta.labels)) checkLabels(object, `${path}.labels`, meta.labels, out);
      if (isMap(meta.annotations)) checkAnnotations(object, `${path}.annotations`, meta.annotations, out);
    });
    forEachSelector(m, (selector, path) => checkLabels(object, path, selector, out));
    // The config Secret's data is made each time it is read (some 20 KB of text): read it once for both sizes.
    const sized = isMap(m.data) ? { ...m, data: { ...m.data } } : m;
    checkDataSize(sized, object, out);
    checkObjectSize(sized, object, out);
  }
  return out;
}

interface NameRule {
  /** What a name must be, for messages: "a DNS-1035 label (...)". */
  readonly rule: string;
  readonly max: number;
  readonly valid: (name: string) => boolean;
  /** Why the limit is lower than the format's own. */
  readonly why?: string;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const LABEL: NameRule = {
  rule: 'a DNS-1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit)',
  max: 63,
  valid: (n) => DNS1123_LABEL.test(n),
};
const SUBDOMAIN: NameRule = {
  rule: 'a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit)',
  max: 253,
  valid: isDnsSubdomain,
};
const PATH_SEGMENT: NameRule = {
  rule: 'a path segment (not "." or "..", without "/" or "%")',
  max: Infinity,
  valid: (n) => n !== '.' && n !== '..' && !/[/%]/.test(n),
};

/** The name rule of each kind (Kubernetes' ValidateXxxName); every other kind takes DNS-1123 subdomains. */
const NAME_RULES: { [kind: string]: NameRule } = {
  Namespace: LABEL,
  Service: {
    rule: 'a DNS-1035 label (lowercase letters, digits and "-", starting with a letter and ending with a letter or digit)',
    max: 63,
    valid: (n) => DNS1035_LABEL.test(n),
  },
  StatefulSet: {
    ...LABEL,
    max: 52,
    why: 'its pods get the label controller-revision-hash "<name>-<hash of up to 10 characters>", and a label value has at most 63',
  },
  Role: PATH_SEGMENT,
  ClusterRole: PATH_SEGMENT,
  RoleBinding: PATH_SEGMENT,
  ClusterRoleBinding: PATH_SEGMENT,
};

const nameRule = (kind: string) => NAME_RULES[kind] ?? SUBDOMAIN;

/**
 * The longest release name every object named after it still allows: the release name's own
 * limit (53, Helm's) is not the binding one when the chart appends suffixes, e.g. deployed etcd's
 * StatefulSet `<name>-etcd` (52 characters at most) leaves 47.
 */
function releaseNameBudget(manifests: readonly Manifest[], releaseName: string): number {
  let budget = Infinity;
  for (const m of manifests) {
    const name = m.metadata.name;
    if (typeof name === 'string' && name.includes(releaseName)) {
      budget = Math.min(budget, nameRule(m.kind).max - (name.length - releaseName.length));
    }
  }
  return budget;
}

function checkName(m: Manifest, releaseName: string, budget: number, out: Diagnostic[]): void {
  const name = m.metadata.name;
  const rule = nameRule(m.kind);
  if (typeof name === 'string' && name.length <= rule.max && rule.valid(name)) return;
  const limit = rule.max === Infinity ? '' : ` of at most ${rule.max} characters${rule.why ? ` (${rule.why})` : ''}`;
  const got = typeof name === 'string' ? `; this one has ${name.length}` : `; got ${describeValue(name)}`;
  const derived = typeof name === 'string' && name.includes(releaseName);
  const fix = derived
    ? `It is made from the release name "${releaseName}" (${releaseName.length} characters); with this configuration the release name can ` +
      `have at most ${budget} characters: choose a shorter name.`
    : 'Change it where it is set.';
  out.push(diagnostic({
    path: derived ? 'name' : 'metadata.name',
    subject: `${m.kind} "${name}"`,
    value: name,
    message: `a ${m.kind} name must be ${rule.rule}${limit}${got}.`,
    fix,
  }));
}

/** Every object metadata of a manifest the API server validates: its own, its pod template's, its claim templates'. */
function forEachMetadata(m: Manifest, visit: (meta: ValueMap, path: string) => void): void {
  visit(m.metadata, 'metadata');
  const spec = isMap(m.spec) ? m.spec : {};
  const template = spec.template?.metadata;
  if (isMap(template)) visit(template, 'spec.template.metadata');
  if (Array.isArray(spec.volumeClaimTemplates)) {
    spec.volumeClaimTemplates.forEach((t: unknown, i: number) => {
      if (isMap(t) && isMap(t.metadata)) visit(t.metadata, `spec.volumeClaimTemplates[${i}].metadata`);
    });
  }
}

/** Label selectors, which hold labels too: every `matchLabels`, and a Service's `spec.selector`. */
function forEachSelector(m: Manifest, visit: (labels: ValueMap, path: string) => void): void {
  if (m.kind === 'Service' && isMap(m.spec) && isMap(m.spec.selector)) visit(m.spec.selector, 'spec.selector');
  // The path below spec, written out only for a selector found.
  const at: (string | number)[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        at.push(i);
        walk(x);
        at.pop();
      });
    } else if (isMap(v)) {
      for (const k of Object.keys(v)) {
        const x = v[k];
        if (k === 'matchLabels' && isMap(x)) {
          visit(x, `spec${at.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}.matchLabels`);
        } else {
          at.push(k);
          walk(x);
          at.pop();
        }
      }
    }
  };
  walk(m.spec);
}

const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME_RULE = 'an optional DNS subdomain prefix of at most 253 characters and "/", then at most 63 letters, digits, "-", "_" ' +
  'and ".", starting and ending with a letter or digit';

function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined && !isDnsSubdomain(prefix)) return false;
  return name.length <= 63 && QUALIFIED_NAME_PART.test(name);
}

function checkLabels(object: string, path: string, labels: ValueMap, out: Diagnostic[]): void {
  for (const [key, value] of Object.entries(labels)) {
    if (value === null || value === undefined) continue;
    // Written only for a finding: labels are many, and nearly all valid.
    const subject = () => `${object} ${path}[${JSON.stringify(key)}]`;
    if (!isQualifiedName(key)) {
      out.push(diagnostic({ path, subject: subject(), value: key, message: `a label key must be ${QUALIFIED_NAME_RULE}.`,
        fix: `Got the key ${JSON.stringify(key)}: change it where it is set.` }));
    } else if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) {
      const length = typeof value === 'string' && value.length > 63 ? ` (${value.length} characters)` : '';
      out.push(diagnostic({
        path,
        subject: subject(),
        value,
        message: 'a label value must be text of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, or empty.',
        fix: `Got ${describeValue(value)}${length}: change it where it is set${typeof value === 'string' ? '' : ', quoted'}.`,
      }));
    }
  }
}

/** The API server's limit on all annotations of one object together (keys and values, in bytes). */
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

function checkAnnotations(object: string, path: string, annotations: ValueMap, out: Diagnostic[]): void {
  let total = 0;
  for (const [key, value] of Object.entries(annotations)) {
    if (value === null || value === undefined) continue;
    if (!isQualifiedName(key.toLowerCase())) {
      out.push(diagnostic({ path, subject: `${object} ${path}`, value: key, message: `an annotation key must be ${QUALIFIED_NAME_RULE}.`,
        fix: `Got the key ${JSON.stringify(key)}: change it where it is set.` }));
    } else if (typeof value !== 'string') {
      out.push(diagnostic({ path, subject: `${object} ${path}[${JSON.stringify(key)}]`, value, message: 'an annotation value must be text.',
        fix: `Got ${describeValue(value)}: quote it where it is set.` }));
    } else {
      total += Buffer.byteLength(key) + Buffer.byteLength(value);
    }
  }
  if (total > MAX_ANNOTATIONS_BYTES) {
    out.push(diagnostic({
      path,
      subject: `${object} ${path}`,
      message: `the annotations of an object may total at most ${MAX_ANNOTATIONS_BYTES} bytes (256 KiB); these have ${total}.`,
      fix: 'Move large content out of annotations, e.g. into a ConfigMap.',
    }));
  }
}

/** The API server's limit on the data of one Secret or ConfigMap (decoded bytes). */
const MAX_DATA_BYTES = 1024 * 1024;

function checkDataSize(m: Manifest, object: string, out: Diagnostic[]): void {
  if (m.apiVersion !== 'v1' || (m.kind !== 'Secret' && m.kind !== 'ConfigMap')) return;
  const sum = (map: unknown, encoding: BufferEncoding) =>
    (isMap(map) ? Object.values(map).reduce((n: number, v) => n + (typeof v === 'string' ? Buffer.byteLength(v, encoding) : 0), 0) : 0);
  const size = m.kind === 'Secret'
    ? sum(m.data, 'base64') + sum(m.stringData, 'utf8')
    : sum(m.data, 'utf8') + sum(m.binaryData, 'base64');
  if (size <= MAX_DATA_BYTES) return;
  const fix = m.metadata.name.startsWith('vc-config-')
    ? 'It holds the virtual cluster\'s full values (vcluster.yaml), start-up manifests (initManifests, experimental.deploy) included: ' +
      'apply large workloads into the virtual cluster on their own instead of embedding them.'
    : 'Keep less data in it.';
  out.push(diagnostic({ path: 'data', subject: object, message: `a ${m.kind} may hold at most ${MAX_DATA_BYTES} bytes (1 MiB) of data; this one ` +
    `holds ${size}.`, fix }));
}

/** etcd's default request limit (--max-request-bytes): an object larger than this cannot be stored. */
const MAX_OBJECT_BYTES = 1.5 * 1024 * 1024;

function checkObjectSize(m: Manifest, object: string, out: Diagnostic[]): void {
  const size = Buffer.byteLength(JSON.stringify(m));
  if (size > MAX_OBJECT_BYTES) {
    out.push(diagnostic({
      path: 'metadata.name',
      subject: object,
      message: `an object is stored in etcd with one request of at most ${MAX_OBJECT_BYTES} bytes (1.5 MiB, etcd's default); this one ` +
        `serializes to ${size}.`,
      fix: 'Make it smaller: move large content out of it.',
    }));
  }
}
