import { CliIo } from '../../src/cli/io';
import { helmNamespace, NamespaceFlags } from '../../src/cli/namespace';

const KUBECONFIG = `apiVersion: v1
kind: Config
current-context: c1
contexts:
- name: c1
  context: {cluster: k, user: u, namespace: team-a}
- name: c2
  context: {cluster: k, user: u, namespace: team-b}
- name: bare
  context: {cluster: k, user: u}
clusters:
- name: k
  cluster: {server: https://127.0.0.1:1}
users:
- name: u
  user: {token: x}
`;

function io(env: Record<string, string>, files: Record<string, string> = {}): CliIo {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    env,
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return Buffer.from(files[p]);
    },
  };
}

/** What helm v4.1.4 printed as the namespace for the same flags, environment and kubeconfig. */
describe('the namespace without -n, as helm takes it', () => {
  test.each<[string, NamespaceFlags, Record<string, string>, string]>([
    ['the kubeconfig of $KUBECONFIG, its current context', {}, { KUBECONFIG: '/kc.yaml' }, 'team-a'],
    ['--kubeconfig and --kube-context', { kubeconfig: '/kc.yaml', kubeContext: 'c2' }, {}, 'team-b'],
    ['$HELM_KUBECONTEXT', {}, { KUBECONFIG: '/kc.yaml', HELM_KUBECONTEXT: 'c2' }, 'team-b'],
    ['$HELM_NAMESPACE over the kubeconfig', { kubeconfig: '/kc.yaml' }, { HELM_NAMESPACE: 'envns' }, 'envns'],
    ['-n "" falls back to the kubeconfig', { namespace: '', kubeconfig: '/kc.yaml' }, { HELM_NAMESPACE: 'envns' }, 'team-a'],
    ['-n over everything', { namespace: 'vc1', kubeconfig: '/kc.yaml' }, { HELM_NAMESPACE: 'envns' }, 'vc1'],
    ['~/.kube/config', {}, { HOME: '/home/u' }, 'team-a'],
    ['a context without a namespace', { kubeContext: 'bare' }, { KUBECONFIG: '/kc.yaml' }, 'default'],
    ['an unknown context', { kubeContext: 'nope' }, { KUBECONFIG: '/kc.yaml' }, 'default'],
    ['a missing kubeconfig', { kubeconfig: '/missing.yaml' }, {}, 'default'],
    ['no kubeconfig at all', {}, {}, 'default'],
  ])('%s', (_what, flags, env, expected) => {
    expect(helmNamespace(flags, io(env, { '/kc.yaml': KUBECONFIG, '/home/u/.kube/config': KUBECONFIG }))).toBe(expected);
  });

  test("takes the pod's namespace inside a pod without a kubeconfig, as client-go does", () => {
    const pod = { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' };
    const sa = '/var/run/secrets/kubernetes.io/serviceaccount';
    expect(helmNamespace({}, io(pod, { [`${sa}/token`]: 't', [`${sa}/namespace`]: 'ci\n' }))).toBe('ci');
    expect(helmNamespace({}, io({ ...pod, POD_NAMESPACE: 'from-env' }, { [`${sa}/token`]: 't' }))).toBe('from-env');
    expect(helmNamespace({}, io(pod))).toBe('default');
  });
});
