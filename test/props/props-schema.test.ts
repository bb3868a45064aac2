import { readFileSync } from 'fs';
import { Chart, Duration, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-33';
import {
  ArgoCdApplication, ArgoCdApplicationSet, ArgoCdCluster, ArgoCdClusterAddons, BackingStore, ConfigSecret, FluxGitRepository, FluxKustomization,
  RemoteSecret, SnapshotStorage, VCluster,
} from '../../src';
import { formatDiagnostic, formatPath, Segment, ValuesError } from '../../src/values/errors';
import PROPS_SCHEMA from '../../imports/props-schema.json';
import {
  generatePropsSchema, generatePropsValidators, generatePropsValidatorsTypes, PROPS_SCHEMA_FILE, PROPS_VALIDATORS_FILE, PROPS_VALIDATORS_TYPES_FILE,
} from '../../tools/generate-props-schema';

type Schema = { [key: string]: any };
const DEFINITIONS = (PROPS_SCHEMA as Schema).definitions as { [name: string]: Schema };
const resolve = (s: Schema): Schema => (s.$ref ? DEFINITIONS[decodeURIComponent(s.$ref.replace('#/definitions/', ''))] : s);

/** A valid value for each shape the schema checks by its public API. */
const SHAPE_SAMPLES: { [shape: string]: () => unknown } = {
  Size: () => Size.gibibytes(1),
  Duration: () => Duration.seconds(5),
  Cpu: () => Cpu.millis(100),
  Construct: () => new Chart(Testing.app(), 'workloads'),
  BackingStore: () => BackingStore.deployedEtcd(),
  ConfigSecret: () => ConfigSecret.plaintextInGit(),
  SnapshotStorage: () => SnapshotStorage.s3({ url: 's3://bucket/vc1' }),
  RemoteSecret: () => RemoteSecret.of({ key: 'k' }),
  VCluster: () => new VCluster(Testing.chart(), 'vc1'),
  FluxGitRepository: () => gitRepository(Testing.chart()),
  FluxKustomization: () => new FluxKustomization(Testing.chart(), 'k', { source: gitRepository(Testing.chart()), path: 'dist' }),
};

function gitRepository(chart: Chart): FluxGitRepository {
  return new FluxGitRepository(chart, 'git', { url: 'https://git.example.com/platform.git' });
}

/** A value the schema accepts, with every required prop set. */
function sample(schema: Schema): unknown {
  const s = resolve(schema);
  if (s.shape) return SHAPE_SAMPLES[s.shape]();
  if (s.anyOf) return sample(s.anyOf[0]);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': return 'x';
    case 'number': return 1;
    case 'boolean': return true;
    case 'array': return [];
    case 'object': return Object.fromEntries((s.required ?? []).map((k: string) => [k, sample(s.properties[k])]));
    default: return {};
  }
}

interface Leaf {
  readonly path: Segment[];
  /** Props whose value at PATH is VALUE, every other required prop on the way set. */
  readonly props: (value: unknown) => object;
  /** The JSON types (or shape) the declaration allows here. */
  readonly accepts: readonly string[];
}

/**
 * Every prop path of the declarations: each prop, each list's items (as [0]), each map's
 * values (as .key). A union of a boolean and options is a leaf itself and has the options'
 * paths below it. A recursive declaration is followed once.
 */
function leaves(schema: Schema, path: Segment[], wrap: (v: unknown) => unknown, seen: ReadonlySet<Schema>): Leaf[] {
  const s = resolve(schema);
  if (seen.has(s)) return [];
  const inside = new Set([...seen, s]);
  const alternatives: Schema[] = (s.anyOf ?? [s]).map(resolve);
  const accepts = alternatives.flatMap((a) => (a.shape ? [`shape:${a.shape}`] : Array.isArray(a.type) ? a.type : [a.type ?? 'any']));
  const out: Leaf[] = path.length > 0 ? [{ path, props: (v) => wrap(v) as object, accepts }] : [];
  for (const a of alternatives) {
    if (a.type === 'object') {
      const base = () => sample(a) as object;
      for (const [key, sub] of Object.entries<Schema>(a.properties ?? {})) {
        out.push(...leaves(sub, [...path, key], (v) => wrap({ ...base(), [key]: v }), inside));
      }
      if (typeof a.additionalProperties === 'object') {
        out.push(...leaves(a.additionalProperties, [...path, 'key'], (v) => wrap({ ...base(), key: v }), inside));
      }
    } else if (a.type === 'array' && a.items) {
      out.push(...leaves(a.items, [...path, 0], (v) => wrap([v]), inside));
    }
  }
  return out;
}

/** Values of every JSON type, and the falsy ones JavaScript would take for false. */
const WRONG: readonly { readonly value: unknown; readonly type: string }[] = [
  { value: 133, type: 'number' },
  { value: 0, type: 'number' },
  { value: 'x', type: 'string' },
  { value: '', type: 'string' },
  { value: true, type: 'boolean' },
  { value: [], type: 'array' },
  { value: {}, type: 'object' },
  { value: null, type: 'null' },
];

