import { parse } from 'yaml';
import { Size, Testing } from 'cdk8s';
import { Cpu, ImagePullPolicy } from 'cdk8s-plus-31';
import { BackingStore, VCluster } from '../../src';
import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { manifest, synthVCluster, syncer } from '../typed-helper';

function kubernetesInitContainer(manifests: any[]): any {
  return manifest(manifests, 'StatefulSet', 'vc1').spec.template.spec.initContainers.find((c: any) => c.name === 'kubernetes');
}

describe('the distro and image props', () => {
  test('kubernetesVersion pins the Kubernetes image tag, with or without the v', () => {
    for (const version of ['v1.32.1', '1.32.1']) {
      const { vc, manifests } = synthVCluster({ kubernetesVersion: version });
      expect(kubernetesInitContainer(manifests).image).toBe('ghcr.io/loft-sh/kubernetes:v1.32.1');
      expect(vc.values.controlPlane.distro.k8s.enabled).toBe(true);
    }
  });

  test('distro options set the image, pull policy, resources and components', () => {
    const { vc, manifests } = synthVCluster({
      kubernetesVersion: '1.31.4',
      distro: {
        image: { registry: 'mirror.example.com', repository: 'k8s/kubernetes' },
        imagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT,
        resources: { cpu: { limit: Cpu.millis(200) }, memory: { limit: Size.mebibytes(512) } },
        apiServer: { extraArgs: ['--audit-log-maxage=30'] },
        scheduler: { enabled: true },
      },
    });
    expect(kubernetesInitContainer(manifests)).toMatchObject({
      image: 'mirror.example.com/k8s/kubernetes:v1.31.4',
      imagePullPolicy: 'IfNotPresent',
      resources: { limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '40m', memory: '64Mi' } },
    });
    expect(vc.values.controlPlane.distro.k8s.apiServer).toEqual({ enabled: true, command: [], extraArgs: ['--audit-log-maxage=30'] });
    expect(vc.values.controlPlane.distro.k8s.scheduler.enabled).toBe(true);
  });

  test('defaultImageRegistry moves every image to one registry', () => {
    const { manifests } = synthVCluster({ defaultImageRegistry: 'registry.internal:5000', backingStore: BackingStore.deployedEtcd() });
    expect(syncer(manifests).image).toBe('registry.internal:5000/loft-sh/vcluster-pro:0.36.1');
    const etcd = manifest(manifests, 'StatefulSet', 'vc1-etcd').spec.template.spec.containers[0];
    expect(etcd.image).toBe('registry.internal:5000/etcd:3.6.8-0');
    const init = manifest(manifests, 'Deployment', 'vc1').spec.template.spec.initContainers.find((c: any) => c.name === 'kubernetes');
    expect(init.image).toBe('registry.internal:5000/loft-sh/kubernetes:v1.36.0');
  });

  test('fails when the Kubernetes version is not a release', () => {
    expect(() => synthVCluster({ kubernetesVersion: 'latest' })).toThrow(
      'kubernetesVersion: must be a Kubernetes release such as "v1.32.1" or "1.32.1". Got "latest".',
    );
  });

  test('fails when the version and the image tag are both given', () => {
    expect(() => synthVCluster({ kubernetesVersion: 'v1.32.1', distro: { image: { tag: 'v1.31.0' } } })).toThrow(
      'distro.image.tag: conflicts with kubernetesVersion "v1.32.1", which sets the tag too. Give one of them. Got "v1.31.0".',
    );
  });

  test('fails when a registry carries a scheme', () => {
    expect(() => synthVCluster({ defaultImageRegistry: 'https://registry.internal' })).toThrow(
      'defaultImageRegistry: give the registry as host[:port][/path], without a scheme or trailing slash, e.g. "registry.example.com". Got ' +
        '"https://registry.internal".',
    );
  });
});

describe('the distro image', () => {
  test('keeps an image tag given without kubernetesVersion', () => {
    const vc = new VCluster(Testing.chart(), 'vc1', { distro: { image: { tag: 'v1.31.4' } } });
    expect(vc.values.controlPlane.distro.k8s.image.tag).toBe('v1.31.4');
  });
});

