import { parse } from 'yaml';
import { Size } from 'cdk8s';
import { Cpu, ServiceType } from 'cdk8s-plus-31';
import { synthVCluster } from '../typed-helper';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { compareManifests } from '../conformance/compare';
import { renderTemplate } from '../../src/cli/template';

describe('the coredns prop', () => {
  test('writes the Deployment, its placement, the Service and the overrides where vCluster reads them', () => {
    const { vc } = synthVCluster({
      coredns: {
        replicas: 2,
        image: 'registry.company.com/coredns:1.12.1',
        resources: { cpu: { request: Cpu.millis(50), limit: Cpu.millis(500) }, memory: { limit: Size.mebibytes(256) } },
        scheduling: {
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'infra', effect: 'NoSchedule' }],
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
            { matchExpressions: [{ key: 'pool', operator: 'In', values: ['infra'] }] },
          ] } } },
          priorityClassName: 'system-cluster-critical',
        },
        podLabels: { team: 'platform' },
        service: { type: ServiceType.NODE_PORT, annotations: { a: 'b' } },
        overwriteConfig: '.:1053 {\n  forward . /etc/resolv.conf\n}\n',
      },
    });
    const coredns = vc.values.controlPlane.coredns;
    expect(coredns).toMatchObject({
      enabled: true,
      embedded: false,
      priorityClassName: 'system-cluster-critical',
      overwriteConfig: '.:1053 {\n  forward . /etc/resolv.conf\n}\n',
      service: { spec: { type: 'NodePort' }, annotations: { a: 'b' } },
    });
    expect(coredns.deployment).toMatchObject({
      replicas: 2,
      image: 'registry.company.com/coredns:1.12.1',
      // Merged over the chart's: its memory request stays.
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'infra', effect: 'NoSchedule' }],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
        { matchExpressions: [{ key: 'pool', operator: 'In', values: ['infra'] }] },
      ] } } },
      pods: { labels: { team: 'platform' } },
    });
    expect(coredns.deployment.priorityClassName).toBeUndefined();
  });

  test('embedded CoreDNS needs no NetworkPolicy of its own', () => {
    const policies = (props: object) => synthVCluster({ policies: { networkPolicy: { enabled: true } }, ...props }).manifests
      .filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name);
    expect(policies({})).toContain('vc-kube-dns-vc1');
    expect(policies({ coredns: { embedded: true } })).not.toContain('vc-kube-dns-vc1');
  });

  test('leaves the security contexts to rootless, with which it combines', () => {
    const { vc } = synthVCluster({ rootless: true, coredns: { replicas: 2 } });
    expect(vc.values.controlPlane.coredns.deployment.replicas).toBe(2);
    expect(vc.values.controlPlane.coredns.security.containerSecurityContext).toMatchObject({ runAsUser: 12345, runAsNonRoot: true });
  });

  test('counts its pods in the quota budget with the resources it gives', () => {
    const budget = (props: object) => synthVCluster({ policies: { resourceQuota: { enabled: true } }, ...props }).vc.quotaBudget!;
    const coredns = (props: object) => JSON.stringify(budget(props).filter((e) => JSON.stringify(e).includes('CoreDNS')));
    expect(coredns({})).not.toEqual('[]');
    expect(coredns({ coredns: { replicas: 3, resources: { cpu: { limit: Cpu.units(2) } } } })).not.toEqual(coredns({}));
  });

  test('fails when the replicas are no whole number, naming the prop', () => {
    expect(() => synthVCluster({ coredns: { replicas: 1.5 } })).toThrow('coredns.replicas: expected a whole number of pods. Got 1.5.');
  });

  test('fails when the pod management policy is given, which a Deployment does not have', () => {
    const make = () => synthVCluster({ coredns: { scheduling: { podManagementPolicy: 'Parallel' } as never } });
    expect(make).toThrow('coredns.scheduling.podManagementPolicy: no such prop');
  });

  test('imports the docs\' CoreDNS values as the coredns prop', () => {
    const yaml = `
controlPlane:
  coredns:
    enabled: true
    embedded: true
    priorityClassName: system-cluster-critical
    deployment:
      replicas: 1
      image: registry.company.com/coredns
      resources:
        requests:
          cpu: 20m
          memory: 32Mi
        limits:
          cpu: 100m
          memory: 128Mi
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
      - key: CriticalAddonsOnly
        operator: Exists
networking:
  resolveDNS:
    - hostname: wikipedia.com
      target:
        hostname: en.wikipedia.org
`;
    const result = vc1(yaml);
    expect(result.raw).toEqual({});
    expect(result.typedProps).toEqual(['networking', 'coredns']);
    // What equals the chart's defaults (enabled, one replica, the 20m CPU request) is left out.
    expect(result.program).toContain('cpu: { limit: Cpu.millis(100) },\n          '
      + 'memory: { request: Size.mebibytes(32), limit: Size.mebibytes(128) },');
    expect(result.program).not.toContain('replicas');
    expect(result.program).toContain("priorityClassName: 'system-cluster-critical'");
    const expected = renderTemplate({ name: 'vc1', namespace: 'vc1', values: [parse(yaml)] });
    expect(compareManifests(expected, runProgram(result.program), true)).toEqual([]);
  });
});
