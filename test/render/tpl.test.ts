import { RenderContext } from '../../src/render/context';
import { tpl, tplValue } from '../../src/render/tpl';
import { parseKubeVersion } from '../../src/values/kube-version';

const ctx: RenderContext = {
  values: { controlPlane: { ingress: { host: 'vc.example.com' } } },
  release: { name: 'vc1', namespace: 'team-a' },
  kubeVersion: parseKubeVersion('1.33.1'),
  chartVersion: '0.36.1',
};

describe('tpl', () => {
  test('renders release fields and values paths', () => {
    expect(tpl('{{ .Release.Name }}-tls in {{.Release.Namespace}}', ctx, 'x')).toBe('vc1-tls in team-a');
    expect(tpl('https://{{ .Values.controlPlane.ingress.host }}', ctx, 'x')).toBe('https://vc.example.com');
  });

  test('applies quote and default, and trims around {{- -}}', () => {
    expect(tpl('name: {{ .Release.Name | quote }}', ctx, 'x')).toBe('name: "vc1"');
    expect(tpl('{{ .Values.missing | default "fallback" }}', ctx, 'x')).toBe('fallback');
    expect(tpl('a   {{- .Release.Name -}}   b', ctx, 'x')).toBe('avc1b');
  });

  test('renders every string of a structured value, keys included', () => {
    expect(tplValue({ '{{ .Release.Name }}-key': ['{{ .Release.Namespace }}', 3] }, ctx, 'x')).toEqual({ 'vc1-key': ['team-a', 3] });
  });

  test('fails when the template uses control structures, naming the key path', () => {
    expect(() => tpl('{{ if .Values.x }}y{{ end }}', ctx, 'controlPlane.statefulSet.persistence.addVolumes[0].name'))
      .toThrow(/controlPlane\.statefulSet\.persistence\.addVolumes\[0\]\.name: template .* does not evaluate/);
  });
});
