import { Chart, JsonPatch, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-31';
import { ValuesError, VCluster, VClusterProps, VClusterValues } from '../src';

describe('VCluster', () => {
  test('names the release after the construct id and the namespace after the release by default', () => {
    const chart = Testing.chart();
    const vc = new VCluster(chart, 'team-a');
    expect(vc.name).toBe('team-a');
    expect(vc.namespace).toBe('team-a');
    const secret = Testing.synth(chart).find((o) => o.kind === 'Secret');
    expect(secret.metadata).toMatchObject({ name: 'vc-config-team-a', namespace: 'team-a' });
  });

  test("uses the enclosing chart's namespace when none is given", () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'platform' });
    expect(new VCluster(chart, 'vc').namespace).toBe('platform');
  });

  test("gives cluster-scoped objects no namespace, whatever the enclosing chart's namespace (the chart renders them with none)", () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'team-x' });
    new VCluster(chart, 'vc', {
      values: {
        sync: { fromHost: { nodes: { enabled: true } } },
        experimental: { deploy: { host: { manifests: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ' +
          'fast\nprovisioner: x\n' } } },
      },
    });
    const objects = Testing.synth(chart);
    const scoped = ['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass'];
    const kinds = objects.filter((o) => scoped.includes(o.kind)).map((o) => [o.kind, o.metadata.namespace]);
    expect(kinds.sort()).toEqual(scoped.map((k) => [k, undefined]).sort());
    expect(objects.filter((o) => !scoped.includes(o.kind)).every((o) => o.metadata.namespace === 'team-x')).toBe(true);
  });

  test('exposes the full values: the chart defaults coalesced with the given ones', () => {
    const vc = new VCluster(Testing.chart(), 'vc', { values: { controlPlane: { ingress: { enabled: true, host: 'vc.example.com' } } } });
    expect(vc.values.controlPlane.ingress).toMatchObject({ enabled: true, host: 'vc.example.com', pathType: 'ImplementationSpecific' });
    expect(vc.values.sync.toHost.pods.enabled).toBe(true);
  });

  test('makes the rendered objects reachable by stable ids for patching', () => {
    const chart = Testing.chart();
    const vc = new VCluster(chart, 'vc');
    const cp = vc.findApiObject('ControlPlane');
    expect(cp?.kind).toBe('StatefulSet');
    cp!.addJsonPatch(JsonPatch.add('/metadata/labels/team', 'a'));
    const synthesized = Testing.synth(chart).find((o) => o.kind === 'StatefulSet');
    expect(synthesized.metadata.labels.team).toBe('a');
  });

  test('fails when it renders values that are refused, naming the key path', () => {
    expect(() => new VCluster(Testing.chart(), 'vc', {
      values: { controlPlane: { backingStore: { etcd: { deploy: { enabled: true }, embedded: { enabled: true } } } } },
    }).apiObjects).toThrow(/controlPlane\.backingStore: you can only enable one backingStore at the same time/);
  });

  test("fails when kubeVersion, the host's version, is given with a \"v\" as the virtual cluster's version is, pointing to kubernetesVersion", () => {
    expect(() => new VCluster(Testing.chart(), 'vc1', { kubeVersion: 'v1.32.1' })).toThrow(
      'kubeVersion: is the host cluster\'s Kubernetes version, written without "v" (e.g. "1.32.1"). ' +
        'For the virtual cluster\'s Kubernetes version, set kubernetesVersion: "v1.32.1". Got "v1.32.1".',
    );
    expect(() => new VCluster(Testing.chart(), 'vc2', { kubeVersion: '1.32.1', kubernetesVersion: 'v1.32.1' })).not.toThrow();
  });

  test("fails when runAsNonRoot meets a runAsUser: 0 set in raw values, blaming the values rather than the chart's default", () => {
    const security = { containerSecurityContext: { runAsNonRoot: true, runAsUser: 0 } };
    expect(() => new VCluster(Testing.chart(), 'vc1', { values: { controlPlane: { statefulSet: { security } } } }).apiObjects)
      .toThrow(/runAsUser is 0 from controlPlane\.statefulSet\.security\.containerSecurityContext\.runAsUser\. The kubelet refuses/);
  });

  test('emits the host namespace first, in ArgoCD sync wave -1, protected from prune and delete', () => {
    const chart = Testing.chart();
    new VCluster(chart, 'vc', { namespace: 'team-a' });
    const [first] = Testing.synth(chart);
    // ArgoCD's per-resource sync options (user-guide/sync-options.md: "No Prune Resources", "No Resource Deletion").
    expect(first).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'team-a',
        annotations: { 'argocd.argoproj.io/sync-wave': '-1', 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false' },
      },
    });
  });

  test('lets ArgoCD prune and delete the namespace when deletion protection is turned off', () => {
    const chart = Testing.chart();
    new VCluster(chart, 'vc', { namespace: 'team-a', deletionProtection: false });
    expect(Testing.synth(chart)[0].metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-1' });
  });

  test('leaves the namespace out when createNamespace is false', () => {
    const chart = Testing.chart();
    new VCluster(chart, 'vc', { createNamespace: false });
    expect(Testing.synth(chart).map((o) => o.kind)).not.toContain('Namespace');
  });

  test('renders the same objects on every synth', () => {
    const synth = () => {
      const chart = Testing.chart();
      new VCluster(chart, 'vc');
      return JSON.stringify(Testing.synth(chart));
    };
    expect(synth()).toEqual(synth());
  });

  describe('built to be extended', () => {
    test('takes extra SANs and init manifests added after construction, read when it renders', () => {
      const chart = Testing.chart();
      const vc = new VCluster(chart, 'vc1', { extraSans: ['a.example.com'] });
      vc.addExtraSan('10.0.0.1');
      const workloads = new Chart(Testing.app(), 'workloads');
      vc.addInitManifests(workloads);
      // Built after it was handed over: what counts is what the chart holds when the virtual cluster renders.
      new k8s.KubeConfigMap(workloads, 'cm', { metadata: { name: 'hello' } });
      Testing.synth(chart);
      expect(vc.values.controlPlane.proxy.extraSANs).toEqual(['a.example.com', '10.0.0.1']);
      expect(vc.values.experimental.deploy.vcluster.manifests).toContain('name: hello');
    });

    test('mounts a volume added after construction into the control plane, read-only by default', () => {
      const chart = Testing.chart();
      const vc = new VCluster(chart, 'vc1');
      vc.addVolume({ volume: { name: 'db-ca', secret: { secretName: 'db-ca' } }, mountPath: '/certs/db' });
      const sts = Testing.synth(chart).find((m) => m.kind === 'StatefulSet');
      expect(sts.spec.template.spec.volumes).toContainEqual({ name: 'db-ca', secret: { secretName: 'db-ca' } });
      expect(sts.spec.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'db-ca', mountPath: '/certs/db', readOnly: true });
    });

    test('renders what a subclass makes of the final values, which include what the add-methods added', () => {
      const seen: VClusterValues[] = [];
      class Audited extends VCluster {
        protected prepareValues(values: VClusterValues): VClusterValues {
          seen.push(values);
          return {
            ...values,
            controlPlane: { ...values.controlPlane, statefulSet: { ...values.controlPlane?.statefulSet, labels: { audited: 'yes' } } },
          };
        }
      }
      const chart = Testing.chart();
      const vc = new Audited(chart, 'vc1', { values: { controlPlane: { coredns: { deployment: { replicas: 2 } } } } });
      vc.addExtraSan('10.0.0.1');
      const sts = Testing.synth(chart).find((m) => m.kind === 'StatefulSet');
      expect(sts.metadata.labels.audited).toBe('yes');
      expect(seen).toEqual([{ controlPlane: { proxy: { extraSANs: ['10.0.0.1'] }, coredns: { deployment: { replicas: 2 } } } }]);
    });

    test('fails when an add-method is called after the virtual cluster rendered', () => {
      const vc = new VCluster(Testing.chart(), 'vc1');
      expect(vc.findApiObject('ControlPlane')).toBeDefined();
      expect(() => vc.addExtraSan('10.0.0.1')).toThrow(
        'addExtraSan: the virtual cluster "vc1" (test/vc1) is already rendered, as its values or objects were read. ' +
          'Call the add-methods before reading values, apiObjects, quotaBudget or findApiObject.',
      );
    });
  });
});

