import { cdk8sPlus } from '../cdk8s-plus';
import { ConsolidationPolicy, NodeTypeOperator } from '../auto-nodes';
import { isMap } from '../../values/value-map';
import { leaf, object } from './candidate';
import { at, cpuExpr, durationExpr, enumExpr, enumLeaf, num, sizeExpr, str, strList, strMap, structList, switchOf, toggle } from './candidates';
import { arrayExpr, Expr, literal, objectExpr } from './expr';

const durationOrNever = (v: unknown): Expr | undefined => (v === 'Never' ? literal(v) : durationExpr(v));

/** An object of the given fields, each converted; undefined when a key is not among them or a value does not convert. */
function record(v: unknown, fields: Readonly<Record<string, (x: unknown) => Expr | undefined>>): Expr | undefined {
  if (!isMap(v)) return undefined;
  const entries: [string, Expr][] = [];
  for (const [k, x] of Object.entries(v)) {
    const e = fields[k]?.(x);
    if (e === undefined) return undefined;
    entries.push([k, e]);
  }
  return objectExpr(entries);
}

function list(v: unknown, item: (x: unknown) => Expr | undefined): Expr | undefined {
  if (!Array.isArray(v)) return undefined;
  const items = v.map(item);
  return items.every((i): i is Expr => i !== undefined) ? arrayExpr(items) : undefined;
}

const string = (v: unknown) => (typeof v === 'string' ? literal(v) : undefined);
const strings = (v: unknown) => (Array.isArray(v) && v.every((i) => typeof i === 'string') ? literal(v) : undefined);
const stringMap = (v: unknown) => (isMap(v) && Object.values(v).every((i) => typeof i === 'string') ? literal(v) : undefined);
const wholeNumber = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? literal(v) : undefined);
const taints = (v: unknown) => structList(v, cdk8sPlus().k8s.toJson_Taint)?.expr;

const POOL = {
  name: string,
  nodeTypeSelector: (v: unknown) => list(v, (r) => record(r, {
    property: string,
    operator: (o) => enumExpr(NodeTypeOperator, 'NodeTypeOperator', o),
    value: string,
    values: strings,
  })),
  taints,
  nodeLabels: stringMap,
  terminationGracePeriod: durationOrNever,
  profile: string,
  properties: stringMap,
};

const STATIC_POOL = { ...POOL, quantity: wholeNumber };

const DYNAMIC_POOL = {
  ...POOL,
  limits: (v: unknown) => record(v, {
    cpu: cpuExpr,
    memory: sizeExpr,
    nodes: (n) => (typeof n === 'string' && /^[1-9]\d{0,8}$/.test(n) ? literal(Number(n)) : undefined),
  }),
  disruption: (v: unknown) => record(v, {
    consolidationPolicy: (p) => enumExpr(ConsolidationPolicy, 'ConsolidationPolicy', p),
    consolidateAfter: durationOrNever,
    budgets: (b) => list(b, (x) => record(x, { nodes: string, schedule: string, duration: durationExpr })),
  }),
  expireAfter: durationOrNever,
  weight: wholeNumber,
};

/** The `autoNodes` list, one prop value: a list is taken whole. */
function autoNodes(v: unknown) {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  return leaf(list(v, (e) => record(e, {
    provider: string,
    properties: stringMap,
    static: (s) => list(s, (p) => record(p, STATIC_POOL)),
    dynamic: (d) => list(d, (p) => record(p, DYNAMIC_POOL)),
  })));
}

const pullPolicy = (v: unknown) => enumLeaf(cdk8sPlus().ImagePullPolicy, 'ImagePullPolicy', v);

/** The JoinNodeOptions fields of a `joinNode` section. */
export function joinNodeFields(j: unknown) {
  const r = at(j, 'nodeRegistration');
  const extraArgs = at(r, 'kubeletExtraArgs');
  return {
    preInstallCommands: strList(at(j, 'preInstallCommands')),
    preJoinCommands: strList(at(j, 'preJoinCommands')),
    postJoinCommands: strList(at(j, 'postJoinCommands')),
    containerd: toggle(at(j, 'containerd'), (c) => ({
      pauseImage: str(c.pauseImage),
      registryConfigPath: str(at(c, 'registry', 'configPath')),
    })),
    caCertPath: str(at(j, 'caCertPath')),
    skipPhases: strList(at(j, 'skipPhases')),
    nodeRegistration: object({
      criSocket: str(at(r, 'criSocket')),
      kubeletExtraArgs: leaf(Array.isArray(extraArgs) && extraArgs.length > 0
        ? list(extraArgs, (a) => record(a, { name: string, value: string }))
        : undefined),
      taints: structList(at(r, 'taints'), cdk8sPlus().k8s.toJson_Taint),
      ignorePreflightErrors: strList(at(r, 'ignorePreflightErrors')),
      imagePullPolicy: pullPolicy(at(r, 'imagePullPolicy')),
    }),
  };
}

const joinNode = (j: unknown) => object(joinNodeFields(j));

/** The `nodeTypeSelector` list of a pool, one prop value. */
export const nodeTypeSelector = (v: unknown) => POOL.nodeTypeSelector(v);

export function decodePrivateNodes(p: unknown) {
  return toggle(p, (v) => {
    const config = at(v, 'kubelet', 'config');
    return {
      kubelet: object({ config: leaf(isMap(config) && Object.keys(config).length > 0 ? literal(config) : undefined) }),
      autoUpgrade: toggle(v.autoUpgrade, (u) => ({
        image: str(u.image),
        imagePullPolicy: pullPolicy(u.imagePullPolicy),
        nodeSelector: strMap(u.nodeSelector),
        concurrency: num(u.concurrency),
      })),
      joinNode: joinNode(v.joinNode),
      autoNodes: autoNodes(v.autoNodes),
      vpn: toggle(v.vpn, (n) => ({ nodeToNode: switchOf(n.nodeToNode) })),
      defaultProfile: str(v.defaultProfile),
    };
  });
}
