import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { ApiObject, App, AppProps, Chart, DependencyGraph, Names, Yaml, YamlOutputType } from 'cdk8s';
import { IConstruct } from 'constructs';
import { manifestStream, writerAgrees, YamlFallback } from './yaml/manifest-yaml';
import { replaceFolder } from './output-folder';
import { scanningStringsOnce } from './secrets/output-guard';
import { keepingValidatedJson, writtenJson } from './validated-json';

/**
 * A cdk8s `App` for fleets: one App with a Chart per virtual cluster, synthesized in time linear
 * in the number of charts. Same props, same files, same bytes as `App`.
 *
 * cdk8s's `App.synth()` validates the app and resolves its dependencies, then has each chart
 * render itself with `Chart.toJson()`, which validates and resolves the whole app again: C charts
 * cost C + 1 passes over every construct of the app, quadratic in the fleet's size. `synth()` and
 * `synthYaml()` of a FleetApp make that pass once, through public cdk8s API only, then render each
 * chart's objects in dependency order as cdk8s does, and lay the files out as `App` does (outdir,
 * file extension, `yamlOutputType`). A chart class that overrides `toJson()` is rendered by its
 * own `toJson()`, at cdk8s's cost. The files are written by the library's manifest writer, which
 * gives the bytes of cdk8s's `Yaml.stringify` several times faster and hands it what it does not
 * cover (it is not used when a probe finds that the app's cdk8s writes otherwise). With
 * `recordConstructMetadata`, which cdk8s writes from its private state, `synth()` is `App`'s own.
 *
 * The output is written beside `outdir` and then takes its place (see replaceFolder): a failure
 * while writing (a full disk, a construct that throws) leaves the previous output intact.
 *
 * Use it instead of `App` when one app holds many charts (from about a hundred on, the time
 * `App` takes grows with the square of the number of charts). It assumes what cdk8s's own synth
 * does not guard against either: that synthesizing adds no constructs or dependencies.
 */
export class FleetApp extends App {
  private readonly recordsConstructMetadata: boolean;

  public constructor(props: AppProps = {}) {
    super(props);
    // As cdk8s reads it (its own copy is private).
    this.recordsConstructMetadata = props.recordConstructMetadata ?? process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true';
  }

  public override synth(): void {
    if (this.recordsConstructMetadata) return super.synth();
    const constructs = this.node.findAll();
    keepingValidatedJson(() => validate(constructs));
    const indexed = resolveDependencies(constructs);
    const charts = chartsOf(this);
    const write = manifestWriter();
    const save = (file: string, docs: unknown[]): void => writeFileSync(file, write(docs), { encoding: 'utf8' });
    const resources = (dir: string, docs: readonly unknown[]): void => {
      for (const doc of docs) if (doc !== undefined) save(join(dir, resourceFileName(doc) + this.outputFileExtension), [doc]);
    };
    const names = new ChartNames(indexed);
    // Written beside outdir, then swapped in: a failure (a full disk, a construct that throws
    // while rendering) leaves the previous output as it was, never a truncated file that parses.
    const warnings = replaceFolder(this.outdir, (outdir) => {
      switch (this.yamlOutputType) {
        case YamlOutputType.FILE_PER_APP:
          if (charts.length > 0) save(join(outdir, `app${this.outputFileExtension}`), charts.flatMap(chartDocs));
          break;
        case YamlOutputType.FILE_PER_CHART:
          for (const chart of charts) save(join(outdir, names.next(chart) + this.outputFileExtension), chartDocs(chart));
          break;
        case YamlOutputType.FILE_PER_RESOURCE:
          for (const chart of charts) resources(outdir, chartDocs(chart));
          break;
        case YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE:
          for (const chart of charts) {
            const dir = join(outdir, names.next(chart));
            mkdirSync(dir, { recursive: true });
            // cdk8s renders the objects here, not the chart's toJson().
            resources(dir, chartObjects(chart).map(writtenJson));
          }
          break;
      }
    }, { keepFiles: true });
    for (const w of warnings) console.warn(`warning: ${w}`);
  }

  public override synthYaml(): string {
    const constructs = this.node.findAll();
    resolveDependencies(constructs);
    keepingValidatedJson(() => validate(constructs));
    return manifestWriter()(chartsOf(this).flatMap(chartDocs));
  }
}

/** cdk8s's validation of an app (cdk8s/lib/app.js `validate`): every construct, one error listing all findings. */
function validate(constructs: readonly IConstruct[]): void {
  // The output guard reads each string the tenants share once in this pass, not once per tenant.
  const errors = scanningStringsOnce(() => constructs.flatMap((c) => c.node.validate().map((e) => `[${c.node.path}] ${e}`)));
  if (errors.length > 0) throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
}

/**
 * cdk8s's `resolveDependencies` (cdk8s/lib/app.js): a chart depends on the charts nested in it
 * and on those its constructs depend on, and an object on the objects of the constructs its
 * construct depends on. Whether any chart depends on another: cdk8s then numbers the files.
 */
