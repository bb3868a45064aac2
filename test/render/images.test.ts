import { contextFor } from './context-helper';
import { printed } from '../../src/render/go-template';
import { controlPlaneImage, imageName } from '../../src/render/images';

describe('images', () => {
  test('joins registry, repository and tag', () => {
    expect(imageName({ registry: 'ghcr.io', repository: 'loft-sh/kubernetes', tag: 'v1.32.1' })).toBe('ghcr.io/loft-sh/kubernetes:v1.32.1');
  });

  test('lets the default image registry replace the image registry', () => {
    expect(imageName({ defaultImageRegistry: 'mirror.io', registry: 'ghcr.io', repository: 'a/b', tag: '1' })).toBe('mirror.io/a/b:1');
  });

  test('leaves out an empty registry, which means Docker Hub', () => {
    expect(imageName({ registry: '', repository: 'k8s-api', tag: '456' })).toBe('k8s-api:456');
  });

  test('prints nil as nothing and numbers as Go does', () => {
    expect(printed(undefined)).toBe('');
    expect(printed(null)).toBe('');
    expect(printed(1000000)).toBe('1e+06');
    expect(imageName({ repository: 'etcd' })).toBe('etcd:');
  });

  test('tags the control plane image with the chart version unless a tag is set', () => {
    const ctx = contextFor({});
    expect(controlPlaneImage(ctx)).toBe(`ghcr.io/loft-sh/vcluster-pro:${ctx.chartVersion}`);
    expect(controlPlaneImage(contextFor({ controlPlane: { statefulSet: { image: { repository: 'my-repo', tag: 'custom-tag' } } } })))
      .toBe('ghcr.io/my-repo:custom-tag');
    expect(controlPlaneImage(contextFor({ controlPlane: { advanced: { defaultImageRegistry: 'docker.io' } } })))
      .toBe(`docker.io/loft-sh/vcluster-pro:${ctx.chartVersion}`);
  });
});
