import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { certificateNames, covers } from './certificate-names';
import { FluxGitRepository } from './flux-git-repository';
import { checkPath, guardAtSynth } from '../argocd';
import { checkPropTypes } from '../props/props-schema';
import { durationSeconds } from '../props/quantities';
import { VCluster } from '../vcluster';

/** Flux's annotation that keeps an object when it leaves git or its Kustomization is deleted. */
const PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';

/** Properties of a {@link FluxKustomization}. */
export interface FluxKustomizationProps {
  /**
   * The object's name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The object's namespace.
   * @default - the source's ("flux-system"); the virtual cluster's namespace with `targetVCluster`,
   * where its kubeconfig Secret is
   */
  readonly namespace?: string;
  /** The repository holding the synthesized output. */
  readonly source: FluxGitRepository;
  /** The directory within the repository, e.g. `dist/vclusters/vc1`. */
  readonly path: string;
  /**
   * The folder is this virtual cluster's output: its Namespace is never pruned (the annotation
   * `kustomize.toolkit.fluxcd.io/prune: disabled`, added by a patch, so that the folder stays as
   * synthesized), and the Kustomization is ready once its control plane StatefulSet is.
   * @default - none
   */
  readonly vcluster?: VCluster;
  /**
   * Apply into this virtual cluster instead of the cluster Flux runs in, with the kubeconfig it
   * exports (Secret `vc-<name>`, key `config`). Its `exportKubeConfig.server` must be a name its
   * certificate covers other than localhost, e.g. `https://<name>.<namespace>`.
   * @default - the cluster Flux runs in
   */
  readonly targetVCluster?: VCluster;
  /**
   * Kustomizations applied before this one (Flux's `dependsOn`).
   * @default - none
   */
  readonly dependsOn?: FluxKustomization[];
  /**
   * How often Flux applies the folder again (and retries a failed apply).
   * @default Duration.minutes(10)
   */
  readonly interval?: Duration;
  /**
   * How long Flux waits for the objects to become ready.
   * @default Duration.minutes(5)
   */
  readonly timeout?: Duration;
  /**
   * Keep the applied objects when the Kustomization is deleted (Flux's `deletionPolicy: Orphan`).
   * Objects that leave git are pruned either way, except the virtual cluster's Namespace.
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/**
 * A Flux `Kustomization` (kustomize.toolkit.fluxcd.io/v1) that applies one folder of plain YAML,
 * into the cluster Flux runs in or into a virtual cluster.
 */
export class FluxKustomization extends Construct {
  /** The Kustomization object, for patches. */
  public readonly apiObject: ApiObject;
  /** The object's name. */
  public readonly name: string;
  /** The object's namespace. */
  public readonly namespace: string;

  public constructor(scope: Construct, id: string, props: FluxKustomizationProps) {
    super(scope, id);
    checkPropTypes('FluxKustomizationProps', props);
    checkPath('path', props.path);
    if (!(props.source instanceof FluxGitRepository)) throw new Error('source: expected the FluxGitRepository holding the output.');
    const vc = props.vcluster;
    const target = props.targetVCluster;
    this.name = props.name ?? id;
    this.namespace = props.namespace ?? target?.namespace ?? props.source.namespace;
    if (target !== undefined && this.namespace !== target.namespace) {
      throw new Error(`namespace: a Kustomization reads its kubeConfig Secret from its own namespace; give ${target.namespace} ` +
        `(where vCluster writes vc-${target.name}), got ${JSON.stringify(this.namespace)}.`);
    }
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        interval: `${durationSeconds('interval', props.interval ?? Duration.minutes(10))}s`,
        timeout: `${durationSeconds('timeout', props.timeout ?? Duration.minutes(5))}s`,
        sourceRef: { kind: 'GitRepository', name: props.source.name, namespace: props.source.namespace },
        path: `./${props.path}`,
        prune: true,
        ...(props.deletionProtection ?? true ? { deletionPolicy: 'Orphan' } : {}),
        ...(props.dependsOn?.length ? { dependsOn: props.dependsOn.map((k) => ({ name: k.name, namespace: k.namespace })) } : {}),
        ...(vc !== undefined ? {
          healthChecks: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: vc.name, namespace: vc.namespace }],
          patches: [{
            target: { version: 'v1', kind: 'Namespace', name: vc.namespace },
            // A strategic merge patch (JSON is YAML): adds the annotation, keeping the others.
            patch: JSON.stringify({
              apiVersion: 'v1', kind: 'Namespace', metadata: { name: vc.namespace, annotations: { [PRUNE_ANNOTATION]: 'disabled' } },
            }),
          }],
        } : {}),
        ...(target !== undefined ? { kubeConfig: { secretRef: { name: `vc-${target.name}`, key: 'config' } } } : {}),
      },
    });
    if (target !== undefined) {
      // The exported server is known once the virtual cluster is rendered.
      this.node.addValidation({ validate: () => checkExportedServer(target) });
    }
    guardAtSynth(this, this.apiObject);
  }
}

/** The exported kubeconfig's server must reach the API server from Flux's pod under a certificate name. */
function checkExportedServer(vc: VCluster): string[] {
  const values = vc.values;
  const exp = values.exportKubeConfig;
  const server = exp !== null && typeof exp === 'object' && !Array.isArray(exp) && typeof exp.server === 'string' ? exp.server : '';
  const suggestion = `https://${vc.name}.${vc.namespace}`;
  let host = 'localhost';
  if (server !== '') {
    try {
      host = new URL(server).hostname;
    } catch {
      host = '';
    }
  }
  if (host === 'localhost' || host === '127.0.0.1' || host === '') {
    return [`targetVCluster: ${vc.name} exports its kubeconfig with the server ${JSON.stringify(server || 'https://localhost:8443')}, ` +
      `which from Flux's pod is Flux's pod itself. Set exportKubeConfig: { server: "${suggestion}" } on the VCluster ` +
      '(a name its certificate covers).'];
  }
  const names = certificateNames(vc.name, vc.namespace, values);
  if (!names.some((n) => covers(n, host))) {
    return [`targetVCluster: ${vc.name} exports its kubeconfig with the server ${JSON.stringify(server)}, which its certificate does not cover ` +
      `(it covers ${names.join(', ')}). Set exportKubeConfig: { server: "${suggestion}" } or add the name to extraSans.`];
  }
  return [];
}
