import { ImagePullPolicy } from 'cdk8s-plus-31';
import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { manifest, synthVCluster } from '../typed-helper';

const HOOKS = 'ghcr.io/loft-sh/vcluster-example-hooks:v1';
const READ_CONFIGMAPS = { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] };

describe('plugins', () => {
  test('a plugin is an init container copying it onto the plugins volume the syncer mounts', () => {
    const { manifests } = synthVCluster({ plugins: { hooks: { image: HOOKS, imagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT } } });
    const pod = manifest(manifests, 'StatefulSet', 'vc1').spec.template.spec;
    expect(pod.initContainers.find((c: any) => c.name === 'hooks')).toEqual({
      image: HOOKS, name: 'hooks', imagePullPolicy: 'IfNotPresent', command: ['sh'], args: ['-c', 'cp -r /plugin /plugins/hooks'],
      volumeMounts: [{ mountPath: '/plugins', name: 'plugins' }],
    });
    expect(pod.volumes).toContainEqual({ name: 'plugins', emptyDir: {} });
    expect(pod.containers.find((c: any) => c.name === 'syncer').volumeMounts).toContainEqual({ mountPath: '/plugins', name: 'plugins' });
  });

  test('its rules join the control plane\'s Role and ClusterRole, its config the values', () => {
    const { vc, manifests } = synthVCluster({
      plugins: { hooks: { image: HOOKS, rbac: { role: { extraRules: [READ_CONFIGMAPS] }, clusterRole: { extraRules: [READ_CONFIGMAPS] } },
        config: { mode: 'strict' } } },
    });
    expect(manifest(manifests, 'Role', 'vc-vc1').rules).toContainEqual(READ_CONFIGMAPS);
    expect(manifest(manifests, 'ClusterRole', 'vc-vc1-v-vc1').rules).toContainEqual(READ_CONFIGMAPS);
    expect(vc.values.plugins.hooks.config).toEqual({ mode: 'strict' });
  });

  test('fails when a plugin has no image, which the chart would silently skip', () => {
    expect(() => synthVCluster({ plugins: { hooks: { image: '' } } })).toThrow(
      'plugins.hooks.image: give the plugin\'s image, e.g. "ghcr.io/loft-sh/vcluster-example-hooks:v1": the chart renders no plugin without ' +
        'one. Got "".');
  });

  test('fails when a plugin\'s name is no container name', () => {
    expect(() => synthVCluster({ plugins: { My_Hooks: { image: HOOKS } } })).toThrow(
      'plugins.My_Hooks: a plugin\'s name (its init container\'s) must be a DNS label: at most 63 lowercase letters, digits and \'-\', ' +
        'starting and ending with a letter or digit. Got "My_Hooks".');
  });

  test('imports the upstream e2e plugin as the typed prop, rendering what the chart renders', () => {
    const result = vc1(`
plugins:
  hooks:
    image: ${HOOKS}
    imagePullPolicy: IfNotPresent
    rbac:
      role:
        extraRules:
        - apiGroups: [""]
          resources: [configmaps]
          verbs: [get, list, watch]
`);
    expect(result.raw).toEqual({});
    expect(result.program).toContain('plugins: {');
    expect(result.program).toContain(`image: '${HOOKS}',`);
    expect(result.program).toContain('imagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT,');
    const expected = renderTemplate({ name: 'vc1', namespace: 'vc1', values: result.options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });
});
