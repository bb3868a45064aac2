import * as gatewayApiModels from '@kubernetes-models/gateway-api';
import * as prometheusOperatorModels from '@kubernetes-models/prometheus-operator';
import { Chart, Testing } from 'cdk8s';
import * as kubernetesModels from 'kubernetes-models';
import { caseValues, ConformanceCase, loadCases, withCorpus } from './cases';
import { toApiObject } from '../../src/api-objects';
import { renderChart } from '../../src/pipeline';
import { ValueMap } from '../../src/values/value-map';
import { VCluster } from '../../src/vcluster';

/**
 * Every object the library renders for a corpus case must be valid for Kubernetes: each
 * synthesized ApiObject (what users get from `cdk8s synth`) is checked against the schema of its
 * kind by the kubernetes-models packages.
 *
 * - Core kinds: `kubernetes-models` 4.5.x.
 * - ServiceMonitor (monitoring.coreos.com/v1): `@kubernetes-models/prometheus-operator` 4.4.x,
 *   the last line built on the same `@kubernetes-models/base` 5 as kubernetes-models 4.5.
 * - TLSRoute (gateway.networking.k8s.io/v1): `@kubernetes-models/gateway-api` 0.5.1, the last release
 *   that runs on Node 20. It models TLSRoute v1alpha2 only; TLSRoute v1 (Gateway API 1.5) kept the
 *   v1alpha2 fields the chart renders (parentRefs, hostnames, rules[].backendRefs), so v1 routes are
 *   validated against the v1alpha2 schema (see {@link SAME_SCHEMA_AS}).
 * - Anything else (e.g. a CRD kind from `experimental.deploy.host.manifests` no package models)
 *   is skipped, and the skip is logged with the reason.
 *
 * The models check types, required fields, enums and formats; like kubectl's client-side
 * validation before strict field validation, they do not reject unknown fields.
 */

