import { cdk8sPlus } from '../cdk8s-plus';
import { isMap } from '../../values/value-map';
import { booleanExpr, Candidate, leaf, object } from './candidate';
import { at, bool, enumLeaf, str, strList, strMap, structList, toggle } from './candidates';
import { literal } from './expr';

/** A switch that is on by default: `false` as `false`, settings as options without the switch. */
function onByDefault(v: unknown, fields: Record<string, Candidate | undefined>): Candidate | undefined {
  if (!isMap(v)) return undefined;
  const enabled = at(v, 'enabled');
  if (enabled === false) return leaf(booleanExpr(false));
  if (enabled !== undefined && enabled !== true) return undefined;
  return object(fields, { whenEmpty: booleanExpr(true) });
}

const pullPolicy = (v: unknown) => enumLeaf(cdk8sPlus().ImagePullPolicy, 'ImagePullPolicy', at(v, 'imagePullPolicy'));

const APPLICATION_KEYS = new Set(['name', 'displayName', 'target', 'inline', 'template']);

/** The applications, whole, where each is one the prop can give. */
function applications(v: unknown): Candidate | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const ok = v.every((a) => isMap(a) && Object.keys(a).every((k) => APPLICATION_KEYS.has(k))
    && ['name', 'displayName', 'target'].every((k) => a[k] === undefined || typeof a[k] === 'string')
    && (a.inline === undefined || isMap(a.inline))
    && (a.template === undefined || (isMap(a.template) && typeof a.template.name === 'string'
      && Object.keys(a.template).every((k) => k === 'name' || (k === 'parameters' && isMap(a.template.parameters))))));
  return ok ? leaf(literal(v)) : undefined;
}

export function decodeDeploy(d: unknown) {
  const lpp = at(d, 'localPathProvisioner');
  const flannel = at(d, 'cni', 'flannel');
  const kp = at(d, 'kubeProxy');
  const config = at(kp, 'config');
  const k8s = cdk8sPlus().k8s;
  return object({
    localPathProvisioner: onByDefault(lpp, {
      image: str(at(lpp, 'image')), imagePullPolicy: pullPolicy(lpp), nodePath: str(at(lpp, 'nodePath')),
    }),
    flannel: onByDefault(flannel, {
      image: str(at(flannel, 'image')), initImage: str(at(flannel, 'initImage')), imagePullPolicy: pullPolicy(flannel),
    }),
    kubeProxy: onByDefault(kp, {
      image: str(at(kp, 'image')),
      imagePullPolicy: pullPolicy(kp),
      nodeSelector: strMap(at(kp, 'nodeSelector')),
      priorityClassName: str(at(kp, 'priorityClassName')),
      tolerations: structList(at(kp, 'tolerations'), k8s.toJson_Toleration),
      extraEnv: structList(at(kp, 'extraEnv'), k8s.toJson_EnvVar),
      extraArgs: strList(at(kp, 'extraArgs')),
      config: leaf(isMap(config) && Object.keys(config).length > 0 ? literal(config) : undefined),
    }),
    metallb: toggle(at(d, 'metallb'), (v) => ({
      addresses: strList(at(v, 'ipAddressPool', 'addresses')),
      l2Advertisement: bool(at(v, 'ipAddressPool', 'l2Advertisement')),
      controllerImage: str(v.controllerImage),
      speakerImage: str(v.speakerImage),
    })),
    metricsServer: bool(at(d, 'metricsServer', 'enabled')),
    argoCD: object({ applications: applications(at(d, 'argoCD', 'applications')) }, { required: ['applications'] }),
  });
}
