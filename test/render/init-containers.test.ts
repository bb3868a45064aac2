import { ValueMap } from '../../src/values/value-map';
import { k8sImageTag, k8sInitContainers } from '../../src/render/init-containers';
import { contextFor } from './context-helper';

const k8s = (k8sValues: ValueMap, extra: ValueMap = {}): ValueMap => ({
  ...extra,
  controlPlane: { ...(extra.controlPlane ?? {}), distro: { k8s: k8sValues } },
});

const kubernetes = (user: ValueMap): ValueMap =>
  k8sInitContainers(contextFor(user)).find((c) => c.name === 'kubernetes')!;

describe('init containers', () => {
  test('copies the Kubernetes binaries into the binaries volume', () => {
    const container = kubernetes(k8s({ image: { registry: 'ghcr.io', repository: 'loft-sh/kubernetes', tag: 'v1.32.1' } }));
    expect(container).toMatchObject({
      image: 'ghcr.io/loft-sh/kubernetes:v1.32.1',
      volumeMounts: [{ mountPath: '/binaries', name: 'binaries' }],
      command: ['cp'],
      args: ['-r', '/kubernetes/.', '/binaries/'],
    });
    expect(container.imagePullPolicy).toBeUndefined();
  });

  test('prefers distro.k8s.version over the image tag', () => {
    expect(k8sImageTag(contextFor(k8s({ version: 'v1.30.999', image: { tag: 'v99912' } })).values)).toBe('v1.30.999');
    expect(k8sImageTag(contextFor(k8s({ image: { tag: 'v99912' } })).values)).toBe('v99912');
  });

  test('uses the full image for private nodes', () => {
    expect(k8sImageTag(contextFor(k8s({ version: 'v1.35.999' }, { privateNodes: { enabled: true } })).values)).toBe('v1.35.999-full');
    expect(k8sImageTag(contextFor(k8s({ image: { tag: 'v1.35.999' } }, { privateNodes: { enabled: true } })).values)).toBe('v1.35.999-full');
  });

  test('prefixes the Kubernetes image with the default image registry', () => {
    const user = k8s({ image: { repository: 'k8s-controller', tag: '123' } }, { controlPlane: { advanced: { defaultImageRegistry: 'bbb.com' } } });
    expect(kubernetes(user).image).toBe('bbb.com/k8s-controller:123');
  });

  test('runs plugin copiers first and the user init containers last', () => {
    const names = k8sInitContainers(contextFor({
      plugins: { p: { image: 'p' } },
      controlPlane: { statefulSet: { initContainers: [{ name: 'mine', image: 'mine' }] } },
    })).map((c) => c.name);
    expect(names).toEqual(['p', 'kubernetes', 'mine']);
  });

  test('sets the pull policy only when given', () => {
    expect(kubernetes(k8s({ imagePullPolicy: 'Always' })).imagePullPolicy).toBe('Always');
  });
});
