import { AccessResourcesMode } from '../../src';
import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { synthVCluster } from '../typed-helper';

describe('the resourceProxy prop', () => {
  test('each custom resource is proxied, switched on, to its target virtual cluster', () => {
    const { vc } = synthVCluster({
      resourceProxy: {
        customResources: {
          'myresources.example.com/v1': { targetVirtualCluster: { name: 'target', project: 'other-project' } },
          '*.test.io/v2': { targetVirtualCluster: { name: 'target-b' }, accessResources: AccessResourcesMode.ALL },
        },
      },
    });
    expect(vc.values.experimental.proxy.customResources).toEqual({
      'myresources.example.com/v1': { enabled: true, targetVirtualCluster: { name: 'target', project: 'other-project' } },
      '*.test.io/v2': { enabled: true, targetVirtualCluster: { name: 'target-b' }, accessResources: 'all' },
    });
  });

  test('fails when a key names no version, as vCluster would refuse it when it starts', () => {
    expect(() => synthVCluster({ resourceProxy: { customResources: { 'myresources.example.com': { targetVirtualCluster: { name: 'target' } } } } }))
      .toThrow('resourceProxy.customResources: keys are <plural>.<group>/<version> or *.<group>/<version>, e.g. "myresources.example.com/v1". ' +
        'Got "myresources.example.com".');
  });

  test('fails when the target has no name', () => {
    expect(() => synthVCluster({ resourceProxy: { customResources: { 'a.example.com/v1': { targetVirtualCluster: { name: '' } } } } }))
      .toThrow('resourceProxy.customResources.a.example.com/v1.targetVirtualCluster.name: name the target virtual cluster (a DNS label). Got "".');
  });

  test('fails when entries of one group and version go to different targets', () => {
    expect(() => synthVCluster({
      resourceProxy: {
        customResources: {
          'a.example.com/v1': { targetVirtualCluster: { name: 'one' } },
          'b.example.com/v1': { targetVirtualCluster: { name: 'two' } },
        },
      },
    })).toThrow('resourceProxy.customResources.b.example.com/v1: "a.example.com/v1" proxies example.com/v1 too, to another target or with ' +
      'another accessResources;');
  });

  test('fails when a wildcard and an explicit entry take the same group and version', () => {
    expect(() => synthVCluster({
      resourceProxy: {
        customResources: {
          'a.example.com/v1': { targetVirtualCluster: { name: 'one' } },
          '*.example.com/v1': { targetVirtualCluster: { name: 'one' } },
        },
      },
    })).toThrow('resourceProxy.customResources: the wildcard and "a.example.com/v1" both take example.com/v1; keep either the wildcard or ' +
      'the explicit entries. Got "*.example.com/v1".');
  });

  test('imports the docs\' proxy configurations as typed props that render what the chart renders', () => {
    const result = vc1(`
experimental:
  proxy:
    customResources:
      myresources.example.com/v1:
        enabled: true
        targetVirtualCluster:
          name: "target"
          project: "other-project"
        accessResources: all
      "*.test.io/v2":
        enabled: true
        targetVirtualCluster:
          name: "target-b"
`);
    expect(result.raw).toEqual({});
    for (const snippet of [
      "import { AccessResourcesMode, VCluster } from 'cdk8s-vcluster';",
      "'myresources.example.com/v1': {\n            targetVirtualCluster: { name: 'target', project: 'other-project' },\n" +
        '            accessResources: AccessResourcesMode.ALL,',
      "'*.test.io/v2': { targetVirtualCluster: { name: 'target-b' } },",
    ]) {
      expect(result.program).toContain(snippet);
    }
    const { options } = result;
    const expected = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });
});
