import { Size } from 'cdk8s';
import { Cpu, k8s } from 'cdk8s-plus-31';
import { PodSecurityStandard, ResourceQuotaScope } from '../../src';
import { renderTemplate } from '../../src/cli/template';
import { compareManifests } from '../conformance/compare';
import { vc1 } from '../import/import-helper';
import { runProgram } from '../import/program-runner';
import { manifest, synthVCluster } from '../typed-helper';

const quota = { quota: { cpu: Cpu.units(4), memory: Size.gibibytes(5), pods: 15 } };

describe('the policy props', () => {
  test('typed quota entries become the ResourceQuota hard limits, over the chart defaults', () => {
    const { manifests } = synthVCluster({
      policies: {
        resourceQuota: {
          quota: {
            requestsCpu: Cpu.units(8), limitsMemory: Size.gibibytes(16), servicesLoadBalancers: 0,
            objectCounts: { 'deployments.apps': 10 },
            storageClasses: { 'managed-nfs-storage': { requestsStorage: Size.gibibytes(50), persistentVolumeClaims: 5 } },
          },
          scopes: [ResourceQuotaScope.NOT_TERMINATING],
        },
      },
    });
    const rq = manifest(manifests, 'ResourceQuota');
    expect(rq.spec.hard).toMatchObject({
      'requests.cpu': '8', 'limits.memory': '16Gi', 'services.loadbalancers': '0', 'count/deployments.apps': '10',
      'managed-nfs-storage.storageclass.storage.k8s.io/requests.storage': '50Gi',
      'managed-nfs-storage.storageclass.storage.k8s.io/persistentvolumeclaims': '5',
      'count/pods': '20',
    });
    expect(rq.spec.scopes).toEqual(['NotTerminating']);
    // The limit range comes with the quota, as in the chart.
    expect(manifest(manifests, 'LimitRange')).toBeDefined();
  });

  test('fails when a typed quota entry is looser than the chart\'s default for the same thing, which Kubernetes enforces too', () => {
    expect(() => synthVCluster({ policies: { resourceQuota: { quota: { pods: 50 } } } })).toThrow(
      'policies.resourceQuota.quota.pods: 50 has no effect: policies.resourceQuota.quota.count/pods limits the same, at 20 (the chart\'s ' +
        'default), and Kubernetes enforces the stricter of the two. To allow 50, set policies.resourceQuota.quota.count/pods to the same ' +
        'too; else give at most 20.',
    );
    expect(() => synthVCluster({ policies: { resourceQuota: { quota: { cpu: Cpu.units(16) } } } })).toThrow(
      'policies.resourceQuota.quota.cpu: 16 has no effect: policies.resourceQuota.quota["requests.cpu"] limits the same, at 10 ' +
        '(the chart\'s default)',
    );
  });

  test('fails when a typed quota entry is looser than the raw values\' one, naming the values path', () => {
    expect(() =>
      synthVCluster({
        policies: { resourceQuota: { quota: { pods: 50, objectCounts: { pods: 50 } } } },
        values: { policies: { resourceQuota: { quota: { 'count/pods': 30 } } } },
      }),
    ).toThrow(
      'policies.resourceQuota.quota.pods: 50 has no effect: policies.resourceQuota.quota.count/pods limits the same, at 30, and Kubernetes ' +
        'enforces the stricter of the two. To allow 50, set policies.resourceQuota.quota.count/pods to the same too',
    );
  });

  test('fails naming the typed entry that is the stricter twin, where the typed props wrote it', () => {
    expect(() => synthVCluster({ policies: { resourceQuota: { quota: { objectCounts: { pods: 10 } } } }, values: {
      policies: { resourceQuota: { quota: { pods: 40 } } },
    } })).toThrow(
      'policies.resourceQuota.quota.pods: 40 has no effect: policies.resourceQuota.quota.objectCounts.pods limits the same, at 10, and ' +
        'Kubernetes enforces the stricter of the two. To allow 40, set policies.resourceQuota.quota.objectCounts.pods to the same too',
    );
  });

  test('accepts a typed quota entry set consistently with its twin, or stricter than the chart\'s', () => {
    const { vc } = synthVCluster({ policies: { resourceQuota: { quota: { pods: 50, objectCounts: { pods: 50 } } } } });
    expect(vc.quotaBudget?.find((l) => l.resource === 'count/pods')?.hard).toBe('50');
    expect(() => synthVCluster({ policies: { resourceQuota: { quota: { pods: 15 } } } })).not.toThrow();
  });

  test('a limit range takes defaults, minimums and maximums', () => {
    const { manifests } = synthVCluster({
      policies: { limitRange: { min: { cpu: Cpu.millis(10) }, max: { memory: Size.gibibytes(4), cpu: Cpu.units(2) } } },
    });
    expect(manifest(manifests, 'LimitRange').spec.limits[0]).toEqual({
      default: { 'cpu': '1', 'ephemeral-storage': '8Gi', 'memory': '512Mi' },
      defaultRequest: { 'cpu': '100m', 'ephemeral-storage': '3Gi', 'memory': '128Mi' },
      min: { cpu: '10m' },
      max: { cpu: '2', memory: '4Gi' },
      type: 'Container',
    });
  });

  test('network policies take the public egress exceptions and extra rules', () => {
    const { manifests } = synthVCluster({
      policies: {
        networkPolicy: {
          publicEgress: { except: ['10.0.0.0/8', '169.254.169.254/32'] },
          workload: {
            egress: [
              {
                to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
                ports: [{ port: k8s.IntOrString.fromNumber(9090), protocol: 'TCP' }],
              },
            ],
          },
        },
      },
    });
    const egress = manifest(manifests, 'NetworkPolicy', 'vc-work-vc1').spec.egress;
    expect(egress).toContainEqual({ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '169.254.169.254/32'] } }] });
    expect(egress[egress.length - 1]).toEqual({
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
      ports: [{ port: 9090, protocol: 'TCP' }],
    });
  });

  test('imports the docs\' public egress range, given without its switch (on by default), as typed props that render what the chart renders', () => {
    const result = vc1('policies:\n  networkPolicy:\n    enabled: true\n    workload:\n      publicEgress:\n        cidr: 172.19.10.23/32\n');
    expect(result.raw).toEqual({});
    expect(result.program).toContain("networkPolicy: { publicEgress: { cidr: '172.19.10.23/32' } }");
    const { options } = result;
    const rendered = renderTemplate({ name: options.name, namespace: options.namespace, values: options.values });
    expect(compareManifests(rendered, runProgram(result.program), true)).toEqual([]);
  });

  test('network policies can close public egress', () => {
    const { manifests } = synthVCluster({ policies: { networkPolicy: { publicEgress: false } } });
    const egress = manifest(manifests, 'NetworkPolicy', 'vc-work-vc1').spec.egress;
    expect(egress.some((rule: any) => rule.to?.some((peer: any) => peer.ipBlock))).toBe(false);
  });

  test('the Pod Security Standard is written to the values', () => {
    expect(synthVCluster({ policies: { podSecurityStandard: PodSecurityStandard.RESTRICTED } }).vc.values.policies.podSecurityStandard).toBe(
      'restricted',
    );
  });

  describe('in multi-namespace mode', () => {
    const props = {
      policies: { resourceQuota: quota },
      sync: {
        toHost: { namespaces: { mappings: { 'team-a': 'vc1-team-a', 'team-b': 'vc1-team-b', 'dev-*': 'vc1-dev-*' }, hostNamespaces: ['vc1-dev-1'] } },
      },
    };

    test('copies the quota and limit range into every declared host namespace, under stable ids', () => {
      const { vc, manifests } = synthVCluster(props);
      for (const ns of ['vc1-team-a', 'vc1-team-b', 'vc1-dev-1']) {
        expect(vc.findApiObject(`ResourceQuota-${ns}`)?.metadata.namespace).toBe(ns);
        expect(vc.findApiObject(`LimitRange-${ns}`)?.metadata.namespace).toBe(ns);
      }
      const quotas = manifests.filter((m) => m.kind === 'ResourceQuota');
      expect(quotas.map((q) => q.metadata.namespace)).toEqual(['vc1', 'vc1-team-a', 'vc1-team-b', 'vc1-dev-1']);
      for (const q of quotas) expect(q.spec).toEqual(quotas[0].spec);
      expect(vc.values.sync.toHost.namespaces).toMatchObject({ enabled: true, mappings: { byName: props.sync.toHost.namespaces.mappings } });
    });

    test('emits every host namespace a copy targets, before the copies and protected like the own one', () => {
      const { manifests } = synthVCluster(props);
      const namespaces = manifests.filter((m) => m.kind === 'Namespace');
      expect(namespaces.map((n) => n.metadata.name)).toEqual(['vc1', 'vc1-team-a', 'vc1-team-b', 'vc1-dev-1']);
      const targets = manifests.filter((m) => m.kind === 'ResourceQuota' || m.kind === 'LimitRange').map((m) => m.metadata.namespace);
      for (const ns of targets) expect(namespaces.map((n) => n.metadata.name)).toContain(ns);
      for (const n of namespaces) {
        expect(n.metadata.annotations).toEqual({
          'argocd.argoproj.io/sync-wave': '-1',
          'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false',
        });
      }
      // The labels vCluster puts on the host namespaces it creates (pkg/controllers/resources/namespaces/syncer.go).
      expect(manifest(manifests, 'Namespace', 'vc1-team-a').metadata.labels).toEqual({
        'vcluster.loft.sh/vcluster-name': 'vc1',
        'vcluster.loft.sh/vcluster-namespace': 'vc1',
      });
    });

    test('gives the emitted host namespaces the extra labels too', () => {
      const { manifests } = synthVCluster({
        sync: { toHost: { namespaces: { mappings: { 'team-a': 'vc1-team-a' }, extraLabels: { tenant: 'a' } } } },
      });
      expect(manifest(manifests, 'Namespace', 'vc1-team-a').metadata.labels).toMatchObject({ tenant: 'a', 'vcluster.loft.sh/vcluster-name': 'vc1' });
    });

    test('resolves ${name} in the mappings to the release name, as vCluster does', () => {
      const { manifests } = synthVCluster({
        policies: { resourceQuota: quota },
        sync: { toHost: { namespaces: { mappings: { 'team-a': '${name}-team-a', 'dev-*': '${name}-dev-*' }, hostNamespaces: ['vc1-dev-1'] } } },
      });
      expect(manifests.filter((m) => m.kind === 'ResourceQuota').map((q) => q.metadata.namespace)).toEqual(['vc1', 'vc1-team-a', 'vc1-dev-1']);
    });

    test('leaves the host namespaces out with createNamespace false, but still copies into them', () => {
      const { manifests } = synthVCluster({ ...props, createNamespace: false });
      expect(manifests.filter((m) => m.kind === 'Namespace')).toEqual([]);
      expect(manifests.filter((m) => m.kind === 'ResourceQuota')).toHaveLength(4);
    });

    test('fails when a pattern creates host namespaces that would get no quota', () => {
      expect(() =>
        synthVCluster({ policies: { resourceQuota: quota }, sync: { toHost: { namespaces: { mappings: { 'dev-*': 'vc1-dev-*' } } } } }),
      ).toThrow(
        'sync.toHost.namespaces.hostNamespaces: the host namespaces that the pattern "vc1-dev-*" will create get no ResourceQuota or LimitRange, ' +
          'so their workloads escape the quota. Declare them here (e.g. "vc1-dev-example"), map exact names instead, or set ' +
          'allowPatternsWithoutQuota: true. Got nothing.',
      );
    });

    test('accepts a pattern without declared host namespaces when asked to, or when there is no quota', () => {
      const mappings = { 'dev-*': 'vc1-dev-*' };
      const allowed = synthVCluster({
        policies: { resourceQuota: quota },
        sync: { toHost: { namespaces: { mappings, allowPatternsWithoutQuota: true } } },
      });
      expect(allowed.manifests.filter((m) => m.kind === 'ResourceQuota')).toHaveLength(1);
      expect(() => synthVCluster({ sync: { toHost: { namespaces: { mappings } } } })).not.toThrow();
    });

    test('fails when a declared host namespace is one no mapping leads to', () => {
      expect(() => synthVCluster({ sync: { toHost: { namespaces: { mappings: { 'dev-*': 'vc1-dev-*' }, hostNamespaces: ['vc1-prod'] } } } })).toThrow(
        'sync.toHost.namespaces.hostNamespaces: lists a host namespace that no mapping leads to, so vCluster never uses it; ' +
        'remove it, or map a virtual namespace to it (patterns: "vc1-dev-*"). Got "vc1-prod".',
      );
    });

    test('fails when a pattern has more than one "*"', () => {
      expect(() => synthVCluster({ sync: { toHost: { namespaces: { mappings: { '*-dev-*': 'vc1-*-dev-*' } } } } })).toThrow(
        'sync.toHost.namespaces.mappings: a pattern has one "*" on each side, e.g. { "team-*": "vc1-team-*" }. Got {"*-dev-*":"vc1-*-dev-*"}.',
      );
    });

    test('copies nothing when the chart renders no quota', () => {
      const { manifests } = synthVCluster({ sync: props.sync });
      expect(manifests.filter((m) => m.kind === 'ResourceQuota')).toEqual([]);
    });

    test('fails when no namespace is mapped', () => {
      expect(() => synthVCluster({ sync: { toHost: { namespaces: { mappings: {} } } } })).toThrow(
        'sync.toHost.namespaces.mappings: multi-namespace mode needs at least one mapping of a virtual namespace to a host namespace, e.g. ' +
          '{ "team-a": "vc1-team-a" }. Got {}.',
      );
    });

    test('fails when a declared host namespace is not a namespace name', () => {
      expect(() => synthVCluster({ sync: { toHost: { namespaces: { mappings: { a: 'Team_A' } } } } })).toThrow(
        /^test\/vc1 \(release vc1\): sync\.toHost\.namespaces: host namespace "Team_A" must be a DNS label/,
      );
    });
  });

  test('fails when a default request exceeds the default limit', () => {
    expect(() => synthVCluster({
      policies: { limitRange: { default: { memory: Size.mebibytes(256) }, defaultRequest: { memory: Size.mebibytes(512) } } },
    })).toThrow('policies.limitRange.defaultRequest.memory: must not exceed default.memory (256Mi). Got "512Mi".');
  });

  test('fails when an object count is negative', () => {
    expect(() => synthVCluster({ policies: { resourceQuota: { quota: { pods: -1 } } } })).toThrow(
      'policies.resourceQuota.quota.pods: must be a whole number of at least 0. Got -1.',
    );
  });

  test('fails when a public egress exception is not a CIDR', () => {
    expect(() => synthVCluster({ policies: { networkPolicy: { publicEgress: { except: ['10.0.0.0'] } } } })).toThrow(
      'policies.networkPolicy.publicEgress.except[0]: must be a CIDR such as "10.0.0.0/8". Got "10.0.0.0".',
    );
  });
});
