import { ApiObject, Chart } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-31';
import { Construct, IConstruct } from 'constructs';
import { VClusterValues } from '../imports/chart-versions';
import { toApiObject } from './api-objects';
import { backingStoreRemoteSecrets } from './props/backing-store';
import { snapshotsRemoteSecrets } from './props/snapshots';
import { diagnoseValues, renderObjects, resolveValues } from './pipeline';
import { isMap, ValueMap } from './values/value-map';
import { hostNamespaces } from './props/sync-to-host';
import { renderInPropTerms } from './props/prop-paths';
import { propsValues } from './props/props-values';
import { fail } from './props/validation';
import { valuesError } from './values/diagnostic';
import { checkPropTypes } from './props/props-schema';
import { checkApiServerLimits } from './api-server-limits';
import { namespaceAnnotations } from './argocd-annotations';
import { claimNamespaces } from './namespace-claims';
import { kubeConfigSecretRbac } from './kubeconfig-secret-rbac';
import { refuseDuplicateObjects } from './duplicate-objects';
import { Manifest, RenderedObject } from './render/context';
import { ConfigSecret } from './props/config-secret';
import { GuardScope, guardOutput } from './secrets/output-guard';
import { validationJson } from './validated-json';
import { formatDiagnostic, ValuesError } from './values/errors';
import { VClusterProps } from './props/vcluster-props';
import { DEFAULT_KUBE_VERSION } from './values/kube-version';
import { budgetEntries, QuotaBudgetEntry } from './analysis/quota-budget';
import { formatFinding, PreflightFinding } from './preflight/finding';

/** Refuses credentials in clear; `ConfigSecret` says where they go instead. */
const DEFAULT_CONFIG_SECRET = ConfigSecret._refuseCredentials();

/** A volume of the control-plane pods and where the control-plane container mounts it. */
export interface AddVolumeOptions {
  /** The volume, e.g. `{ name: 'db-ca', secret: { secretName: 'db-ca' } }`. */
  readonly volume: k8s.Volume;

  /** Where the control-plane container mounts it. */
  readonly mountPath: string;

  /**
   * Mount the volume read-only.
   * @default true
   */
  readonly readOnly?: boolean;

  /**
   * A file or folder of the volume to mount instead of its root.
   * @default - the volume's root
   */
  readonly subPath?: string;
}

/** What a VCluster renders, once. */
interface Rendered {
  readonly values: ValueMap;
  readonly warnings: readonly PreflightFinding[];
  readonly quotaBudget?: readonly QuotaBudgetEntry[];
  readonly apiObjects: readonly ApiObject[];
  /** What the output guard checks the objects with; undefined when it is off. */
  readonly guard?: GuardScope;
}

/**
 * A vCluster virtual Kubernetes cluster: the objects the vCluster Helm chart 0.36.1 renders for
 * the given values, as cdk8s ApiObjects, without helm.
 *
 * It renders once, the first time its output is read (`values`, `apiObjects`, `quotaBudget`,
 * `findApiObject`) or else when the app is synthesized (cdk8s validation runs first), so a
 * subclass or a team can still add to it after construction (`addExtraSan`, `addInitManifests`,
 * `addVolume`) and a subclass can see and change the final values in `prepareValues`. What the
 * props alone decide (the raw values' type, the host version, the namespaces taken) throws at
 * construction; the rest when it renders.
 */
export class VCluster extends Construct {
  /** The release name. */
  public readonly name: string;
  /** The host namespace. */
  public readonly namespace: string;
  /**
   * The labels the chart selects the control-plane pods by (`app: vcluster`, `release: <name>`):
   * for the pod (anti-)affinity, topology spread constraints and network policies of the
   * control plane, e.g. `{ labelSelector: { matchLabels: vc.controlPlaneSelector }, topologyKey:
   * 'kubernetes.io/hostname' }`.
   */
  public readonly controlPlaneSelector: { readonly [key: string]: string };

