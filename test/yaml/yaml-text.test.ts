import { parseManifestStream, resolveInterpolated, resolvePlainScalar } from '../../src/yaml/yaml-text';
import { plainString } from '../../src/render/go-template';
import { renderChart } from '../../src/pipeline';

describe('reading the chart\'s text back', () => {
  test('resolves plain scalars as YAML 1.1 with PyYAML\'s rules, as the comparison does', () => {
    expect(resolvePlainScalar('yes')).toBe(true);
    expect(resolvePlainScalar('Off')).toBe(false);
    expect(resolvePlainScalar('n')).toBe('n');
    expect(resolvePlainScalar('~')).toBeNull();
    expect(resolvePlainScalar('0x1F')).toBe(31);
    expect(resolvePlainScalar('0755')).toBe(493);
    expect(resolvePlainScalar('0b11')).toBe(3);
    expect(resolvePlainScalar('12:30')).toBe(750);
    expect(resolvePlainScalar('1.5')).toBe(1.5);
    expect(resolvePlainScalar('1e3')).toBe('1e3');
    expect(resolvePlainScalar('1e+06')).toBe('1e+06');
    expect(resolvePlainScalar('08')).toBe('08');
    expect(resolvePlainScalar('v1.32.1')).toBe('v1.32.1');
  });

  test('unquotes a value the template prints unquoted but the user quoted', () => {
    expect(resolveInterpolated('"q"')).toBe('q');
    expect(resolveInterpolated("'it''s'")).toBe("it's");
  });

  test('parses a manifest stream with quoted scalars as text and plain ones resolved', () => {
    const [doc] = parseManifestStream('a: n\nb: "yes"\nc: yes\nd: 8443\n', 'm');
    expect(doc.value).toEqual({ a: 'n', b: 'yes', c: true, d: 8443 });
  });

  test('fails when a value that must stay text reads back as something else, naming the key', () => {
    expect(() => plainString('yes', 'controlPlane.tlsRoute.apiVersion', 'an API version'))
      .toThrow('controlPlane.tlsRoute.apiVersion: the chart writes this value unquoted, and "yes" then reads as the boolean true, not text. ' +
        'Give an API version.');
    expect(plainString('"gateway.networking.k8s.io/v1"', 'x', 'y')).toBe('gateway.networking.k8s.io/v1');
  });

  test('fails on release names and namespaces that YAML reads as something other than text', () => {
    expect(() => renderChart({ name: '123', namespace: 'ns' }))
      .toThrow('name: "123" reads as a number, boolean or null in YAML, and the chart writes the release name unquoted. Choose a release ' +
        'name that is plain text, e.g. "vc-123".');
    expect(() => renderChart({ name: 'vc', namespace: 'no' })).toThrow(/^namespace: "no" reads as a number, boolean or null/);
    expect(() => renderChart({ name: 'vc-1', namespace: '1-2' })).not.toThrow();
  });
});