function resolveDependencies(constructs: readonly IConstruct[]): boolean {
  let chartsDepend = false;
  const isChart = (c: IConstruct): c is Chart => c instanceof Chart;
  for (const parent of constructs.filter(isChart)) {
    for (const child of parent.node.children.filter(isChart)) {
      parent.node.addDependency(child);
      chartsDepend = true;
    }
  }
  const dependencies = () => constructs.flatMap((source) => source.node.dependencies.map((target) => ({ source, target })));
  for (const { source, target } of dependencies()) {
    if (Chart.of(source) !== Chart.of(target)) {
      Chart.of(source).node.addDependency(Chart.of(target));
      chartsDepend = true;
    }
  }
  const objects = new Map<IConstruct, ApiObject[]>();
  const objectsUnder = (c: IConstruct): ApiObject[] => {
    let found = objects.get(c);
    if (found === undefined) {
      const chart = Chart.of(c);
      found = c.node.findAll().filter((o): o is ApiObject => o instanceof ApiObject && Chart.of(o) === chart);
      objects.set(c, found);
    }
    return found;
  };
  for (const { source, target } of dependencies()) {
    const targets = objectsUnder(target);
    for (const from of objectsUnder(source)) for (const to of targets) if (to !== from) from.node.addDependency(to);
  }
  return chartsDepend;
}

/** The chart's own objects (not those of nested charts), dependencies first, as cdk8s orders them. */
function chartObjects(chart: Chart): ApiObject[] {
  return topology(chart).filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart);
}

/** The app's charts, dependencies first, as cdk8s orders them (`App.charts`). */
function chartsOf(app: App): Chart[] {
  return topology(app).filter((c): c is Chart => c instanceof Chart);
}

/**
 * SCOPE and the constructs under it in the order of cdk8s's `DependencyGraph`, built only when
 * needed (at a thousand tenants it costs several percent of a synth). Without dependencies the
 * graph lists them as the keys of an object, by path: in `findAll`'s order, unless a key is an
 * integer (the id of a construct at the top), which objects list first.
 */
function topology(scope: IConstruct): IConstruct[] {
  const constructs = scope.node.findAll();
  if (constructs.every((c) => c.node.dependencies.length === 0 && !/^\d+$/.test(c.node.path))) return constructs;
  return new DependencyGraph(scope.node).topology();
}

/** What `chart.toJson()` returns once the app is resolved: its objects' JSON, or the chart class's own rendering. */
function chartDocs(chart: Chart): unknown[] {
  if (chart.toJson !== Chart.prototype.toJson) return Object.values(chart.toJson());
  return chartObjects(chart).map(writtenJson);
}

/** cdk8s's file name of one resource: `<kind>.<name>` with what a file name should not hold removed. */
function resourceFileName(doc: unknown): string {
  const { kind, metadata } = doc as { kind?: string; metadata?: { name?: string } };
  return `${kind}.${metadata?.name}`.replace(/[^0-9a-zA-Z-_.]/g, '');
}

/** cdk8s's chart file and folder names: the chart's DNS label, numbered `0000-` on when charts depend on each other. */
class ChartNames {
  private index = 0;

  public constructor(private readonly indexed: boolean) {}

  public next(chart: Chart): string {
    const name = Names.toDnsLabel(chart);
    return this.indexed ? `${(this.index++).toString().padStart(4, '0')}-${name}` : name;
  }
}

/** Several documents as the app's `Yaml.stringify` writes them, by the manifest writer where it writes the same. */
function manifestWriter(): (docs: readonly unknown[]) => string {
  const stringify = Yaml.stringify;
  const cdk8sYaml = (doc: unknown) => stringify.call(Yaml, doc);
  if (!writerFits(stringify, cdk8sYaml)) return (docs) => stringify.call(Yaml, ...docs);
  return (docs) => manifestStream(docs, cdk8sYaml);
}

/** cdk8s's own `Yaml.stringify`, as it was when the library loaded (an app may replace it). */
const CDK8S_STRINGIFY = Yaml.stringify;

/** Whether the manifest writer writes what each `Yaml.stringify` met writes, decided once for each. */
const fits = new WeakMap<typeof Yaml.stringify, boolean>();

/**
 * Whether the manifest writer can stand in for STRINGIFY. For cdk8s's own, when cdk8s bundles
 * the yaml version the library uses (the writer's reference), it writes the same by
 * construction; otherwise (another version, a replaced Yaml.stringify) the writer's probe
 * decides, some 25 ms.
 */
function writerFits(stringify: typeof Yaml.stringify, fallback: YamlFallback): boolean {
  let fit = fits.get(stringify);
  if (fit === undefined) {
    fit = (stringify === CDK8S_STRINGIFY && cdk8sBundlesOurYaml()) || writerAgrees(fallback);
    fits.set(stringify, fit);
  }
  return fit;
}

function cdk8sBundlesOurYaml(): boolean {
  try {
    const version = (pkg: string) => (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
    const cdk8sYaml = require.resolve('yaml/package.json', { paths: [dirname(require.resolve('cdk8s/package.json'))] });
    return version(cdk8sYaml) === version(require.resolve('yaml/package.json'));
  } catch {
    return false;
  }
}
