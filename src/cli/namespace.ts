import { join } from 'path';
import { parse } from 'yaml';
import { CliIo } from './io';
import { isMap, ValueMap } from '../values/value-map';

/** Where a pod finds its service account (client-go's in-cluster configuration). */
const SERVICE_ACCOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/** What names the namespace on the command line. */
export interface NamespaceFlags {
  /** -n/--namespace. @default - none */
  readonly namespace?: string;
  /** --kubeconfig. @default - $KUBECONFIG, else ~/.kube/config */
  readonly kubeconfig?: string;
  /** --kube-context. @default - $HELM_KUBECONTEXT, else the kubeconfig's current context */
  readonly kubeContext?: string;
}

/**
 * The release namespace as helm chooses it (EnvSettings.Namespace with client-go's loader):
 * -n, else $HELM_NAMESPACE; else the namespace of the kubeconfig's context (the file of
 * --kubeconfig or $KUBECONFIG, else ~/.kube/config; the context of --kube-context or
 * $HELM_KUBECONTEXT, else its current context); without a kubeconfig, inside a pod, the pod's
 * namespace; else "default". Nothing is contacted: only files are read.
 */
export function helmNamespace(flags: NamespaceFlags, io: CliIo): string {
  const override = flags.namespace ?? io.env.HELM_NAMESPACE ?? '';
  if (override !== '') return override;
  const explicit = flags.kubeconfig ?? io.env.KUBECONFIG ?? '';
  const path = explicit !== '' ? explicit : io.env.HOME ? join(io.env.HOME, '.kube', 'config') : undefined;
  const text = path === undefined ? undefined : readText(path, io);
  // client-go fails on a kubeconfig named explicitly that cannot be read; helm then says "default".
  if (text === undefined && explicit !== '') return 'default';
  let config: unknown;
  try {
    config = text === undefined ? {} : parse(text) ?? {};
  } catch {
    return 'default';
  }
  if (!isMap(config)) return 'default';
  const list = (key: string): ValueMap[] => (Array.isArray(config[key]) ? config[key].filter(isMap) : []);
  const [contexts, clusters, users] = [list('contexts'), list('clusters'), list('users')];
  if (contexts.length === 0 && clusters.length === 0 && users.length === 0 && !config['current-context']) return inClusterNamespace(io);
  const name = flags.kubeContext ?? io.env.HELM_KUBECONTEXT ?? config['current-context'];
  const context = contexts.find((c) => c.name === name)?.context;
  const cluster = isMap(context) ? clusters.find((c) => c.name === context.cluster)?.cluster : undefined;
  // client-go refuses a context it cannot use (no such context, or its cluster has no server).
  if (!isMap(context) || !isMap(cluster) || !cluster.server) return 'default';
  return typeof context.namespace === 'string' && context.namespace !== '' ? context.namespace : 'default';
}

/** client-go's in-cluster namespace: $POD_NAMESPACE, else the service account's, else "default". */
function inClusterNamespace(io: CliIo): string {
  const inPod = !!io.env.KUBERNETES_SERVICE_HOST && !!io.env.KUBERNETES_SERVICE_PORT && readText(`${SERVICE_ACCOUNT}/token`, io) !== undefined;
  if (!inPod) return 'default';
  if (io.env.POD_NAMESPACE) return io.env.POD_NAMESPACE;
  return readText(`${SERVICE_ACCOUNT}/namespace`, io)?.trim() || 'default';
}

function readText(path: string, io: CliIo): string | undefined {
  try {
    return Buffer.from(io.readFile(path)).toString('utf8');
  } catch {
    return undefined;
  }
}