/** What takes each kind of props or options the schema checks. */
const TAKERS: { [kind: string]: (chart: Chart, id: string, value: any) => void } = {
  VClusterProps: (chart, id, props) => new VCluster(chart, id, props),
  AddVolumeOptions: (chart, id, options) => new VCluster(chart, id).addVolume(options),
  ArgoCdApplicationProps: (chart, id, props) => new ArgoCdApplication(chart, id, props),
  ArgoCdApplicationSetProps: (chart, id, props) => new ArgoCdApplicationSet(chart, id, props),
  ArgoCdClusterProps: (chart, id, props) => new ArgoCdCluster(chart, id, props),
  ArgoCdClusterAddonsProps: (chart, id, props) => new ArgoCdClusterAddons(chart, id, props),
  FluxGitRepositoryProps: (chart, id, props) => new FluxGitRepository(chart, id, props),
  FluxKustomizationProps: (chart, id, props) => new FluxKustomization(chart, id, props),
};
const KINDS = DEFINITIONS.CheckedProps.properties as { [kind: string]: Schema };
const LEAVES = new Map(Object.entries(KINDS).map(([kind, schema]) => [kind, leaves(schema, [], (v) => v, new Set())]));
const ALL = LEAVES.get('VClusterProps')!;
const TOP = [...LEAVES].flatMap(([kind, all]) => [...new Set(all.map((l) => l.path[0] as string))].map((top) => [kind, top] as const));

