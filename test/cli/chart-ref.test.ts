import { resolveChart } from '../../src/cli/chart-ref';
import { DEFAULT_CHART_VERSION } from '../../src/values/chart-version';

const nothingOnDisk = () => false;

describe('the CHART argument', () => {
  test.each([
    [{}],
    [{ chart: 'vcluster/vcluster' }],
    [{ chart: 'loft-sh/vcluster' }],
    [{ chart: 'vcluster' }],
    [{ chart: 'vcluster', repo: 'https://charts.loft.sh' }],
    [{ chart: 'oci://ghcr.io/loft-sh/vcluster' }],
  ])('accepts %j as the vCluster chart in the default version', (ref) => {
    expect(resolveChart({ exists: nothingOnDisk, ...ref })).toBe(DEFAULT_CHART_VERSION);
  });

  test.each([
    [{ chart: 'oci://registry.example.com/mirror/loft-sh/vcluster:0.36.1' }],
    [{ chart: 'https://charts.loft.sh/charts/vcluster-0.36.1.tgz' }],
    [{ chart: 'vcluster/vcluster', version: '0.36.1' }],
    [{ chart: 'vcluster/vcluster', version: 'v0.36.1' }],
    [{ chart: 'vcluster/vcluster', version: '=0.36.1' }],
  ])('accepts %j as the vCluster chart 0.36.1', (ref) => {
    expect(resolveChart({ exists: nothingOnDisk, ...ref })).toBe('0.36.1');
  });

  test.each([
    [{ chart: 'bitnami/nginx' }, 'CHART "bitnami/nginx" is not the vCluster chart; cdk8s-vcluster renders the vCluster chart (0.35.3, ' +
      '0.36.1, 0.37.0-rc.1) itself: name it vcluster/vcluster'],
    [{ chart: 'oci://ghcr.io/loft-sh/vcluster-platform' }, 'is not the vCluster chart'],
    [{ chart: 'oci://ghcr.io/loft-sh/vcluster@sha256:abc' }, 'pins a digest'],
    [{ chart: 'https://example.com/charts/nginx-1.0.0.tgz' }, 'is not an archive of the vCluster chart'],
    [{ chart: './vcluster' }, 'is a chart on disk, which is not read'],
    [{ chart: 'vcluster-0.36.1.tgz' }, 'is a chart on disk'],
    [{ chart: 'a/b/vcluster' }, 'is not the vCluster chart'],
    [{ chart: 'loft/vcluster', repo: 'https://charts.loft.sh' }, 'with --repo, CHART is the chart\'s name in that repository: vcluster'],
  ])('refuses %j, saying what is accepted', (ref, message) => {
    expect(() => resolveChart({ exists: nothingOnDisk, ...ref })).toThrow(message);
  });

  test('refuses a chart directory that exists on disk, which helm would read instead', () => {
    expect(() => resolveChart({ chart: 'charts/vcluster', exists: (p) => p === 'charts/vcluster' })).toThrow('is a chart on disk');
  });
});

describe('--version', () => {
  test('takes each rendered chart version, by flag, OCI tag or archive name', () => {
    expect(resolveChart({ version: '0.35.3', exists: nothingOnDisk })).toBe('0.35.3');
    expect(resolveChart({ chart: 'oci://ghcr.io/loft-sh/vcluster:0.37.0-rc.1', exists: nothingOnDisk })).toBe('0.37.0-rc.1');
    expect(resolveChart({ chart: 'https://charts.loft.sh/charts/vcluster-0.35.3.tgz', exists: nothingOnDisk })).toBe('0.35.3');
  });

  test('defaults to the newest stable version; with --devel, as helm, to the newest pre-release', () => {
    expect(resolveChart({ exists: nothingOnDisk })).toBe('0.36.1');
    expect(resolveChart({ devel: true, exists: nothingOnDisk })).toBe('0.37.0-rc.1');
    expect(resolveChart({ devel: true, version: '0.35.3', exists: nothingOnDisk })).toBe('0.35.3');
  });

  test('refuses other chart versions, naming the supported ones', () => {
    expect(() => resolveChart({ version: '0.34.0', exists: nothingOnDisk }))
      .toThrow('chart version 0.34.0 is not supported: cdk8s-vcluster renders the vCluster chart 0.35.3, 0.36.1, 0.37.0-rc.1; give ' +
        '--version with one of them');
    expect(() => resolveChart({ chart: 'oci://ghcr.io/loft-sh/vcluster:0.38.0', exists: nothingOnDisk })).toThrow(
      'chart version 0.38.0 is not supported',
    );
  });

  test('refuses a range, which makes helm take the newest matching release', () => {
    expect(() => resolveChart({ version: '^0.36.0', exists: nothingOnDisk })).toThrow('--version "^0.36.0" is no exact chart version: helm ' +
      'would take the newest release it matches');
  });

  test('refuses a version that contradicts the OCI tag', () => {
    expect(() => resolveChart({ chart: 'oci://ghcr.io/loft-sh/vcluster:0.36.1', version: '0.35.3', exists: nothingOnDisk })).toThrow(
      'name different chart versions',
    );
  });
});
