import { contextFor } from './context-helper';
import { mergedAnnotations, objectMetadata, standardLabels } from '../../src/render/context';
import { ValuesError } from '../../src/values/errors';

describe('object metadata', () => {
  const global = { controlPlane: { advanced: { globalMetadata: { annotations: { shared: 'global', g: '1' } } } } };

  test('merges the object\'s own annotations with the global ones, the first named winning', () => {
    const ctx = contextFor(global);
    expect(mergedAnnotations(ctx, { shared: 'own', o: '2' }, 'x.annotations', 'own')).toEqual({ shared: 'own', g: '1', o: '2' });
    expect(mergedAnnotations(ctx, { shared: 'own', o: '2' }, 'x.annotations', 'global')).toEqual({ shared: 'global', g: '1', o: '2' });
  });

  test('puts the section\'s labels after the chart\'s, so they win, and leaves out empty annotations', () => {
    const ctx = contextFor();
    const section = { labels: { app: 'mine', team: 'a' }, annotations: {} };
    const metadata = objectMetadata(ctx, { name: 'vc-vc1', section, path: 'policies.limitRange', annotationsFirst: 'global' });
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

  test('fails as Helm fails when the annotations to merge are null or no map, naming the key', () => {
    // helm v4.1.4: `merge dict .Values.controlPlane.ingress.annotations ...` with a null there fails with
    // "wrong type for value; expected map[string]interface {}; got interface {}".
    const section = (annotations: unknown) => ({
      name: 'n', section: { annotations } as any, path: 'controlPlane.ingress', annotationsFirst: 'own' as const,
    });
    expect(() => objectMetadata(contextFor(), section(null))).toThrow(new ValuesError('controlPlane.ingress.annotations',
      'controlPlane.ingress.annotations: wrong type for value; expected map[string]interface {}; got interface {} (null). ' +
        'The chart merges it as a map, so Helm fails too. Set it to {} for none.'));
    expect(() => objectMetadata(contextFor(), section('a=b')))
      .toThrow(/controlPlane\.ingress\.annotations: wrong type for value; expected map\[string\]interface \{\}; got string \("a=b"\)/);
    const noGlobal = contextFor({ controlPlane: { advanced: { globalMetadata: { annotations: null } } } });
    expect(() => objectMetadata(noGlobal, section({})))
      .toThrow(/^controlPlane\.advanced\.globalMetadata\.annotations: wrong type for value; expected map\[string\]interface \{\}; got interface/);
  });

  test('refuses labels that are not a map, naming the key', () => {
    const section2 = { labels: ['x'], annotations: {} };
    expect(() => objectMetadata(contextFor(), { name: 'n', section: section2, path: 'controlPlane.ingress', annotationsFirst: 'own' }))
      .toThrow(new ValuesError('controlPlane.ingress.labels', 'controlPlane.ingress.labels: expected a map, got ["x"]. Write it as YAML ' +
        'key: value pairs.'));
  });
});