describe('typed props checked at run time against their declarations', () => {
  test('the committed schema is what the declarations generate (npm run generate:props)', () => {
    expect(readFileSync(PROPS_SCHEMA_FILE, 'utf8')).toBe(generatePropsSchema());
  });

  test('the committed validators are the committed schema compiled (npm run generate:props)', () => {
    const schema = readFileSync(PROPS_SCHEMA_FILE, 'utf8');
    expect(readFileSync(PROPS_VALIDATORS_FILE, 'utf8')).toBe(generatePropsValidators(schema));
    expect(readFileSync(PROPS_VALIDATORS_TYPES_FILE, 'utf8')).toBe(generatePropsValidatorsTypes(schema));
  });

  test('the schema has every prop of VClusterProps, shapes and Kubernetes structs included, and the other constructs\' props', () => {
    expect(Object.keys(KINDS).sort()).toEqual(Object.keys(TAKERS).sort());
    expect(TOP.filter(([kind]) => kind === 'VClusterProps').length).toBeGreaterThanOrEqual(25);
    expect(ALL.length).toBeGreaterThan(1000);
    const paths = ALL.map((l) => formatPath(l.path));
    expect(paths).toEqual(expect.arrayContaining([
      'kubeVersion', 'deletionProtection', 'rootless', 'rootless.user', 'controlPlane.volumes[0].secret.secretName', 'initManifests[0]',
    ]));
  });

  test.each(TOP)('%s: every path under %s refuses a value of another type, naming the path', (kind, top) => {
    const chart = Testing.chart();
    let n = 0;
    const problems: string[] = [];
    for (const leaf of LEAVES.get(kind)!.filter((l) => l.path[0] === top)) {
      const path = formatPath(leaf.path);
      const wrong = WRONG.filter((w) => !leaf.accepts.includes(w.type) && !leaf.accepts.includes('any'));
      for (const w of wrong) {
        try {
          TAKERS[kind](chart, `c${n++}`, leaf.props(w.value));
          problems.push(`${path} = ${JSON.stringify(w.value)}: accepted`);
        } catch (e) {
          const message = (e as Error).message;
          // The line without the tenant a VCluster's errors start with.
          if (!(e instanceof ValuesError) || !formatDiagnostic(e.diagnostics[0], { tenant: false }).startsWith(`${path}: `))
            problems.push(`${path} = ${JSON.stringify(w.value)}: ${(e as Error).name}: ${message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('fails on a wrong type with the expected and the found type, never the value', () => {
    const chart = Testing.chart();
    expect(() => new VCluster(chart, 'a', { kubeVersion: 133 } as any)).toThrow(
      /^test\/a \(release a\): kubeVersion: expected a string, got a number\.$/,
    );
    expect(() => new VCluster(chart, 'b', { name: 98127361 } as any)).toThrow(
      /^test\/b \(release 98127361\): name: expected a string, got a number\.$/,
    );
    expect(() => new VCluster(chart, 'c', { controlPlane: { volumes: [{ name: 'v', secret: { secretName: 5 } }] } } as any))
      .toThrow(/^test\/c \(release c\): controlPlane\.volumes\[0\]\.secret\.secretName: expected a string, got a number\.$/);
  });

  test('booleans are booleans: 0 and "" neither turn protection off nor rootless mode on', () => {
    const chart = Testing.chart();
    expect(() => new VCluster(chart, 'a', { deletionProtection: 0 } as any)).toThrow(
      /^test\/a \(release a\): deletionProtection: expected a boolean \(true or false\), got a number\.$/,
    );
    expect(() => new VCluster(chart, 'b', { deletionProtection: '' } as any)).toThrow(
      /^test\/b \(release b\): deletionProtection: expected a boolean \(true or false\), got a string\.$/,
    );
    expect(() => new VCluster(chart, 'c', { rootless: 0 } as any)).toThrow(
      /^test\/c \(release c\): rootless: expected a boolean \(true or false\) or an object, got a number\.$/,
    );
  });

  test('booleans are booleans for the ArgoCD constructs too: 0 does not drop their deletion protection', () => {
    const source = { repoUrl: 'https://git.example.com/x.git' };
    expect(() => new ArgoCdApplication(Testing.chart(), 'a', { source, path: 'dist', deletionProtection: 0 } as any))
      .toThrow(/^deletionProtection: expected a boolean \(true or false\), got a number\.$/);
    expect(() => new VCluster(Testing.chart(), 'vc1').addVolume({ volume: { name: 'v' }, mountPath: 5 } as any))
      .toThrow(/^test\/vc1 \(release vc1\): mountPath: expected a string, got a number\.$/);
  });

  test('the GitOps constructs fail on a wrong type naming the prop, and take their constructs by shape', () => {
    const chart = Testing.chart();
    const source = gitRepository(chart);
    expect(() => new ArgoCdCluster(chart, 'a', { vcluster: new Chart(chart, 'not-a-vcluster') } as any))
      .toThrow(/^vcluster: expected a VCluster construct, got an object of class Chart\.$/);
    expect(() => new ArgoCdCluster(chart, 'b', { vcluster: new VCluster(chart, 'vc1'), syncWave: '1' } as any))
      .toThrow(/^syncWave: expected a number, got a string\.$/);
    expect(() => new ArgoCdClusterAddons(chart, 'c', { source: { repoUrl: 'https://git.example.com/x.git' }, path: 'addons', clusterLabels: { a: 1 } } as any))
      .toThrow(/^clusterLabels\.a: expected a string, got a number\.$/);
    expect(() => new FluxGitRepository(chart, 'd', { url: 'https://git.example.com/x.git', interval: 60 } as any))
      .toThrow(/^interval: expected a cdk8s Duration, e\.g\. Duration\.seconds\(5\), got a number\.$/);
    expect(() => new FluxKustomization(chart, 'e', { source: { url: 'https://git.example.com/x.git' }, path: 'dist' } as any))
      .toThrow(/^source: expected a FluxGitRepository construct, got an object\.$/);
    expect(() => new FluxKustomization(chart, 'f', { source, path: 'dist', dependsOn: [source] } as any))
      .toThrow(/^dependsOn\[0\]: expected a FluxKustomization construct, got an object of class FluxGitRepository\.$/);
  });

  test('booleans are booleans for the GitOps constructs: 0 neither drops protection nor skips TLS verification', () => {
    const chart = Testing.chart();
    expect(() => new FluxKustomization(chart, 'k', { source: gitRepository(chart), path: 'dist', deletionProtection: 0 } as any))
      .toThrow(/^deletionProtection: expected a boolean \(true or false\), got a number\.$/);
    expect(() => new ArgoCdCluster(chart, 'a', { vcluster: new VCluster(chart, 'vc1'), insecureSkipTlsVerify: 'false' } as any))
      .toThrow(/^insecureSkipTlsVerify: expected a boolean \(true or false\), got a string\.$/);
    expect(() => new ArgoCdClusterAddons(chart, 'c', { source: { repoUrl: 'https://git.example.com/x.git' }, path: 'a', clusterLabels: {}, deletionProtection: '' } as any))
      .toThrow(/^deletionProtection: expected a boolean \(true or false\), got a string\.$/);
  });

  test('fails on a prop the declarations do not have', () => {
    expect(() => new VCluster(Testing.chart(), 'a', { deletionProtecton: false } as any)).toThrow('deletionProtecton: no such prop.');
    expect(() => new VCluster(Testing.chart(), 'b', { rootless: { usr: 1000 } } as any)).toThrow('rootless.usr: no such prop.');
  });

  test('takes props read from JSON, value types of other package copies and Kubernetes structs', () => {
    const json = JSON.parse('{"kubeVersion":"1.33.1","deletionProtection":false,"rootless":{"user":1000},"controlPlane":{"replicas":1}}');
    expect(() => new VCluster(Testing.chart(), 'vc1', json).apiObjects).not.toThrow();
    const typed = new VCluster(Testing.chart(), 'vc2', {
      controlPlane: {
        resources: { cpu: { request: Cpu.millis(500) }, memory: { limit: Size.gibibytes(2) } },
        volumes: [{ name: 'db-ca', secret: { secretName: 'db-ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }],
      },
    });
    expect(typed.values.controlPlane.statefulSet.resources.requests.cpu).toBe('500m');
  });
});
