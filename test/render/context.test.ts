import { contextFor } from './context-helper';
import { mergedAnnotations, objectMetadata, standardLabels } from '../../src/render/context';
import { ValuesError } from '../../src/values/errors';

describe('object metadata', () => {
  const global = { controlPlane: { advanced: { globalMetadata: { annotations: { shared: 'global', g: '1' } } } } };

  test('merges the object\'s own annotations with the global ones, the first named winning', () => {
    const ctx = contextFor(global);
    expect(mergedAnnotations(ctx, { shared: 'own', o: '2' }, 'own')).toEqual({ shared: 'own', g: '1', o: '2' });
    expect(mergedAnnotations(ctx, { shared: 'own', o: '2' }, 'global')).toEqual({ shared: 'global', g: '1', o: '2' });
  });

  test('puts the section\'s labels after the chart\'s, so they win, and leaves out empty annotations', () => {
    const ctx = contextFor();
    const metadata = objectMetadata(ctx, {
      name: 'vc-vc1',
      section: { labels: { app: 'mine', team: 'a' } },
      path: 'policies.limitRange',
      annotationsFirst: 'global',
    });
    expect(metadata).toEqual({ name: 'vc-vc1', namespace: 'team-a', labels: { ...standardLabels(ctx), app: 'mine', team: 'a' } });
  });

  test('uses the labels the template gives instead of the standard ones', () => {
    const metadata = objectMetadata(contextFor(global), {
      name: 'n',
      labels: { app: 'vcluster-etcd' },
      section: { annotations: { shared: 'own' } },
      path: 'p',
      annotationsFirst: 'own',
    });
    expect(metadata).toEqual({ name: 'n', namespace: 'team-a', labels: { app: 'vcluster-etcd' }, annotations: { shared: 'own', g: '1' } });
  });

  test('refuses labels that are not a map, naming the key', () => {
    expect(() =>
      objectMetadata(contextFor(), { name: 'n', section: { labels: ['x'] }, path: 'controlPlane.ingress', annotationsFirst: 'own' }),
    ).toThrow(
      new ValuesError('controlPlane.ingress.labels', 'controlPlane.ingress.labels: expected a map, got ["x"]. Write it as YAML key: value pairs.'),
    );
  });
});
