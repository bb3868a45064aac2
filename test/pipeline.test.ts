import { diagnoseValues, renderChart, renderObjects, resolveValues, ValuesError } from '../src';

const release = { name: 'vc1', namespace: 'vc1' };

describe('the pipeline stages', () => {
  test('resolveValues coalesces the user values with the chart defaults, before any rule', () => {
    const resolved = resolveValues({ ...release, values: [{ controlPlane: { statefulSet: { highAvailability: { replicas: 0 } } } }] });
    expect(resolved.user).toEqual({ controlPlane: { statefulSet: { highAvailability: { replicas: 0 } } } });
    expect(resolved.values.controlPlane.statefulSet.highAvailability.replicas).toBe(0);
    // A chart default the user did not touch.
    expect(resolved.values.sync.toHost.pods.enabled).toBe(true);
    expect(resolved).toMatchObject({ release, chartVersion: '0.36.1', kubeVersion: { version: 'v1.33.1' } });
  });

  test('diagnoseValues returns every problem as data, without throwing', () => {
    const found = diagnoseValues(
      resolveValues({ ...release, values: [{ controlPlane: { proxy: { port: 70000 }, statefulSet: { highAvailability: { replicas: 2 } } } }] }),
    );
    expect(found.map((d) => [d.severity, d.path, d.value])).toEqual([
      ['error', 'controlPlane.proxy.port', 70000],
      ['error', 'controlPlane.statefulSet.highAvailability.replicas', 2],
    ]);
    expect(found[0].message).toBe('expected a port from 1 to 65535, got 70000. Choose a port in that range.');
  });

  test('renderChart throws the diagnostics of diagnoseValues as one error', () => {
    const options = { ...release, values: [{ controlPlane: { proxy: { port: 70000 }, statefulSet: { highAvailability: { replicas: 2 } } } }] };
    let error: ValuesError | undefined;
    try {
      renderChart(options);
    } catch (e) {
      error = e as ValuesError;
    }
    expect(error!.diagnostics).toEqual(diagnoseValues(resolveValues(options)));
  });

  test('renderObjects renders what renderChart renders, for values that pass the rules', () => {
    const options = { ...release, values: [{ controlPlane: { ingress: { enabled: true, host: 'vc1.example.com' } } }] };
    const staged = renderObjects(resolveValues(options));
    const whole = renderChart(options);
    expect(staged.objects.map((o) => o.manifest)).toEqual(whole.objects.map((o) => o.manifest));
    expect(staged.objects.map((o) => `${o.manifest.kind}/${o.template}`)).toContain('Ingress/templates/ingress.yaml');
  });
});
