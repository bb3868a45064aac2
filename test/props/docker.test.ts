import { expectTypedImport, vc1 } from '../import/import-helper';
import { synthVCluster } from '../typed-helper';

describe('the docker prop', () => {
  test('writes the control plane container\'s options, the network and worker nodes as the vcluster CLI reads them', () => {
    const { vc } = synthVCluster({
      docker: {
        image: 'ghcr.io/loft-sh/vm-container:v1', ports: ['8080:80', '127.0.0.1:8443:443/tcp'], volumes: ['/host/data:/data'],
        env: ['LOG_LEVEL=info'], args: ['--cpus=2'], network: 'vind',
        nodes: [{ name: 'worker-1', ports: ['9090:9090'] }, { name: 'worker-2', env: ['NODE_ROLE=worker'] }],
      },
    });
    expect(vc.values.experimental.docker).toEqual({
      image: 'ghcr.io/loft-sh/vm-container:v1', ports: ['8080:80', '127.0.0.1:8443:443/tcp'], volumes: ['/host/data:/data'],
      env: ['LOG_LEVEL=info'], args: ['--cpus=2'], network: 'vind',
      nodes: [{ name: 'worker-1', ports: ['9090:9090'] }, { name: 'worker-2', env: ['NODE_ROLE=worker'] }],
      registryProxy: { enabled: true }, loadBalancer: { enabled: true, forwardPorts: true },
    });
  });

  test('registryProxy and loadBalancer switch vCluster\'s defaults off, or keep the load balancers without port forwarding', () => {
    expect(synthVCluster({ docker: { registryProxy: false, loadBalancer: false } }).vc.values.experimental.docker)
      .toEqual({ registryProxy: { enabled: false }, loadBalancer: { enabled: false, forwardPorts: true } });
    expect(synthVCluster({ docker: { loadBalancer: { forwardPorts: false } } }).vc.values.experimental.docker.loadBalancer)
      .toEqual({ enabled: true, forwardPorts: false });
  });

  test('fails when a port is not in docker run -p\'s form', () => {
    expect(() => synthVCluster({ docker: { ports: ['8080:80', '80:http'] } })).toThrow(
      'docker.ports[1]: must be [ip:][hostPort:]containerPort[/protocol] with ports from 1 to 65535, as docker run -p takes it, '
      + 'e.g. "8080:80". Got "80:http".',
    );
    expect(() => synthVCluster({ docker: { nodes: [{ name: 'w', ports: ['70000:80'] }] } })).toThrow('docker.nodes[0].ports[0]: must be');
  });

  test('fails when an environment variable has no name, or a volume or argument is empty', () => {
    expect(() => synthVCluster({ docker: { env: ['=info'] } })).toThrow('docker.env[0]: must be NAME=value, e.g. "LOG_LEVEL=info". Got "=info".');
    expect(() => synthVCluster({ docker: { volumes: [' '] } })).toThrow(
      'docker.volumes[0]: must be a volume as docker run -v takes it, e.g. "/host/data:/data". Got " ".',
    );
    expect(() => synthVCluster({ docker: { args: [''] } })).toThrow('docker.args[0]: must be an argument of docker run, e.g. "--cpus=2". Got "".');
  });

  test('fails when a node has no usable name, or two nodes share one, which the vcluster CLI refuses', () => {
    expect(() => synthVCluster({ docker: { nodes: [{ name: '' }] } })).toThrow(
      'docker.nodes[0].name: must be letters, digits, \'_\', \'.\' and \'-\', starting with a letter or digit, e.g. "worker-1": '
      + 'it names the node\'s container. Got "".',
    );
    expect(() => synthVCluster({ docker: { nodes: [{ name: 'worker-1' }, { name: 'worker-1' }] } })).toThrow(
      'docker.nodes[1].name: names another node too: give each node a name of its own. Got "worker-1".',
    );
  });

  test('fails when forwardPorts is given for a load balancer switched off', () => {
    expect(() => synthVCluster({ docker: { loadBalancer: { enabled: false, forwardPorts: true } } })).toThrow(
      'docker.loadBalancer.forwardPorts: forwards the load balancers\' ports, which enabled: false switches off: '
      + 'leave it out, or enable the load balancer. Got true.',
    );
  });

  test('imports the docs\' vind examples as typed props that render what the chart renders', () => {
    expectTypedImport('experimental:\n  docker:\n    nodes:\n      - name: worker-1\n      - name: worker-2\n',
      "docker: { nodes: [{ name: 'worker-1' }, { name: 'worker-2' }] },");
    expectTypedImport('experimental:\n  docker:\n    registryProxy:\n      enabled: false\n    loadBalancer:\n      enabled: false\n',
      'docker: { registryProxy: false, loadBalancer: false },');
  });

  test('imports the docs\' full example without the defaults it restates, and leaves enabled (the CLI\'s own) raw', () => {
    expectTypedImport(
      'experimental:\n  docker:\n    ports: ["8080:80"]\n    env: ["DEBUG=true"]\n'
        + '    nodes:\n    - name: worker-1\n      volumes: ["/host/logs:/logs"]\n'
        + '    registryProxy:\n      enabled: true\n    loadBalancer:\n      enabled: true\n      forwardPorts: true\n',
      "docker: {\n        ports: ['8080:80'],\n        env: ['DEBUG=true'],\n"
        + "        nodes: [{ name: 'worker-1', volumes: ['/host/logs:/logs'] }],\n      },",
    );
    const enabled = vc1('experimental:\n  docker:\n    enabled: true\n    loadBalancer:\n      forwardPorts: false\n');
    expect(enabled.raw).toEqual({ experimental: { docker: { enabled: true } } });
    expect(enabled.program).toContain('docker: { loadBalancer: { forwardPorts: false } },');
  });
});
