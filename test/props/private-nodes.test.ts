import { parse } from 'yaml';
import { Duration, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-31';
import { manifest, synthVCluster } from '../typed-helper';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { compareManifests } from '../conformance/compare';
import { renderTemplate } from '../../src/cli/template';
import { ConsolidationPolicy, NodeTypeOperator } from '../../src/props/auto-nodes';

describe('the privateNodes prop', () => {
  test('true switches private nodes on: the control plane copies the full Kubernetes image, with the kubelet', () => {
    const { vc, manifests } = synthVCluster({ privateNodes: true });
    expect(vc.values.privateNodes.enabled).toBe(true);
    const images = (m: any[]) => manifest(m, 'StatefulSet', 'vc1').spec.template.spec.initContainers.map((c: any) => c.image);
    expect(images(manifests)).toContainEqual(expect.stringMatching(/kubernetes:v[\d.]+-full$/));
    expect(images(synthVCluster().manifests)).not.toContainEqual(expect.stringMatching(/-full$/));
    expect(synthVCluster({ privateNodes: false }).vc.values.privateNodes.enabled).toBe(false);
  });

  test('options switch private nodes on with the kubelet, join, upgrade and VPN settings', () => {
    const { vc } = synthVCluster({
      privateNodes: {
        kubelet: { config: { serverTLSBootstrap: true, featureGates: { RotateKubeletServerCertificate: true } } },
        autoUpgrade: { concurrency: 2 },
        joinNode: {
          preJoinCommands: ['modprobe br_netfilter'],
          containerd: false,
          nodeRegistration: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], kubeletExtraArgs: [{ name: 'v', value: '2' }] },
        },
        vpn: { nodeToNode: true },
      },
    });
    const pn = vc.values.privateNodes;
    expect(pn.enabled).toBe(true);
    expect(pn.kubelet.config).toEqual({ serverTLSBootstrap: true, featureGates: { RotateKubeletServerCertificate: true } });
    expect(pn.autoUpgrade).toMatchObject({ enabled: true, concurrency: 2 });
    expect(pn.joinNode).toMatchObject({
      preJoinCommands: ['modprobe br_netfilter'],
      containerd: { enabled: false },
      nodeRegistration: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], kubeletExtraArgs: [{ name: 'v', value: '2' }] },
    });
    expect(pn.vpn).toEqual({ enabled: true, nodeToNode: { enabled: true } });
  });

  test('auto nodes write static and dynamic pools, with durations as Go writes them and limits as strings', () => {
    const { vc } = synthVCluster({
      privateNodes: {
        autoNodes: [{
          provider: 'aws',
          properties: { region: 'eu-west-1' },
          static: [{
            name: 'base',
            quantity: 2,
            nodeTypeSelector: [{ property: 'instance-type', operator: NodeTypeOperator.IN, values: ['m5.large', 'm5.xlarge'] }],
            nodeLabels: { pool: 'base' },
          }],
          dynamic: [{
            name: 'burst',
            limits: { cpu: Cpu.units(100), memory: Size.gibibytes(400), nodes: 10 },
            taints: [{ key: 'burst', effect: 'NoSchedule' }],
            terminationGracePeriod: Duration.minutes(90),
            expireAfter: 'Never',
            disruption: {
              consolidationPolicy: ConsolidationPolicy.WHEN_EMPTY,
              consolidateAfter: Duration.seconds(10),
              budgets: [{ nodes: '20%' }, { nodes: '0', schedule: '@daily', duration: Duration.minutes(10) }],
            },
            weight: 10,
          }],
        }],
      },
    });
    expect(vc.values.privateNodes.autoNodes).toEqual([{
      provider: 'aws',
      properties: { region: 'eu-west-1' },
      static: [{
        name: 'base',
        quantity: 2,
        nodeTypeSelector: [{ property: 'instance-type', operator: 'In', values: ['m5.large', 'm5.xlarge'] }],
        nodeLabels: { pool: 'base' },
      }],
      dynamic: [{
        name: 'burst',
        limits: { cpu: '100', memory: '400Gi', nodes: '10' },
        taints: [{ key: 'burst', effect: 'NoSchedule' }],
        terminationGracePeriod: '1h30m',
        expireAfter: 'Never',
        disruption: {
          consolidationPolicy: 'WhenEmpty',
          consolidateAfter: '10s',
          budgets: [{ nodes: '20%' }, { nodes: '0', schedule: '@daily', duration: '10m' }],
        },
        weight: 10,
      }],
    }]);
  });

  test.each([
    [{ provider: 'p', static: [{ name: 'a', quantity: -1 }] }, 'privateNodes.autoNodes[0].static[0].quantity', 'expected a whole number of nodes'],
    [{ provider: 'p', dynamic: [{ name: 'a', limits: { nodes: 0 } }] }, 'privateNodes.autoNodes[0].dynamic[0].limits.nodes', 'at least 1'],
    [{ provider: 'p', dynamic: [{ name: 'a', disruption: { budgets: [{ nodes: 'all' }] } }] },
      'privateNodes.autoNodes[0].dynamic[0].disruption.budgets[0].nodes', 'a percentage ("20%")'],
    [{ provider: 'p', dynamic: [{ name: 'a', disruption: { budgets: [{ nodes: '1', schedule: '@daily' }] } }] },
      'privateNodes.autoNodes[0].dynamic[0].disruption.budgets[0]', 'give schedule and duration together'],
    [{ provider: 'p', static: [{ name: 'a', quantity: 1, nodeTypeSelector: [{ property: 'x', value: 'a', values: ['b'] }] }] },
      'privateNodes.autoNodes[0].static[0].nodeTypeSelector[0]', 'give value or values, not both'],
    [{ provider: 'p', static: [{ name: 'a', quantity: 1, nodeTypeSelector: [{ property: 'x', operator: 'Exists', values: ['b'] }] }] },
      'privateNodes.autoNodes[0].static[0].nodeTypeSelector[0]', 'NodeTypeOperator.EXISTS compares no value; remove value and values'],
    [{ provider: 'p', static: [{ name: 'a', quantity: 1, nodeTypeSelector: [{ property: 'x' }] }] },
      'privateNodes.autoNodes[0].static[0].nodeTypeSelector[0]', 'operator "In" compares the property with value or values; give one'],
    [{ provider: 'p', dynamic: [{ name: 'a', nodeTypeSelector: [{ property: 'x', operator: 'Gt', values: [] }] }] },
      'privateNodes.autoNodes[0].dynamic[0].nodeTypeSelector[0]', 'operator "Gt" compares the property with value or values; give one'],
    [{ provider: 'p', static: [{ name: 'a', quantity: 1, nodeTypeSelector: [{ property: 'x', operator: 'NotExists' }] }] },
      'privateNodes.autoNodes[0].static[0].nodeTypeSelector[0].operator', 'use a NodeTypeOperator'],
    [{ provider: 'p', dynamic: [{ name: 'a', expireAfter: Duration.millis(1500) }] },
      'privateNodes.autoNodes[0].dynamic[0].expireAfter', 'whole number of seconds'],
    [{ provider: '', static: [] }, 'privateNodes.autoNodes[0].provider', 'name the node provider'],
  ])('fails when an auto nodes entry is not what Karpenter and vCluster take (%#)', (entry, path, text) => {
    const make = () => synthVCluster({ privateNodes: { autoNodes: [entry as never] } });
    expect(make).toThrow(`${path}:`);
    expect(make).toThrow(text);
  });

  test('fails when the chosen chart version lacks a key, naming the version that has it', () => {
    expect(() => synthVCluster({ chartVersion: '0.35.3', privateNodes: { defaultProfile: 'gpu' } })).toThrow(
      "privateNodes.defaultProfile: unknown key (not in vCluster 0.35.3's values schema). The nearest chart version with it is 0.36.1");
    const withProperties = { privateNodes: { autoNodes: [{ provider: 'p', static: [{ name: 'a', quantity: 1, properties: { zone: 'a' } }] }] } };
    expect(() => synthVCluster({ chartVersion: '0.36.1', ...withProperties })).toThrow(
      "not in vCluster 0.36.1's values schema). The nearest chart version with it is 0.37.0-rc.1");
    expect(synthVCluster({ chartVersion: '0.37.0-rc.1', ...withProperties }).vc.values.privateNodes.autoNodes[0].static[0].properties)
      .toEqual({ zone: 'a' });
  });

  test('imports the docs\' private and auto nodes values as the privateNodes prop', () => {
    const yaml = `
privateNodes:
  enabled: true
  kubelet:
    config:
      podPidsLimit: 1000000
  vpn:
    enabled: true
    nodeToNode:
      enabled: true
  autoNodes:
  - provider: my-provider
    static:
      - name: my-static-pool
        quantity: 1
        nodeLabels:
          my-label: my-value
        taints:
          - key: my-taint
            effect: NoSchedule
        nodeTypeSelector:
          - property: my-property
            value: my-value
          - property: my-property
            operator: NotIn
            values: [value-1, value-2]
    dynamic:
      - name: my-dynamic-node-pool
        limits:
          cpu: "100"
          nodes: "10"
        terminationGracePeriod: 2h
        disruption:
          consolidationPolicy: WhenEmptyOrUnderutilized
          consolidateAfter: 10s
          budgets:
            - nodes: "20%"
            - nodes: "0"
              schedule: "@daily"
              duration: 10m
`;
    const result = vc1(yaml);
    expect(result.raw).toEqual({});
    expect(result.typedProps).toEqual(['privateNodes']);
    expect(result.program).toContain('limits: { cpu: Cpu.units(100), nodes: 10 }');
    expect(result.program).toContain('terminationGracePeriod: Duration.hours(2)');
    expect(result.program).toContain("{ nodes: '0', schedule: '@daily', duration: Duration.minutes(10) }");
    expect(result.program).toContain('ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED');
    expect(result.program).toContain('vpn: { nodeToNode: true }');
    const expected = renderTemplate({ name: 'vc1', namespace: 'vc1', values: [parse(yaml)] });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });

  test('keeps in raw values a duration that would not be written back the same', () => {
    const result = vc1('privateNodes:\n  enabled: true\n  autoNodes:\n  - provider: p\n    dynamic:\n    - name: a\n      expireAfter: 90m\n');
    expect(result.raw).toEqual({ privateNodes: { autoNodes: [{ provider: 'p', dynamic: [{ name: 'a', expireAfter: '90m' }] }] } });
  });
});
