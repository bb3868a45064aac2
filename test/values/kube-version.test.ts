import { parseKubeVersion } from '../../src/values/kube-version';

describe('parseKubeVersion', () => {
  test('accepts versions with or without v, patch or suffix', () => {
    expect(parseKubeVersion('1.33.1')).toMatchObject({ major: 1, minor: 33, patch: 1, version: 'v1.33.1' });
    expect(parseKubeVersion('v1.26')).toMatchObject({ minor: 26, patch: 0 });
    expect(parseKubeVersion('1.35.0-eks-1')).toMatchObject({ minor: 35 });
  });

  test('fails on something that is not a version, showing what was given', () => {
    expect(() => parseKubeVersion('latest')).toThrow('kubeVersion: expected a Kubernetes version such as "1.33.1", got "latest".');
  });
});