  private readonly props: VClusterProps;
  private readonly addedSans: string[] = [];
  private readonly addedManifests: IConstruct[] = [];
  private readonly addedVolumes: AddVolumeOptions[] = [];
  private output?: Rendered;

  public constructor(scope: Construct, id: string, props: VClusterProps = {}) {
    super(scope, id);
    this.props = props;
    this.name = props.name ?? id;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? this.name;
    this.controlPlaneSelector = { app: 'vcluster', release: this.name };
    this.asTenant(() => {
      // Named after the tenant too: a release name of the wrong type is shown as given.
      checkPropTypes('VClusterProps', props);
      if (props.values !== undefined && !isMap(props.values)) {
        throw valuesError({ path: 'values', value: props.values, message: (shown) => `expected a map of vcluster.yaml values, got ${shown}.` });
      }
      checkHostKubeVersion(props.kubeVersion);
      // The namespaces are known now (no add-method changes them): a conflict throws at construction.
      claimNamespaces(this, hostNamespaces(props.sync?.toHost, this.name, false).filter((ns) => ns !== this.namespace));
    });
    // cdk8s validates every construct before it synthesizes: the objects exist by then. Each
    // diagnostic is one validation error, which cdk8s prefixes with the construct path.
    this.node.addValidation({
      validate: () => {
        try {
          // The guard sees the objects as they are written, JSON patches applied.
          this.guardOutput();
        } catch (e) {
          if (!(e instanceof ValuesError)) throw e;
          return e.diagnostics.map((d) => formatDiagnostic({ ...d, tenant: { release: this.name } }));
        }
        return [];
      },
    });
    refuseDuplicateObjects(this, { namespace: this.namespace, render: () => this.rendered() });
  }

  /**
   * The full values the virtual cluster runs with (chart defaults coalesced with the given
   * values), frozen: the rendered objects are made from them.
   */
  public get values(): ValueMap {
    return this.rendered().values;
  }

  /** Every rendered object, in Helm's install order. */
  public get apiObjects(): readonly ApiObject[] {
    return this.rendered().apiObjects;
  }

  /**
   * The ResourceQuota of the virtual cluster's namespace against what the virtual cluster itself
   * takes of it (control plane, etcd and CoreDNS pods, their volume claims, its services) and
   * what remains for the workloads, per quota entry, as plain data (`JSON.stringify` works);
   * undefined when the chart renders no quota.
   */
  public get quotaBudget(): readonly QuotaBudgetEntry[] | undefined {
    return this.rendered().quotaBudget;
  }

  /**
   * What the pre-flight found that the host lets in but that fails later or is worth a look (a
   * quota the first workload pod will not fit, Pod Security `warn` or `audit` violations,
   * license-only features). What the host would refuse throws instead.
   */
  public get preflightWarnings(): readonly PreflightFinding[] {
    return this.rendered().warnings;
  }

  /** The rendered object with the given construct id (e.g. "ControlPlane"), if it was rendered. */
  public findApiObject(id: string): ApiObject | undefined {
    return this.apiObjects.find((o) => o.node.id === id);
  }

  /** Adds names (host names, IP addresses) to the API server's certificate, after `extraSans`. */
  public addExtraSan(...names: string[]): void {
    this.beforeRendering('addExtraSan');
    this.addedSans.push(...names);
  }

  /**
   * Adds constructs whose Kubernetes objects the virtual cluster applies inside itself when it
   * starts, after `initManifests`. They are read when the virtual cluster renders.
   */
  public addInitManifests(...scopes: IConstruct[]): void {
    this.beforeRendering('addInitManifests');
    this.addedManifests.push(...scopes);
  }

  /**
   * Adds a volume to the control-plane pods, mounted into the control-plane container (after
   * `controlPlane.volumes` and `volumeMounts`), e.g. a database's CA certificate:
   * `vc.addVolume({ volume: { name: 'db-ca', secret: { secretName: 'db-ca' } }, mountPath: '/certs/db' })`.
   */
  public addVolume(options: AddVolumeOptions): void {
    this.beforeRendering('addVolume');
    this.asTenant(() => checkPropTypes('AddVolumeOptions', options));
    this.addedVolumes.push(options);
  }