describe('the distro switch and version', () => {
  test("writes only what is given: the distro's `enabled` stays the chart's false unless given (vCluster runs Kubernetes either way)", () => {
    const { vc, manifests } = synthVCluster({ distro: { scheduler: { enabled: true } } });
    expect(vc.values.controlPlane.distro.k8s.enabled).toBe(false);
    expect(vc.values.controlPlane.distro.k8s.scheduler.enabled).toBe(true);
    expect(kubernetesInitContainer(manifests).image).toBe('ghcr.io/loft-sh/kubernetes:v1.36.0');
    expect(synthVCluster({ distro: { enabled: true } }).vc.values.controlPlane.distro.k8s.enabled).toBe(true);
  });

  test('kubernetesVersion takes an image tag with a build suffix, such as the FIPS images', () => {
    const { manifests } = synthVCluster({ kubernetesVersion: 'v1.33.5-fips' });
    expect(kubernetesInitContainer(manifests).image).toBe('ghcr.io/loft-sh/kubernetes:v1.33.5-fips');
  });

  test('distro.version is used instead of the image tag (its "-full" variant with private nodes)', () => {
    const { vc, manifests } = synthVCluster({ distro: { version: 'v1.34.2' } });
    expect(vc.values.controlPlane.distro.k8s.version).toBe('v1.34.2');
    expect(kubernetesInitContainer(manifests).image).toBe('ghcr.io/loft-sh/kubernetes:v1.34.2');
    const privateNodes = synthVCluster({ distro: { version: 'v1.34.2' }, values: { privateNodes: { enabled: true } } }).manifests;
    expect(kubernetesInitContainer(privateNodes).image).toBe('ghcr.io/loft-sh/kubernetes:v1.34.2-full');
  });

  test('fails when distro.version is given with a tag, which the chart would ignore', () => {
    expect(() => synthVCluster({ kubernetesVersion: 'v1.33.1', distro: { version: 'v1.34.2' } })).toThrow(
      'distro.version: conflicts with kubernetesVersion "v1.33.1": the chart uses the version instead of the tag. Give one of them. Got "v1.34.2".',
    );
    expect(() => synthVCluster({ distro: { version: 'v1.34.2', image: { tag: 'v1.33.1' } } })).toThrow(
      'distro.version: conflicts with distro.image.tag "v1.33.1": the chart uses the version instead of the tag. Give one of them. Got "v1.34.2".',
    );
  });

  test('fails when distro.version is not a release', () => {
    expect(() => synthVCluster({ distro: { version: 'latest' } })).toThrow(
      'distro.version: must be a Kubernetes release such as "v1.32.1" or "1.32.1". Got "latest".',
    );
  });
});

describe('importing the distro', () => {
  const imported = (yaml: string) => {
    const result = vc1(yaml);
    expect(result.raw).toEqual({});
    const expected = renderTemplate({ name: 'vc1', namespace: 'vc1', values: [parse(yaml)] });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
    return result.program;
  };

  test('imports the virtual scheduler and component flags written without the switch, as the docs write them', () => {
    const program = imported(`
controlPlane:
  distro:
    k8s:
      scheduler:
        enabled: true
        extraArgs: [--kube-api-qps=200]
      apiServer:
        extraArgs: [--max-requests-inflight=300]
`);
    expect(program).toContain("distro: {\n        apiServer: { extraArgs: ['--max-requests-inflight=300'] },\n" +
      "        scheduler: { enabled: true, extraArgs: ['--kube-api-qps=200'] },\n      },");
  });

  test('imports a tag without the switch as the distro image, and with it as kubernetesVersion', () => {
    expect(imported('controlPlane:\n  distro:\n    k8s:\n      image:\n        tag: v1.33.5-fips\n'))
      .toContain("distro: { image: { tag: 'v1.33.5-fips' } },");
    const program = imported('controlPlane:\n  distro:\n    k8s:\n      enabled: true\n      image:\n        tag: v1.33.5-fips\n');
    expect(program).toContain("kubernetesVersion: 'v1.33.5-fips',");
    expect(program).not.toContain('distro');
  });

  test('imports the version as standalone vCluster is given it', () => {
    expect(imported('controlPlane:\n  distro:\n    k8s:\n      version: v1.31.11\n')).toContain("distro: { version: 'v1.31.11' },");
  });
});
