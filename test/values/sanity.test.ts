import { CHART_VERSIONS, chartData, DEFAULT_CHART_VERSION } from '../../src/values/chart-version';
import { ValueMap } from '../../src/values/value-map';
import { coalesceValues } from '../../src/values/coalesce';
import { ValuesError } from '../../src/values/errors';
import { toggleFieldPaths, validateBeyondChart } from '../../src/values/sanity';

/** Runs the checks on the user values coalesced with the chart defaults, as the pipeline does. */
const check = (user: ValueMap, version = DEFAULT_CHART_VERSION) => () =>
  validateBeyondChart(coalesceValues(chartData(version).defaults as ValueMap, user), user, version);

function errorFor(user: ValueMap): ValuesError {
  try {
    check(user)();
  } catch (e) {
    if (e instanceof ValuesError) return e;
    throw e;
  }
  throw new Error('expected the values to be refused');
}

const ETCD = (statefulSet: ValueMap): ValueMap => ({
  controlPlane: { backingStore: { etcd: { deploy: { enabled: true, statefulSet } } } },
});

describe('validation beyond the chart', () => {
  test('accepts the chart defaults', () => {
    expect(check({})).not.toThrow();
  });

  test('fails when a resource quantity is malformed', () => {
    const e = errorFor({ controlPlane: { statefulSet: { resources: { limits: { memory: '5Gx' } } } } });
    expect(e.path).toBe('controlPlane.statefulSet.resources.limits.memory');
    expect(e.message).toBe(
      'controlPlane.statefulSet.resources.limits.memory: expected a Kubernetes quantity such as 500m, 2, 512Mi or 5Gi, got "5Gx". ' +
        'Write a number with an optional suffix: m (milli), k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei, or an exponent such as 1e3.',
    );
  });

  test('checks the resources of every container the values carry, wherever they are', () => {
    const bad = { limits: { cpu: '1.2.3' } };
    const cases: [ValueMap, string][] = [
      [{ controlPlane: { distro: { k8s: { resources: bad } } } }, 'controlPlane.distro.k8s.resources.limits.cpu'],
      [ETCD({ resources: bad }), 'controlPlane.backingStore.etcd.deploy.statefulSet.resources.limits.cpu'],
      [{ controlPlane: { coredns: { deployment: { resources: bad } } } }, 'controlPlane.coredns.deployment.resources.limits.cpu'],
      [{ sync: { toHost: { pods: { rewriteHosts: { initContainer: { resources: bad } } } } } },
        'sync.toHost.pods.rewriteHosts.initContainer.resources.limits.cpu'],
      [{ plugins: { hooks: { image: 'hooks:1', resources: bad } } }, 'plugins.hooks.resources.limits.cpu'],
      [{ controlPlane: { statefulSet: { initContainers: [{ name: 'a' }, { name: 'b', resources: bad }] } } },
        'controlPlane.statefulSet.initContainers[1].resources.limits.cpu'],
      [{ controlPlane: { statefulSet: { sidecarContainers: [{ name: 'log', resources: { requests: { memory: 'abc' } } }] } } },
        'controlPlane.statefulSet.sidecarContainers[0].resources.requests.memory'],
      [
        { controlPlane: { statefulSet: { persistence: { volumeClaimTemplates: [{ metadata: { name: 'data' },
          spec: { resources: { requests: { storage: '5 Gi' } } } }] } } } },
        'controlPlane.statefulSet.persistence.volumeClaimTemplates[0].spec.resources.requests.storage',
      ],
    ];
    for (const [user, path] of cases) {
      const e = errorFor(user);
      expect(e.path).toBe(path);
      expect(e.message).toMatch(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}: expected a Kubernetes quantity`));
    }
  });

  test('reads resources only where they are requests and limits, not RBAC rule lists', () => {
    expect(check({ rbac: { role: { extraRules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] } } })).not.toThrow();
  });

  test('accepts quantities given as numbers', () => {
    expect(check({ controlPlane: { statefulSet: { resources: { limits: { cpu: 2 }, requests: { cpu: 0.5 } } } } })).not.toThrow();
  });

  test('fails when a resource amount is negative', () => {
    expect(errorFor({ controlPlane: { distro: { k8s: { resources: { requests: { cpu: '-40m' } } } } } }).message).toBe(
      'controlPlane.distro.k8s.resources.requests.cpu: expected a quantity of at least 0, got "-40m"; Kubernetes refuses negative amounts. ' +
        'Give a positive amount.',
    );
  });

  test('fails when a request exceeds its limit, saying when the request is the chart default', () => {
    expect(errorFor({ controlPlane: { statefulSet: { resources: { limits: { memory: '128Mi' } } } } }).message).toBe(
      'controlPlane.statefulSet.resources.requests.memory: the request "256Mi" (the chart\'s default) is more than the limit 128Mi ' +
        '(controlPlane.statefulSet.resources.limits.memory); Kubernetes refuses a container whose request exceeds its limit. ' +
        'Lower the request to at most 128Mi, or raise the limit.',
    );
    expect(errorFor({ controlPlane: { coredns: { deployment: { resources: { requests: { cpu: '1.5' } } } } } }).message)
      .toMatch(/^controlPlane\.coredns\.deployment\.resources\.requests\.cpu: the request "1\.5" is more than the limit 1 /);
  });

  test('fails when a quota quantity is malformed, bracketing keys with dots', () => {
    expect(errorFor({ policies: { resourceQuota: { quota: { 'requests.cpu': 'lots' } } } }).message).toBe(
      'policies.resourceQuota.quota["requests.cpu"]: expected a Kubernetes quantity such as 500m, 2, 512Mi or 5Gi, got "lots". ' +
        'Write a number with an optional suffix: m (milli), k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei, or an exponent such as 1e3.',
    );
  });

  test('fails when a quota object count is not a non-negative whole number', () => {
    expect(errorFor({ policies: { resourceQuota: { quota: { 'count/pods': 2.5 } } } }).message).toBe(
      'policies.resourceQuota.quota.count/pods: expected a whole number of objects (0 or more), got 2.5; count/pods counts objects. Give a ' +
        'count such as 20.',
    );
    expect(errorFor({ policies: { resourceQuota: { quota: { pods: '-1' } } } }).path).toBe('policies.resourceQuota.quota.pods');
    expect(errorFor({ policies: { resourceQuota: { quota: { 'services.nodeports': 'none' } } } }).path).toBe(
      'policies.resourceQuota.quota["services.nodeports"]',
    );
    expect(check({ policies: { resourceQuota: { quota: { pods: '1k', 'count/deployments.apps': 5 } } } })).not.toThrow();
  });

  test('fails when a limit range quantity is malformed', () => {
    for (const kind of ['default', 'defaultRequest', 'min', 'max']) {
      expect(errorFor({ policies: { limitRange: { [kind]: { memory: '1.2.3Mi' } } } }).path).toBe(`policies.limitRange.${kind}.memory`);
    }
  });

  test('fails when a persistence size is malformed or zero', () => {
    expect(errorFor({ controlPlane: { statefulSet: { persistence: { volumeClaim: { size: '5GB' } } } } }).path)
      .toBe('controlPlane.statefulSet.persistence.volumeClaim.size');
    expect(errorFor(ETCD({ persistence: { volumeClaim: { size: '0' } } })).message).toBe(
      'controlPlane.backingStore.etcd.deploy.statefulSet.persistence.volumeClaim.size: expected a quantity of more than 0, got "0"; ' +
        'Kubernetes refuses an empty size. Give a size such as 5Gi.',
    );
  });

  test('fails when a replica count is zero or negative', () => {
    expect(errorFor({ controlPlane: { statefulSet: { highAvailability: { replicas: 0 } } } }).message).toBe(
      'controlPlane.statefulSet.highAvailability.replicas: expected at least 1 replica, got 0; with none, nothing runs. Set 1, or 3 or more ' +
        'for high availability.',
    );
    expect(errorFor(ETCD({ highAvailability: { replicas: -1 } })).path).toBe(
      'controlPlane.backingStore.etcd.deploy.statefulSet.highAvailability.replicas',
    );
    expect(errorFor({ controlPlane: { coredns: { deployment: { replicas: 0 } } } }).path).toBe('controlPlane.coredns.deployment.replicas');
  });

  test('fails when a port is out of range', () => {
    expect(errorFor({ controlPlane: { proxy: { port: 70000 } } }).message).toBe(
      'controlPlane.proxy.port: expected a port from 1 to 65535, got 70000. Choose a port in that range.',
    );
    expect(errorFor({ controlPlane: { proxy: { port: 0 } } }).path).toBe('controlPlane.proxy.port');
  });

  test('fails when a node port is outside the default Kubernetes node port range', () => {
    expect(errorFor({ controlPlane: { service: { httpsNodePort: 8443 } } }).message).toBe(
      'controlPlane.service.httpsNodePort: expected 0 (Kubernetes picks the port) or a node port from 30000 to 32767 ' +
        "(Kubernetes' default --service-node-port-range), got 8443. Use 0 or a port in that range.",
    );
    expect(errorFor({ controlPlane: { service: { kubeletNodePort: 40000 } } }).path).toBe('controlPlane.service.kubeletNodePort');
    expect(check({ controlPlane: { service: { httpsNodePort: 30000, kubeletNodePort: 32767 } } })).not.toThrow();
  });

  test('fails when a three-valued toggle is not true, false or "auto"', () => {
    expect(errorFor({ sync: { fromHost: { storageClasses: { enabled: 'maybe' } } } }).message).toBe(
      'sync.fromHost.storageClasses.enabled: expected true, false or "auto", got "maybe"; vCluster reads any other string as false. ' +
        'Use true, false, or "auto" to let vCluster decide.',
    );
    expect(errorFor({ policies: { resourceQuota: { enabled: 'false' } } }).message).toBe(
      'policies.resourceQuota.enabled: expected true, false or "auto", got "false" (quoted); the chart\'s templates read that string as enabled ' +
        'while vCluster reads it as false. Write false without quotes.',
    );
    expect(
      check({ sync: { fromHost: { storageClasses: { enabled: true }, csiNodes: { enabled: false } } }, rbac: { clusterRole: { enabled: 'auto' } } }),
    ).not.toThrow();
  });

  test('accepts the string "true", which vCluster and the chart both read as true', () => {
    expect(check({ rbac: { clusterRole: { enabled: 'true' } } })).not.toThrow();
  });

  test.each(CHART_VERSIONS.map((v) => [v]))(
    'derives the %s toggles from its schema, covering every toggle its chart defaults to "auto"',
    (version) => {
      const toggles = toggleFieldPaths(version);
      const autoByDefault: string[] = [];
      const find = (v: unknown, path: string): void => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
        for (const [k, sub] of Object.entries(v)) {
          if (k === 'enabled' && sub === 'auto') autoByDefault.push(`${path}.enabled`);
          else find(sub, path ? `${path}.${k}` : k);
        }
      };
      find(chartData(version).defaults, '');
      expect(autoByDefault.length).toBeGreaterThan(5);
      expect(toggles).toEqual(expect.arrayContaining(autoByDefault));
      // Toggles whose default is a plain boolean are three-valued too, when the schema says so.
      expect(toggles).toContain('sync.fromHost.storageClasses.enabled');
    },
  );

  test('fails when a closed enum has a value Kubernetes or vCluster does not know', () => {
    expect(errorFor({ controlPlane: { ingress: { pathType: 'prefix' } } }).message).toBe(
      'controlPlane.ingress.pathType: expected one of Exact, Prefix, ImplementationSpecific, got "prefix"; ' +
        'Kubernetes refuses an Ingress path of any other type. Did you mean Prefix? Values are case-sensitive.',
    );
    expect(errorFor({ controlPlane: { statefulSet: { scheduling: { podManagementPolicy: 'Serial' } } } }).message).toBe(
      'controlPlane.statefulSet.scheduling.podManagementPolicy: expected one of OrderedReady, Parallel, got "Serial"; ' +
        'Kubernetes refuses a StatefulSet with any other policy. Use one of OrderedReady, Parallel.',
    );
    expect(errorFor({ controlPlane: { statefulSet: { sidecarContainers: [{ name: 'x', imagePullPolicy: 'Sometimes' }] } } }).message).toBe(
      'controlPlane.statefulSet.sidecarContainers[0].imagePullPolicy: expected one of "" (unset), Always, IfNotPresent, Never, got "Sometimes"; ' +
        'Kubernetes refuses any other pull policy. Use one of Always, IfNotPresent, Never.',
    );
    expect(errorFor(ETCD({ persistence: { volumeClaim: { retentionPolicy: 'Keep' } } })).message).toBe(
      'controlPlane.backingStore.etcd.deploy.statefulSet.persistence.volumeClaim.retentionPolicy: expected one of Retain, Delete, got "Keep"; ' +
        "Kubernetes knows no other retention policy for a StatefulSet's claims. Use one of Retain, Delete.",
    );
    expect(errorFor({ controlPlane: { service: { spec: { type: 'Nodeport' } } } }).message).toBe(
      'controlPlane.service.spec.type: expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, got "Nodeport"; ' +
        'Kubernetes refuses a Service of any other type. Did you mean NodePort? Values are case-sensitive.',
    );
    expect(errorFor({ controlPlane: { coredns: { service: { spec: { type: 'Internal' } } } } }).path).toBe('controlPlane.coredns.service.spec.type');
    expect(errorFor({ logging: { encoding: 'text' } }).message).toBe(
      'logging.encoding: expected one of console, json, got "text"; vCluster only writes logs in these formats. Use one of console, json.',
    );
    expect(errorFor({ controlPlane: { distro: { k8s: { imagePullPolicy: 'always' } } } }).path).toBe('controlPlane.distro.k8s.imagePullPolicy');
  });

  test('accepts an empty imagePullPolicy, which leaves the choice to Kubernetes', () => {
    expect(check({ controlPlane: { statefulSet: { imagePullPolicy: '' }, distro: { k8s: { imagePullPolicy: 'Always' } } } })).not.toThrow();
  });

  test('fails when runAsNonRoot is set while the chart default still runs the syncer as user 0', () => {
    const e = errorFor({ controlPlane: { statefulSet: { security: { containerSecurityContext: { runAsNonRoot: true } } } } });
    expect(e.path).toBe('controlPlane.statefulSet.security.containerSecurityContext.runAsNonRoot');
    expect(e.message).toBe(
      'controlPlane.statefulSet.security.containerSecurityContext.runAsNonRoot: true, but the control plane container syncer runs as root: ' +
        "runAsUser is 0 from controlPlane.statefulSet.security.containerSecurityContext.runAsUser (the chart's default). " +
        'The kubelet refuses to start it ("container has runAsNonRoot and image will run as root"). ' +
        'Set controlPlane.statefulSet.security.containerSecurityContext.runAsUser to a non-zero UID (e.g. 1000), or drop runAsNonRoot.',
    );
  });

  test('fails when runAsNonRoot meets a runAsUser: 0 the user set, without blaming the chart default', () => {
    const e = errorFor({ controlPlane: { statefulSet: { security: { containerSecurityContext: { runAsNonRoot: true, runAsUser: 0 } } } } });
    expect(e.message).toBe(
      'controlPlane.statefulSet.security.containerSecurityContext.runAsNonRoot: true, but the control plane container syncer runs as root: ' +
        'runAsUser is 0 from controlPlane.statefulSet.security.containerSecurityContext.runAsUser. ' +
        'The kubelet refuses to start it ("container has runAsNonRoot and image will run as root"). ' +
        'Set controlPlane.statefulSet.security.containerSecurityContext.runAsUser to a non-zero UID (e.g. 1000), or drop runAsNonRoot.',
    );
  });

  test('fails when a request the user set equals the chart default but exceeds a lowered limit, without blaming the chart default', () => {
    const limit = { controlPlane: { statefulSet: { resources: { limits: { memory: '128Mi' } } } } };
    expect(errorFor(limit).message).toContain('the request "256Mi" (the chart\'s default) is more than the limit 128Mi');
    const both = { controlPlane: { statefulSet: { resources: { requests: { memory: '256Mi' }, limits: { memory: '128Mi' } } } } };
    expect(errorFor(both).message).toContain('the request "256Mi" is more than the limit 128Mi');
  });

  test('fails when the pod security context asks for non-root and a container runs as user 0', () => {
    expect(errorFor({ controlPlane: { statefulSet: { security: { podSecurityContext: { runAsNonRoot: true } } } } }).message)
      .toMatch(/^controlPlane\.statefulSet\.security\.podSecurityContext\.runAsNonRoot: true, but the control plane container syncer runs as root/);
    // The distro init container has no context of its own: it takes both from the pod.
    const e = errorFor({
      controlPlane: {
        statefulSet: { security: { podSecurityContext: { runAsNonRoot: true, runAsUser: 0 }, containerSecurityContext: { runAsUser: 1000 } } },
      },
    });
    expect(e.message).toBe(
      'controlPlane.statefulSet.security.podSecurityContext.runAsNonRoot: true, but the control plane container kubernetes (init) runs as root: ' +
        'runAsUser is 0 from controlPlane.statefulSet.security.podSecurityContext.runAsUser. ' +
        'The kubelet refuses to start it ("container has runAsNonRoot and image will run as root"). ' +
        'Set controlPlane.distro.k8s.securityContext.runAsUser to a non-zero UID (e.g. 1000), or drop runAsNonRoot.',
    );
  });

  test('fails when deployed etcd or CoreDNS would run as root with runAsNonRoot', () => {
    expect(errorFor(ETCD({ security: { containerSecurityContext: { runAsNonRoot: true, runAsUser: 0 } } })).message).toMatch(
      /^controlPlane\.backingStore\.etcd\.deploy\.statefulSet\.security\.containerSecurityContext\.runAsNonRoot: true, but the etcd container etcd runs as root/,
    );
    expect(
      errorFor({
        controlPlane: { coredns: { security: { podSecurityContext: { runAsUser: 0 }, containerSecurityContext: { runAsNonRoot: true } } } },
      }).message,
    ).toMatch(
      /^controlPlane\.coredns\.security\.containerSecurityContext\.runAsNonRoot: true, but the CoreDNS container coredns runs as root: runAsUser is 0 from controlPlane\.coredns\.security\.podSecurityContext\.runAsUser\./,
    );
  });

  test('accepts runAsNonRoot with a non-root user, and contexts of pods that do not run', () => {
    // The tutorial's rootless step.
    expect(check({ controlPlane: { statefulSet: { security: { podSecurityContext: { fsGroup: 12345 },
      containerSecurityContext: { runAsUser: 12345, runAsGroup: 12345, runAsNonRoot: true } } } } })).not.toThrow();
    // vCluster gives CoreDNS its own non-root container context when none is set.
    expect(check({ controlPlane: { coredns: { security: { podSecurityContext: { runAsNonRoot: true, runAsUser: 0 } } } } })).not.toThrow();
    // etcd is not deployed by default; embedded CoreDNS runs inside the syncer.
    expect(
      check({
        controlPlane: {
          backingStore: { etcd: { deploy: { statefulSet: { security: { containerSecurityContext: { runAsNonRoot: true, runAsUser: 0 } } } } } },
        },
      }),
    ).not.toThrow();
    expect(
      check({ controlPlane: { coredns: { embedded: true, security: { containerSecurityContext: { runAsNonRoot: true, runAsUser: 0 } } } } }),
    ).not.toThrow();
  });

  test('reports every problem at once, one per line, in the order of the values', () => {
    const e = errorFor({ controlPlane: { proxy: { port: -1 }, statefulSet: { highAvailability: { replicas: 0 } } }, logging: { encoding: 'xml' } });
    expect(e.path).toBe('controlPlane.proxy.port');
    expect(e.message.split('\n').map((line) => line.split(':')[0])).toEqual([
      'controlPlane.proxy.port',
      'controlPlane.statefulSet.highAvailability.replicas',
      'logging.encoding',
    ]);
  });
});