  /**
   * The hook a subclass overrides to see, check or change the final values before they are
   * rendered: the vcluster.yaml of the typed props, the add-methods and the raw values, merged
   * (before the chart's defaults), as a copy of its own. Returns the values to render; the
   * chart's rules and schema check them after. By default, the values as they are.
   */
  protected prepareValues(values: VClusterValues): VClusterValues {
    return values;
  }

  private beforeRendering(method: string): void {
    if (this.output !== undefined) {
      throw new Error(`${method}: the virtual cluster "${this.name}" (${this.node.path}) is already rendered, as its values or objects were read. ` +
        'Call the add-methods before reading values, apiObjects, quotaBudget or findApiObject.');
    }
  }

  /** The props with what the add-methods added. */
  private finalProps(): VClusterProps {
    const props = this.props;
    const cp = props.controlPlane;
    const added = this.addedVolumes;
    return {
      ...props,
      ...(this.addedSans.length > 0 ? { extraSans: [...props.extraSans ?? [], ...this.addedSans] } : {}),
      ...(this.addedManifests.length > 0 ? { initManifests: [...props.initManifests ?? [], ...this.addedManifests] } : {}),
      ...(added.length > 0 ? {
        controlPlane: {
          ...cp,
          volumes: [...cp?.volumes ?? [], ...added.map((a) => a.volume)],
          volumeMounts: [...cp?.volumeMounts ?? [], ...added.map((a) => ({ name: a.volume.name, mountPath: a.mountPath,
            readOnly: a.readOnly ?? true, subPath: a.subPath }))],
        },
      } : {}),
    };
  }

  private guardOutput(): void {
    const { guard, apiObjects } = this.rendered();
    if (guard !== undefined) guardOutput(apiObjects.map(validationJson), guard);
  }

  private rendered(): Rendered {
    this.output ??= this.asTenant(() => this.render(this.finalProps()));
    return this.output;
  }

  /** Runs a step whose ValuesError then names this virtual cluster: in an app of many, the user sees which one. */
  private asTenant<T>(step: () => T): T {
    try {
      return step();
    } catch (e) {
      throw e instanceof ValuesError ? e.forTenant({ release: this.name, constructPath: this.node.path }) : e;
    }
  }

