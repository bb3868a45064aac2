import { CHART_VERSIONS, chartHas, describeVersion } from '../../src/values/chart-version';
import { nearestVersionWith, schemaHasPath, validateValues } from '../../src/values/schema';

describe('chartHas', () => {
  test('counts a release and its pre-releases as having what the release introduced', () => {
    expect(chartHas('0.37.0-rc.1', '0.37.0')).toBe(true);
    expect(chartHas('0.36.1', '0.37.0')).toBe(false);
    expect(chartHas('0.36.1', '0.36.0')).toBe(true);
    expect(chartHas('0.35.3', '0.36.0')).toBe(false);
  });

  test('names a pre-release as one', () => {
    expect(describeVersion('0.37.0-rc.1')).toBe('0.37.0-rc.1 (a pre-release)');
    expect(describeVersion('0.36.1')).toBe('0.36.1');
  });
});

describe('schemaHasPath and nearestVersionWith', () => {
  test('find the keys each version has', () => {
    expect(schemaHasPath('0.37.0-rc.1', ['logging', 'file', 'enabled'])).toBe(true);
    expect(schemaHasPath('0.36.1', ['logging', 'file'])).toBe(false);
    expect(schemaHasPath('0.35.3', ['snapshots', 'auto', 'volumes'])).toBe(true);
    expect(schemaHasPath('0.36.1', ['snapshots', 'auto', 'volumes'])).toBe(false);
    expect(schemaHasPath('0.36.1', ['controlPlane', 'statefulSet', 'persistence', 'addVolumes', 0, 'name'])).toBe(true);
  });

  test('read an open alternative beside closed keys as the validation does: both apply', () => {
    // `plugins` is anyOf [..., { type: object }] with additionalProperties Plugins, whose keys are closed.
    for (const version of CHART_VERSIONS) {
      expect({ version, image: schemaHasPath(version, ['plugins', 'hooks', 'image']) }).toEqual({ version, image: true });
      expect({ version, env: schemaHasPath(version, ['plugins', 'hooks', 'env']) }).toEqual({ version, env: false });
    }
  });

  test('name no version for a plugin key none has, but list the plugin keys there are', () => {
    const refusal = () => validateValues({ plugins: { hooks: { image: 'hooks:v1', env: [] } } }, '0.36.1');
    expect(refusal).toThrow('plugins.hooks.env: unknown key (not in vCluster 0.36.1\'s values schema). Remove it; allowed keys here: name, ' +
      'image, imagePullPolicy, config, rbac, command, args, securityContext, resources, volumeMounts.');
  });

  test('prefer the nearest version, the newer one on a tie', () => {
    expect(nearestVersionWith('0.35.3', ['logging', 'file'])).toBe('0.37.0-rc.1');
    expect(nearestVersionWith('0.37.0-rc.1', ['snapshots', 'auto', 'volumes'])).toBe('0.35.3');
    expect(nearestVersionWith('0.36.1', ['nonsense'])).toBeUndefined();
  });
});

describe('validateValues per chart version', () => {
  test('fails when a key is not in the version, naming the nearest version that has it', () => {
    expect(() => validateValues({ logging: { file: { enabled: true } } }, '0.36.1')).toThrow(
      "logging.file: unknown key (not in vCluster 0.36.1's values schema). The nearest chart version with it is 0.37.0-rc.1 (a pre-release): " +
        'choose chart version 0.37.0-rc.1 (chartVersion, --version), or remove it.',
    );
    expect(() => validateValues({ logging: { file: { enabled: true } } }, '0.37.0-rc.1')).not.toThrow();
  });
});

describe('plugins.<name>.env', () => {
  test('fails in every version without naming a version, since none has the key', () => {
    for (const version of CHART_VERSIONS) {
      expect(schemaHasPath(version, ['plugins', 'p', 'env'])).toBe(false);
      const values = { plugins: { p: { image: 'plugin:1', env: [{ name: 'A', value: 'b' }] } } };
      expect(() => validateValues(values, version)).toThrow(
        `plugins.p.env: unknown key (not in vCluster ${version}'s values schema). Remove it; allowed keys here: `,
      );
      expect(() => validateValues(values, version)).not.toThrow('chart version with it');
    }
  });

  test('finds the keys a plugin has in every version', () => {
    for (const version of CHART_VERSIONS) expect(schemaHasPath(version, ['plugins', 'p', 'image'])).toBe(true);
  });
});
