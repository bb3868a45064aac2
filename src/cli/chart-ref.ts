import { UsageError } from './args';
import { CHART_VERSIONS, ChartVersion, DEFAULT_CHART_VERSION, isChartVersion } from '../values/chart-version';

/** The chart versions `template` renders. */
export const SUPPORTED_CHART_VERSIONS: readonly ChartVersion[] = CHART_VERSIONS;

/** The chart's name in its repositories (https://charts.loft.sh). */
const CHART_NAME = 'vcluster';

/** What names the chart on the command line. */
export interface ChartReference {
  /** The CHART argument. @default - none: the vCluster chart */
  readonly chart?: string;
  /** --repo. @default - none */
  readonly repo?: string;
  /** --version. @default - none: the default version, or with devel the newest */
  readonly version?: string;
  /** --devel: without a version, the newest release, pre-releases included, as helm picks. @default false */
  readonly devel?: boolean;
  /** Whether a path exists on disk (helm reads a chart from disk where one exists). */
  readonly exists: (path: string) => boolean;
}

/**
 * Checks that the command line names the vCluster chart in a version rendered here, the way
 * helm users name it: `REPO/vcluster` (a repository alias: vcluster/vcluster, loft-sh/vcluster),
 * `vcluster` (with or without --repo URL), `oci://REGISTRY/PATH/vcluster[:TAG]`, or the URL of
 * `vcluster-VERSION.tgz`. A chart from disk is refused (helm would render whatever is there),
 * as is any other chart. Returns the chart version to render; throws a UsageError saying what
 * is accepted.
 */
export function resolveChart(ref: ChartReference): ChartVersion {
  const versions = [ref.version === undefined ? undefined : exactVersion(ref.version, '--version')];
  const chart = ref.chart;
  if (chart !== undefined) {
    if (ref.repo !== undefined && chart !== CHART_NAME) {
      throw new UsageError(`with --repo, CHART is the chart's name in that repository: ${CHART_NAME}, not ${JSON.stringify(chart)}`);
    }
    versions.push(chartVersionOf(chart, ref.exists));
  }
  const given = versions.filter((v): v is string => v !== undefined);
  if (given.length === 2 && given[0] !== given[1]) {
    throw new UsageError(`--version ${given[0]} and CHART ${chart} name different chart versions; give one`);
  }
  const version = given[0] ?? (ref.devel ? SUPPORTED_CHART_VERSIONS[SUPPORTED_CHART_VERSIONS.length - 1] : DEFAULT_CHART_VERSION);
  if (!isChartVersion(version)) {
    throw new UsageError(`chart version ${version} is not supported: cdk8s-vcluster renders the vCluster chart ` +
      `${SUPPORTED_CHART_VERSIONS.join(', ')}; give --version with one of them`);
  }
  return version;
}

/** The chart version CHART names (an OCI tag, a .tgz name), undefined when it names none. */
function chartVersionOf(chart: string, exists: (path: string) => boolean): string | undefined {
  const refuse = (why: string) => new UsageError(
    `CHART ${JSON.stringify(chart)} ${why}; cdk8s-vcluster renders the vCluster chart (${SUPPORTED_CHART_VERSIONS.join(', ')}) itself: ` +
      `name it ${CHART_NAME}/${CHART_NAME}, ${CHART_NAME} (with --repo URL), oci://REGISTRY/PATH/${CHART_NAME}[:VERSION] ` +
      `or https://…/${CHART_NAME}-VERSION.tgz, or leave CHART out`,
  );
  const oci = /^oci:\/\/[^/]+\/(?:[^/]+\/)*([^/:@]+)(?::([^/:@]+))?(@.*)?$/.exec(chart);
  if (chart.startsWith('oci://')) {
    if (!oci || oci[1] !== CHART_NAME) throw refuse('is not the vCluster chart');
    if (oci[3]) throw refuse('pins a digest, which cannot be checked here (give the tag)');
    return oci[2] === undefined ? undefined : exactVersion(oci[2], 'the OCI tag');
  }
  const url = /^https?:\/\/.+\/([^/]+)-([^/]+)\.tgz$/.exec(chart);
  if (/^https?:\/\//.test(chart)) {
    if (!url || url[1] !== CHART_NAME) throw refuse('is not an archive of the vCluster chart (vcluster-VERSION.tgz)');
    return exactVersion(url[2], 'the archive name');
  }
  if (chart.includes('://')) throw refuse('uses a scheme helm does not read charts from here');
  // Helm reads a chart from disk when the path exists, and treats ./x, ../x and /x as paths.
  if (exists(chart) || chart.startsWith('.') || chart.startsWith('/') || chart.endsWith('.tgz')) {
    throw refuse('is a chart on disk, which is not read');
  }
  const [repo, name, ...more] = chart.split('/');
  if (chart === CHART_NAME || (more.length === 0 && name === CHART_NAME && repo !== '')) return undefined;
  throw refuse('is not the vCluster chart');
}

/**
 * A version that pins one release: 0.36.1, v0.36.1 or =0.36.1 (helm's constraint syntax). A
 * range would make helm pick the newest matching release, which is not known here.
 */
function exactVersion(text: string, what: string): string {
  const m = /^=?\s*v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/.exec(text.trim());
  if (m) return m[1];
  throw new UsageError(
    `${what} ${JSON.stringify(text)} is no exact chart version: helm would take the newest release it matches, which is not known here; ` +
      `give one of ${SUPPORTED_CHART_VERSIONS.join(', ')}`,
  );
}
