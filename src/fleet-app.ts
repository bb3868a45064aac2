import { dirname } from 'path';
import { ApiObject, App, AppProps, Chart, DependencyGraph, Yaml } from 'cdk8s';
import { manifestStream, writerAgrees, YamlFallback } from './yaml/manifest-yaml';

/** cdk8s's internal entry that `Chart.toJson()` calls (cdk8s 2.69 and later). */
type SynthChart = (chart: Chart) => unknown[];

/**
 * A cdk8s `App` for fleets: one App with a Chart per virtual cluster, synthesized in time linear
 * in the number of charts. Same props, same files, same bytes as `App`.
 *
 * cdk8s's `App.synth()` validates the app and resolves its dependencies, then has each chart
 * render itself with `Chart.toJson()`, which validates and resolves the whole app again: C charts
 * cost C + 1 passes over every construct of the app, quadratic in the fleet's size. During
 * `synth()` and `synthYaml()` of a FleetApp, the first chart's `toJson()` still makes that pass
 * (validation errors are reported as by `App`); the other charts of the app skip it and render
 * their objects in dependency order as cdk8s does. The files are written by the library's
 * manifest writer, which gives the bytes of cdk8s's `Yaml.stringify` several times faster and
 * hands it what it does not cover (it is not used when a probe finds that the app's cdk8s writes
 * otherwise). Nothing else changes: `Chart.toJson()` overrides are called, other apps and calls
 * outside synth are untouched.
 *
 * Use it instead of `App` when one app holds many charts (from about a hundred on, the time
 * `App` takes grows with the square of the number of charts). It assumes what cdk8s's own synth
 * does not guard against either: that synthesizing adds no constructs or dependencies.
 */
export class FleetApp extends App {
  public constructor(props: AppProps = {}) {
    super(props);
  }

  public override synth(): void {
    this.withOnePass(() => super.synth());
  }

  public override synthYaml(): string {
    return this.withOnePass(() => super.synthYaml());
  }

  private withOnePass<T>(synth: () => T): T {
    const statics = App as unknown as { _synthChart?: SynthChart };
    const original = statics._synthChart;
    const stringify = Yaml.stringify;
    const cdk8sYaml = (doc: unknown) => stringify.call(Yaml, doc);
    // A cdk8s without that internal behaves as App does.
    if (typeof original !== 'function') return synth();
    let passed = false;
    statics._synthChart = (chart: Chart) => {
      if (App.of(chart) !== this) return original.call(App, chart);
      if (passed) return chartObjects(chart);
      const objects = original.call(App, chart);
      passed = true;
      return objects;
    };
    if (writerFits(stringify, cdk8sYaml)) Yaml.stringify = (...docs: unknown[]) => manifestStream(docs, cdk8sYaml);
    try {
      return synth();
    } finally {
      statics._synthChart = original;
      Yaml.stringify = stringify;
    }
  }
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
  if (fit === undefined) fits.set(stringify, (fit = (stringify === CDK8S_STRINGIFY && cdk8sBundlesOurYaml()) || writerAgrees(fallback)));
  return fit;
}

function cdk8sBundlesOurYaml(): boolean {
  try {
    const version = (pkg: string) => (require(pkg) as { version: string }).version;
    return version(require.resolve('yaml/package.json', { paths: [dirname(require.resolve('cdk8s/package.json'))] })) === version('yaml/package.json');
  } catch {
    return false;
  }
}

/** What `App._synthChart` returns after its pass over the app: the chart's own objects, dependencies first. */
function chartObjects(chart: Chart): unknown[] {
  return new DependencyGraph(chart.node).topology()
    .filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart)
    .map((o) => o.toJson());
}