type Obj = { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
interface ModelClass {
  readonly apiVersion: string;
  readonly kind: string;
  new (data: unknown): { validate(): void };
}
interface ValidationErrorLike { errors?: { instancePath?: string; message?: string }[]; message: string }

/** The outcome for one object: validated by a package, invalid, or not modelled anywhere. */
type Outcome =
  | { readonly status: 'valid'; readonly by: string }
  | { readonly status: 'invalid'; readonly by: string; readonly errors: readonly string[] }
  | { readonly status: 'unmodelled' };

/**
 * apiVersion/kind → model class, found by walking the package's module namespaces (every
 * exported class carrying static `apiVersion` and `kind` is a top-level model).
 */
function modelsOf(root: object): Map<string, ModelClass> {
  const models = new Map<string, ModelClass>();
  const seen = new Set<object>();
  const walk = (ns: object) => {
    if (seen.has(ns)) return;
    seen.add(ns);
    for (const value of Object.values(ns)) {
      if (typeof value === 'function' && typeof value.apiVersion === 'string' && typeof value.kind === 'string') {
        models.set(`${value.apiVersion}/${value.kind}`, value as ModelClass);
      } else if (value !== null && typeof value === 'object') {
        walk(value);
      }
    }
  };
  walk(root);
  return models;
}

const MODEL_PACKAGES: readonly { readonly pkg: string; readonly models: Map<string, ModelClass> }[] = [
  { pkg: 'kubernetes-models', models: modelsOf(kubernetesModels) },
  { pkg: '@kubernetes-models/prometheus-operator', models: modelsOf(prometheusOperatorModels) },
  { pkg: '@kubernetes-models/gateway-api', models: modelsOf(gatewayApiModels) },
];

/**
 * Versions no installed package models, validated against the schema of an earlier version with
 * the same fields.
 */
const SAME_SCHEMA_AS: { readonly [apiVersionKind: string]: string } = {
  'gateway.networking.k8s.io/v1/TLSRoute': 'gateway.networking.k8s.io/v1alpha2/TLSRoute',
};

function validate(obj: Obj): Outcome {
  const key = `${String(obj.apiVersion)}/${String(obj.kind)}`;
  for (const { pkg, models } of MODEL_PACKAGES) {
    const Model = models.get(SAME_SCHEMA_AS[key] ?? key);
    if (!Model) continue;
    try {
      new Model({ ...obj, apiVersion: Model.apiVersion }).validate();
      return { status: 'valid', by: pkg };
    } catch (e) {
      const err = e as ValidationErrorLike;
      const errors = (err.errors ?? [{ instancePath: '', message: err.message }]).map((x) => `${x.instancePath || '/'}: ${x.message}`);
      return { status: 'invalid', by: pkg, errors };
    }
  }
  return { status: 'unmodelled' };
}

/**
 * The case rendered through the construct and synthesized, as a user's `cdk8s synth` would. Values
 * whose pods the namespace would refuse (the pre-flight's errors: e.g. a LimitRange minimum above
 * the chart's requests) are refused by the construct; their objects are checked as rendered.
 */
function synthesize(c: ConformanceCase): Obj[] {
  const release = { name: c.release.name, namespace: c.release.namespace, kubeVersion: c.release.kubeVersion };
  const rendered = renderChart({ ...release, values: [caseValues(c) as ValueMap] });
  const chart = new Chart(Testing.app(), 'test');
  if (rendered.findings.some((f) => f.severity === 'error')) {
    for (const o of rendered.objects) toApiObject(chart, o.id, o.manifest);
  } else {
    new VCluster(chart, 'vcluster', { ...release, values: caseValues(c) });
  }
  return Testing.synth(chart) as Obj[];
}

/** Per package, the kinds it validated over the whole run; and every skip with its reason. */
const validatedBy = new Map<string, Map<string, number>>();
const skipped = new Map<string, string[]>();
let objectCount = 0;

const describeObject = (o: Obj) =>
  `${String(o.apiVersion)} ${String(o.kind)} ${o.metadata?.namespace ? `${String(o.metadata.namespace)}/` : ''}${String(o.metadata?.name)}`;

function checkCase(c: ConformanceCase): void {
  const objects = synthesize(c);
  const outcomes: Outcome[] = objects.map(validate);

  const failures: string[] = [];
  objects.forEach((o, i) => {
    objectCount++;
    const outcome = outcomes[i];
    if (outcome.status === 'unmodelled') {
      const key = `${String(o.apiVersion)}/${String(o.kind)}`;
      skipped.set(key, [...(skipped.get(key) ?? []), `${c.name}: ${describeObject(o)}`]);
      console.log(`${c.name}: not validated: ${describeObject(o)}: no installed model package ` +
        `(${MODEL_PACKAGES.map((p) => p.pkg).join(', ')}) defines ${key}`);
      return;
    }
    const kinds = validatedBy.get(outcome.by) ?? new Map<string, number>();
    const key = `${String(o.apiVersion)}/${String(o.kind)}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
    validatedBy.set(outcome.by, kinds);
    if (outcome.status === 'invalid') {
      failures.push(`${describeObject(o)} (validated by ${outcome.by}):\n    ${outcome.errors.join('\n    ')}`);
    }
  });
  if (failures.length > 0) {
    throw new Error(`${c.name} (values ${c.dir}/values.yaml) renders ${failures.length} object(s) Kubernetes would reject:\n  ` +
      `${failures.join('\n  ')}`);
  }
}

withCorpus('Kubernetes schema suite', () => {
  const cases = loadCases().filter((c) => c.expected !== undefined);

  describe('every object the library renders for a corpus case is valid for Kubernetes', () => {
    test('the model packages define the kinds the chart renders', () => {
      const core = MODEL_PACKAGES[0].models;
      for (const key of [
        'apps/v1/StatefulSet',
        'apps/v1/Deployment',
        'v1/Service',
        'v1/Secret',
        'rbac.authorization.k8s.io/v1/Role',
        'networking.k8s.io/v1/Ingress',
      ]) {
        expect(core.has(key)).toBe(true);
      }
      expect(MODEL_PACKAGES[1].models.has('monitoring.coreos.com/v1/ServiceMonitor')).toBe(true);
      // A deliberately invalid object must be refused, so a silent no-op validate() cannot pass the suite.
      const invalid = validate({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'x' }, spec: { replicas: 'two' } } as Obj);
      expect(invalid.status).toBe('invalid');
      const route = validate({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'TLSRoute',
        metadata: { name: 'x' },
        spec: { rules: 'none' },
      } as Obj);
      expect(route).toMatchObject({ status: 'invalid', by: '@kubernetes-models/gateway-api' });
    });

    test.each(cases.map((c) => [c.name, c] as const))('each object of %s renders valid for Kubernetes', (_name, c) => {
      checkCase(c);
    });
  });

  afterAll(() => {
    const lines = [`\nkubernetes schema: ${objectCount} objects of ${cases.length} cases`];
    for (const [pkg, kinds] of validatedBy) {
      lines.push(`  validated by ${pkg}: ${[...kinds].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    }
    for (const [key, where] of skipped) lines.push(`  not validated (no model package defines it): ${key} ×${where.length}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  });
});