describe('in an app of several tenants', () => {
  /** Three virtual clusters in three charts; only "vc2" runs two control planes on the embedded database. */
  function threeTenants(): { app: ReturnType<typeof Testing.app>; vcs: VCluster[] } {
    const app = Testing.app();
    const vcs = ['vc1', 'vc2', 'vc3'].map((name) => new VCluster(new Chart(app, `team-${name}`), name, name === 'vc2'
      ? { values: { controlPlane: { statefulSet: { highAvailability: { replicas: 2 } } } } }
      : {}));
    return { app, vcs };
  }

  test('fails synthesis naming the wrong tenant by construct path and release, and only that one', () => {
    const { app } = threeTenants();
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /^Validation failed with the following errors:\n {2}\[team-vc2\/vc2\] release vc2: controlPlane\.statefulSet\.highAvailability\.replicas: several control plane replicas/,
    );
    expect(message).not.toMatch(/vc1|vc3/);
  });

  test('fails reading the values of the wrong tenant, the error naming it and holding the diagnostic as data', () => {
    const { vcs } = threeTenants();
    expect(vcs[0].values.controlPlane.statefulSet.highAvailability.replicas).toBe(1);
    let error: ValuesError | undefined;
    try {
      void vcs[1].values;
    } catch (e) {
      error = e as ValuesError;
    }
    expect(error).toBeInstanceOf(ValuesError);
    expect(error!.message).toMatch(
      /^team-vc2\/vc2 \(release vc2\): controlPlane\.statefulSet\.highAvailability\.replicas: several control plane replicas/,
    );
    expect(error!.diagnostics).toEqual([expect.objectContaining({
      severity: 'error',
      path: 'controlPlane.statefulSet.highAvailability.replicas',
      value: 2,
      tenant: { release: 'vc2', constructPath: 'team-vc2/vc2' },
    })]);
    expect(error!.diagnostics[0].propPath).toBeUndefined();
  });

  test('names the prop path a typed prop wrote, beside the values path', () => {
    const vc = new VCluster(Testing.chart(), 'vc', { controlPlane: { replicas: 2 } });
    let error: ValuesError | undefined;
    try {
      void vc.values;
    } catch (e) {
      error = e as ValuesError;
    }
    expect(error!.diagnostics[0]).toMatchObject({
      path: 'controlPlane.statefulSet.highAvailability.replicas',
      propPath: 'controlPlane.replicas',
      value: 2,
    });
    expect(error!.path).toBe('controlPlane.replicas');
    expect(error!.message).toMatch(/^test\/vc \(release vc\): controlPlane\.replicas: several control plane replicas/);
  });

  test('lists every problem of a tenant in one error, one line each', () => {
    const vc = new VCluster(Testing.chart(), 'vc', {
      values: { controlPlane: { proxy: { port: 70000 }, statefulSet: { highAvailability: { replicas: 2 } } } },
    });
    expect(() => vc.values).toThrow(new RegExp([
      '^test/vc \\(release vc\\): controlPlane\\.proxy\\.port: expected a port from 1 to 65535, got 70000\\. Choose a port in that range\\.',
      'test/vc \\(release vc\\): controlPlane\\.statefulSet\\.highAvailability\\.replicas: several control plane replicas',
    ].join('\n')));
  });
});

