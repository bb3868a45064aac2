import { join } from 'path';
import { parse } from 'yaml';
import { importValues, ImportOptions, ImportResult } from '../../src/import/program';
import { rootlessValues } from '../../src/props/rootless';
import { ValueMap } from '../../src/values/value-map';
import { ConformanceCase } from '../conformance/cases';
import { cached } from '../conformance/corpus-cache';
import { parseValuesYaml } from '../../src/yaml/values-yaml';
import { runCommand } from '../cli/cli-helper';
import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { runProgram } from './program-runner';

/** The tutorial's final values (step 5, corpus case seed-05-sync-ingress). */
export const TUTORIAL_STEP_5 = `
controlPlane:
  distro:
    k8s:
      enabled: true
      image:
        registry: ghcr.io
        repository: loft-sh/kubernetes
        tag: v1.32.1
  backingStore:
    etcd:
      deploy:
        enabled: true
        statefulSet:
          persistence:
            volumeClaim:
              enabled: true
              storageClass: managed-nfs-storage
              size: 5Gi
  statefulSet:
    persistence:
      volumeClaim:
        storageClass: managed-nfs-storage
        size: 5Gi
    security:
      podSecurityContext:
        fsGroup: 12345
      containerSecurityContext:
        runAsUser: 12345
        runAsGroup: 12345
        runAsNonRoot: true
  ingress:
    enabled: true
    host: vc1.kryukov.local
  proxy:
    extraSANs:
    - vc1.kryukov.local
exportKubeConfig:
  context: vc1
  server: https://vc1.kryukov.local
integrations:
  metricsServer:
    enabled: true
    nodes: true
    pods: true
policies:
  resourceQuota:
    enabled: true
    quota:
      cpu: '4'
      memory: 5Gi
      limits.memory: 5Gi
      pods: '15'
      requests.storage: 20Gi
  limitRange:
    enabled: true
    default:
      memory: 512Mi
      cpu: '1'
    defaultRequest:
      memory: 128Mi
      cpu: 100m
sync:
  toHost:
    ingresses:
      enabled: true
  fromHost:
    storageClasses:
      enabled: true
    ingressClasses:
      enabled: true
`;

/** Imports values (YAML text or parsed) as release vc1 in namespace vc1. */
export const vc1 = (values: ValueMap | string, more: Partial<ImportOptions> = {}): ImportResult & { options: ImportOptions } => {
  const options: ImportOptions = {
    name: 'vc1',
    namespace: 'vc1',
    values: [typeof values === 'string' ? parse(values, { version: '1.1' }) : values],
    sources: ['vc1.yaml'],
    ...more,
  };
  return { ...importValues(options), options };
};

/**
 * Programs for values no corpus case has: rootless ids, nulls, multi-line text, DNS rules, auto nodes, sleep and deletion,
 * vCluster in Docker and the syncer's settings.
 */
export function samplePrograms(): Record<string, string> {
  return {
    tutorial: vc1(TUTORIAL_STEP_5).program,
    rootless: vc1(rootlessValues({ user: 1000, group: 1000, fsGroup: 1000 })).program,
    nulls: vc1('controlPlane:\n  statefulSet:\n    labels: null\n    probes:\n      livenessProbe:\n        enabled: false\n').program,
    lines: vc1({ experimental: { deploy: { vcluster: { manifests: 'a: 1\nb: 2\nc: 3\n' } } } }).program,
    networking: vc1({
      networking: { resolveDNS: [{ hostname: 'a.com', target: { ip: '10.0.0.1' } }], advanced: { fallbackHostCluster: true } },
    }).program,
    privateNodes: vc1({ privateNodes: { enabled: true, autoNodes: [{ provider: 'p', dynamic: [{
      name: 'd', limits: { cpu: '8', memory: '32Gi', nodes: '2' }, nodeTypeSelector: [{ property: 'x', operator: 'In', values: ['a'] }],
      disruption: { consolidationPolicy: 'WhenEmpty', consolidateAfter: '30s' }, expireAfter: 'Never',
    }] }] } }).program,
    sleep: vc1({
      sleep: { auto: { afterInactivity: '1h', schedule: '0 20 * * *', timezone: 'Europe/Berlin', wakeup: { schedule: '0 7 * * 1-5' } } },
      deletion: { auto: { afterInactivity: '720h' } },
      telemetry: { enabled: false },
    }).program,
    docker: vc1({ experimental: {
      docker: { ports: ['8080:80'], nodes: [{ name: 'worker-1', env: ['A=b'] }], loadBalancer: { enabled: true, forwardPorts: false } },
      syncSettings: { setOwner: false, hostMetricsBindAddress: ':8080' },
    } }).program,
  };
}

/** A corpus case imported as `cdk8s-vcluster import --version V -f values.yaml` would, once per run. */
export function importCase(c: ConformanceCase): ImportResult {
  return cached(`import-${c.version}`, c.name, () => importValues({
    name: c.release.name,
    namespace: c.release.namespace,
    kubeVersion: c.release.kubeVersion,
    chartVersion: c.version,
    values: [parseValuesYaml(c.valuesText, 'values.yaml')],
    sources: ['values.yaml'],
  }));
}

/**
 * The errors `cdk8s-vcluster check` reports for a corpus case: pods of the chart's own output that
 * the host would refuse (its own LimitRange below its own requests). helm renders such values, the
 * construct refuses them at render, so the import refuses them too. Empty when `check` passes.
 */
export function preflightErrors(c: ConformanceCase): string[] {
  return cached(`preflight-${c.version}`, c.name, () => {
    const r = runCommand(['check', c.release.name, '-n', c.release.namespace, '--kube-version', c.release.kubeVersion,
      '--version', c.version, '-f', join(c.dir, 'values.yaml')]);
    return r.stdout.split('\n').filter((l) => l.startsWith('error: ')).map((l) => l.slice('error: '.length));
  });
}

/** The case imported, or undefined where the import refuses exactly what `check` reports. */
export function importUnlessRefused(c: ConformanceCase): ImportResult | undefined {
  const errors = preflightErrors(c);
  if (errors.length === 0) return importCase(c);
  let message = '';
  try {
    importCase(c);
  } catch (e) {
    message = (e as Error).message;
  }
  for (const line of errors) expect(message).toContain(line);
  return undefined;
}

/** Imports the values, expecting no raw values, the snippet in the program and the chart's rendering. */
export function expectTypedImport(yaml: string, snippet: string): void {
  const result = vc1(yaml);
  expect(result.raw).toEqual({});
  expect(result.program).toContain(snippet);
  const { options } = result;
  const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
  expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
}
