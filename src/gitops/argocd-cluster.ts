import { ApiObject, Duration, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { certificateNames, covers, servicePort } from './certificate-names';
import { guardAtSynth, syncWaveAnnotations } from '../argocd';
import { checkPropTypes } from '../props/props-schema';
import { durationSeconds } from '../props/quantities';
import { goTemplateLiteral } from '../secrets/go-template';
import { VCluster } from '../vcluster';

/** The label that makes a Secret in ArgoCD's namespace a cluster (ArgoCD's declarative setup). */
const CLUSTER_SECRET_LABEL = 'argocd.argoproj.io/secret-type';

/** The keys vCluster writes to its kubeconfig Secret `vc-<name>` (vCluster 0.36 pkg/util/kubeconfig). */
const KUBECONFIG_KEYS = { ca: 'certificate-authority', cert: 'client-certificate', key: 'client-key', token: 'token' };

/** Properties of an {@link ArgoCdCluster}. */
export interface ArgoCdClusterProps {
  /** The virtual cluster to register. */
  readonly vcluster: VCluster;
  /**
   * The cluster's name in ArgoCD: what an Application's `destination.name` and an
   * ApplicationSet cluster generator's `{{.name}}` give.
   * @default - the virtual cluster's name
   */
  readonly clusterName?: string;
  /**
   * The namespace ArgoCD runs in: the cluster Secret, its ExternalSecret, SecretStore and
   * ServiceAccount go there.
   * @default "argocd"
   */
  readonly namespace?: string;
  /**
   * The API server URL ArgoCD connects to. Its host must be a name the virtual cluster's
   * certificate covers: `<name>`, `<name>.<namespace>`, `localhost`,
   * `controlPlane.proxy.extraSANs`, the ingress host (`<name>.<namespace>.svc` is not one).
   * @default - the host Service, `https://<name>.<namespace>` (with its port when not 443)
   */
  readonly server?: string;
  /**
   * Turn off TLS verification of the server (ArgoCD's `tlsClientConfig.insecure`), e.g. for a
   * server name the certificate does not cover. Anyone between ArgoCD and the server can then
   * read and change what ArgoCD deploys.
   * @default false
   */
  readonly insecureSkipTlsVerify?: boolean;
  /**
   * Labels of the cluster Secret, for ApplicationSet cluster generators' selectors
   * (e.g. `{ tier: 'tenant' }`).
   * @default - only ArgoCD's `argocd.argoproj.io/secret-type: cluster`
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * How often the External Secrets Operator copies the credentials again. vCluster renews its
   * certificates at run time; the cluster Secret follows within this interval.
   * @default Duration.hours(1)
   */
  readonly refreshInterval?: Duration;
  /**
   * The sync wave of these objects when an Application of Applications syncs them: after the
   * virtual cluster's own Application (wave 0), before the Applications into it.
   * @default 1
   */
  readonly syncWave?: number;
}

/**
 * Registers a virtual cluster with ArgoCD, with no credential in the output: the External
 * Secrets Operator (Kubernetes provider) reads the kubeconfig Secret `vc-<name>` that vCluster
 * writes and keeps ArgoCD's cluster Secret in step with it (a template of ArgoCD's format). The
 * objects: a ServiceAccount and a SecretStore in ArgoCD's namespace, a Role that lets the
 * ServiceAccount get that one Secret and its RoleBinding in the virtual cluster's namespace, and
 * the ExternalSecret that writes the cluster Secret.
 */
export class ArgoCdCluster extends Construct {
  /** The cluster's name in ArgoCD, for an Application's `destination.name`. */
  public readonly clusterName: string;
  /** The sync wave of the registration: give Applications into the cluster a later one. */
  public readonly syncWave: number;
  /** The ExternalSecret that writes the cluster Secret, for patches. */
  public readonly externalSecret: ApiObject;

  public constructor(scope: Construct, id: string, props: ArgoCdClusterProps) {
    super(scope, id);
    checkPropTypes('ArgoCdClusterProps', props);
    const vc = props.vcluster;
    if (!(vc instanceof VCluster)) throw new Error('vcluster: expected the VCluster construct to register.');
    this.clusterName = props.clusterName ?? vc.name;
    if (typeof this.clusterName !== 'string' || this.clusterName.trim() === '') {
      throw new Error(`clusterName: expected a non-empty name, got ${JSON.stringify(this.clusterName)}.`);
    }
    this.syncWave = props.syncWave ?? 1;
    const argocd = props.namespace ?? 'argocd';
    const insecure = props.insecureSkipTlsVerify ?? false;
    const kubeconfig = `vc-${vc.name}`;
    // Named after the virtual cluster and its namespace, so that two of one name do not collide.
    const base = `vcluster-${vc.namespace}-${vc.name}`;
    const metadata = (name: string, namespace: string) => ({ name, namespace, ...syncWaveAnnotations('syncWave', this.syncWave) });
    const refresh = `${durationSeconds('refreshInterval', props.refreshInterval ?? Duration.hours(1))}s`;
    for (const [k, v] of Object.entries(props.labels ?? {})) {
      if (k === CLUSTER_SECRET_LABEL || typeof v !== 'string') {
        throw new Error(`labels[${JSON.stringify(k)}]: expected a label of your own with a string value, got ${JSON.stringify(v)}` +
          (k === CLUSTER_SECRET_LABEL ? ' (the construct sets that one).' : '.'));
      }
    }

    // The server and the credentials are known once the virtual cluster is rendered (add methods may still change it).
    const server = Lazy.any({ produce: () => goTemplateLiteral(this.server(vc, props.server, insecure)) });

    new ApiObject(this, 'ServiceAccount', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(`${base}-kubeconfig`, argocd) });
    new ApiObject(this, 'Role', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: metadata(`${argocd}-read-${kubeconfig}`, vc.namespace),
      // Only this Secret. (The store's validation also creates SelfSubjectRulesReviews, which
      // every authenticated user may: Kubernetes' system:basic-user.)
      rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: [kubeconfig], verbs: ['get'] }],
    });
    new ApiObject(this, 'RoleBinding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: metadata(`${argocd}-read-${kubeconfig}`, vc.namespace),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${argocd}-read-${kubeconfig}` },
      subjects: [{ kind: 'ServiceAccount', name: `${base}-kubeconfig`, namespace: argocd }],
    });
    new ApiObject(this, 'SecretStore', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'SecretStore',
      metadata: metadata(base, argocd),
      spec: {
        provider: {
          kubernetes: {
            remoteNamespace: vc.namespace,
            // The host's API server, verified with the CA every namespace gets (kube-root-ca.crt).
            server: { caProvider: { type: 'ConfigMap', name: 'kube-root-ca.crt', key: 'ca.crt' } },
            auth: { serviceAccount: { name: `${base}-kubeconfig` } },
          },
        },
      },
    });
    const remote = (secretKey: string, property: string) => ({ secretKey, remoteRef: { key: kubeconfig, property } });
    this.externalSecret = new ApiObject(this, 'ExternalSecret', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: metadata(base, argocd),
      spec: {
        refreshInterval: refresh,
        secretStoreRef: { kind: 'SecretStore', name: base },
        target: {
          name: base,
          // The cluster Secret goes with the ExternalSecret (ArgoCD then forgets the cluster).
          creationPolicy: 'Owner',
          template: {
            engineVersion: 'v2',
            type: 'Opaque',
            metadata: {
              labels: {
                ...Object.fromEntries(Object.entries(props.labels ?? {}).map(([k, v]) => [k, goTemplateLiteral(v)])),
                [CLUSTER_SECRET_LABEL]: 'cluster',
              },
            },
            data: {
              name: goTemplateLiteral(this.clusterName),
              server,
              config: Lazy.any({ produce: () => clusterConfig(usesToken(vc), insecure) }),
            },
          },
        },
        data: Lazy.any({
          produce: () => [
            ...(insecure ? [] : [remote('ca', KUBECONFIG_KEYS.ca)]),
            ...(usesToken(vc)
              ? [remote('token', KUBECONFIG_KEYS.token)]
              : [remote('cert', KUBECONFIG_KEYS.cert), remote('key', KUBECONFIG_KEYS.key)]),
          ],
        }),
      },
    });
    guardAtSynth(this, this.externalSecret);
  }

  private server(vc: VCluster, given: string | undefined, insecure: boolean): string {
    const values = vc.values;
    if (given === undefined) {
      const port = servicePort(values);
      if (port === undefined) {
        throw new Error(`server: the virtual cluster ${vc.name} has no host Service (controlPlane.service.enabled: false); ` +
          'give the server ArgoCD reaches it at, e.g. its ingress host.');
      }
      return `https://${vc.name}.${vc.namespace}${port === 443 ? '' : `:${port}`}`;
    }
    let host: string;
    try {
      const url = new URL(given);
      if (url.protocol !== 'https:') throw new Error('not https');
      host = url.hostname.replace(/^\[|\]$/g, '');
    } catch {
      throw new Error(`server: expected an https:// URL of the virtual cluster's API server, got ${JSON.stringify(given)}.`);
    }
    const names = certificateNames(vc.name, vc.namespace, values);
    if (!insecure && !names.some((n) => covers(n, host))) {
      throw new Error(`server: the virtual cluster's certificate does not cover ${JSON.stringify(host)}, so ArgoCD would refuse the connection. ` +
        `It covers ${names.join(', ')}. Use one of those, add the name to controlPlane.proxy.extraSANs, ` +
        'or turn verification off knowingly with insecureSkipTlsVerify: true.');
    }
    return given;
  }
}

/** Whether the kubeconfig authenticates with a ServiceAccount token (exportKubeConfig.serviceAccount) instead of the client certificate. */
function usesToken(vc: VCluster): boolean {
  const exp = vc.values.exportKubeConfig;
  const sa = exp !== null && typeof exp === 'object' && !Array.isArray(exp) ? exp.serviceAccount : undefined;
  return sa !== null && typeof sa === 'object' && !Array.isArray(sa) && typeof sa.name === 'string' && sa.name !== '';
}

/**
 * ArgoCD's cluster `config` (JSON, base64 PEM in `tlsClientConfig`) as an ESO v2 template over
 * the copied keys; without verification no CA (client-go refuses a CA with `insecure`).
 */
function clusterConfig(token: boolean, insecure: boolean): string {
  const tls: string[] = [`"insecure": ${insecure}`];
  if (!insecure) tls.push('"caData": "{{ .ca | b64enc }}"');
  if (!token) tls.push('"certData": "{{ .cert | b64enc }}"', '"keyData": "{{ .key | b64enc }}"');
  return `{${token ? '"bearerToken": {{ .token | toJson }}, ' : ''}"tlsClientConfig": {${tls.join(', ')}}}`;
}