describe('typed props and raw values meet the same rules', () => {
  /** The diagnostics a tenant's values are refused with, without the prop path a typed prop adds. */
  function refusal(props: VClusterProps): object[] {
    const vc = new VCluster(Testing.chart(), 'vc', props);
    try {
      void vc.apiObjects;
    } catch (e) {
      if (!(e instanceof ValuesError)) throw e;
      return e.diagnostics.map(({ propPath: _, ...d }) => d);
    }
    throw new Error('expected the values to be refused');
  }

  test.each<[string, VClusterProps, VClusterProps]>([
    ['a quota entry that its stricter twin makes dead',
      { policies: { resourceQuota: { quota: { pods: 50 } } } },
      { values: { policies: { resourceQuota: { enabled: true, quota: { pods: '50' } } } } }],
    ['a label value the API server refuses',
      { controlPlane: { labels: { team: 'platform team' } } },
      { values: { controlPlane: { statefulSet: { labels: { team: 'platform team' } } } } }],
    ['several control plane replicas on the embedded database',
      { controlPlane: { replicas: 2 } },
      { values: { controlPlane: { statefulSet: { highAvailability: { replicas: 2 } } } } }],
  ])('fails alike when %s is written as a typed prop or as raw values, naming the tenant', (_, typed, raw) => {
    const found = refusal(typed);
    expect(found).toEqual(refusal(raw));
    expect(found).toEqual([expect.objectContaining({ severity: 'error', tenant: { release: 'vc', constructPath: 'test/vc' } })]);
  });
});