  /**
   * The stages in turn: the props' values (`propsValues`), the subclass's `prepareValues`, the
   * values resolved (`resolveValues`) and checked (`diagnoseValues`), the chart's objects
   * (`renderObjects`, credentials swapped for placeholders), then this construct's own output:
   * the host namespaces, the API server's limits, the pre-flight's verdict and the ApiObjects.
   */
  private render(props: VClusterProps): Rendered {
    const given = propsValues(props);
    const final = this.prepareValues(given.values);
    if (!isMap(final)) {
      throw valuesError({ path: 'values', subject: 'prepareValues', value: final,
        message: (shown) => `expected a map of vcluster.yaml values, got ${shown}.` });
    }
    const protection = (props.configSecret ?? DEFAULT_CONFIG_SECRET)._protect(
      { name: this.name, namespace: this.namespace, chartVersion: props.chartVersion },
      new Map([...backingStoreRemoteSecrets(props.backingStore), ...snapshotsRemoteSecrets(props.snapshots)]),
    );
    const chartOutput = renderInPropTerms(props, given.typed as ValueMap, () => {
      const resolved = resolveValues({
        name: this.name,
        namespace: this.namespace,
        kubeVersion: props.kubeVersion ?? (props.host?.kubeVersion === undefined ? DEFAULT_KUBE_VERSION : undefined),
        chartVersion: props.chartVersion,
        host: props.host,
        values: [final as ValueMap].filter((v) => Object.keys(v).length > 0),
      });
      const found = diagnoseValues(resolved);
      if (found.length > 0) throw new ValuesError(found);
      return renderObjects(resolved, { host: props.host, substitute: (values) => protection.substitute(values) });
    });
    const result = { ...chartOutput, objects: protection.objects(chartOutput.objects) };

    // The chart renders the quota and limit range only into its own namespace; in multi-namespace
    // mode every host namespace gets a copy of the same objects.
    const policed = result.objects.some((o) => o.id === 'ResourceQuota' || o.id === 'LimitRange');
    const copiedTo = hostNamespaces(props.sync?.toHost, this.name, policed).filter((ns) => ns !== this.namespace);
    const protect = props.deletionProtection ?? true;
    // The host namespaces the copies go to are emitted too (sync wave -1, before the copies):
    // vCluster creates its own only when a virtual namespace appears, and imports existing ones.
    const namespaces: RenderedObject[] = props.createNamespace ?? true ? [
      { id: 'Namespace', manifest: namespaceManifest(this.namespace, protect) },
      ...copiedTo.map((ns) => ({
        id: `Namespace-${ns}`,
        manifest: namespaceManifest(ns, protect, {
          // The labels vCluster gives the host namespaces it creates itself.
          ...props.sync?.toHost?.namespaces?.extraLabels,
          'vcluster.loft.sh/vcluster-name': this.name,
          'vcluster.loft.sh/vcluster-namespace': this.namespace,
        }),
      })),
    ] : [];
    const rendered = result.objects.flatMap((o) => [
      o,
      ...(o.id === 'ResourceQuota' || o.id === 'LimitRange'
        ? copiedTo.map((ns) => ({ id: `${o.id}-${ns}`, manifest: { ...o.manifest, metadata: { ...o.manifest.metadata, namespace: ns } } }))
        : []),
      ...(o.id === 'RoleBinding' ? kubeConfigSecretRbac(result.values, result.objects, { name: this.name, namespace: this.namespace }) : []),
    ]);
    checkApiServerLimits([...namespaces, ...rendered].map((o) => o.manifest), this.name);
    const errors = result.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) throw new ValuesError(errors.map((f) => ({ severity: f.severity, path: f.path, message: f.message, fix: f.fix })));
    const warnings = result.findings.filter((f) => f.severity === 'warning');
    for (const w of warnings) this.node.addMetadata('warning', formatFinding(w));
    const budget = result.quotaBudget;
    let entries: QuotaBudgetEntry[] | undefined;
    return {
      values: result.values,
      warnings,
      // Written out when read: a synth never reads it.
      get quotaBudget() {
        return budget && (entries ??= budgetEntries(budget));
      },
      apiObjects: [
        ...[...namespaces, ...rendered].map((o) => toApiObject(this, o.id, o.manifest)),
      ],
      guard: protection.guardScope(props.allowInOutput),
    };
  }
}

function namespaceManifest(name: string, deletionProtection: boolean, labels?: { [key: string]: string }): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, ...(labels ? { labels } : {}), annotations: namespaceAnnotations(deletionProtection) },
  };
}

/**
 * The host version and the virtual cluster's are easily confused: `kubeVersion: 'v1.32.1'`
 * meant for the virtual cluster would render for a host of 1.32 and leave the virtual cluster on
 * the chart's version. The virtual cluster's version is written with its image tag's "v"; the
 * host's without.
 */
function checkHostKubeVersion(kubeVersion: string | undefined): void {
  if (typeof kubeVersion === 'string' && /^\s*v/.test(kubeVersion)) {
    fail('kubeVersion', kubeVersion, `is the host cluster's Kubernetes version, written without "v" (e.g. "${kubeVersion.trim().slice(1)}"). ` +
      `For the virtual cluster's Kubernetes version, set kubernetesVersion: ${JSON.stringify(kubeVersion.trim())}.`);
  }
}
