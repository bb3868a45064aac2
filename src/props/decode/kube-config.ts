import { leaf, object } from './candidate';
import { at, bool, hasShape, isString, Shape, str } from './candidates';
import { arrayExpr, Expr, literal } from './expr';

const SERVICE_ACCOUNT: Shape = { name: isString, namespace: isString, clusterRole: isString };
const ADDITIONAL_SECRET: Shape = {
  name: isString, namespace: isString, context: isString, server: isString, insecure: (v) => typeof v === 'boolean',
  serviceAccount: (v) => isString(at(v, 'name')) && hasShape(v, SERVICE_ACCOUNT),
};

/** An `additionalSecrets` entry as written, when it has only the keys of the prop's type. */
const additionalSecret = (v: unknown): Expr | undefined => (hasShape(v, ADDITIONAL_SECRET) ? literal(v) : undefined);

function additionalSecrets(v: unknown) {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const items = v.map(additionalSecret);
  return items.every((i): i is Expr => i !== undefined) ? leaf(arrayExpr(items)) : undefined;
}

export function decodeExportKubeConfig(e: unknown) {
  const secret = at(e, 'secret');
  const sa = at(e, 'serviceAccount');
  return object({
    context: str(at(e, 'context')),
    server: str(at(e, 'server')),
    insecure: bool(at(e, 'insecure')),
    secret: object({ name: str(at(secret, 'name')), namespace: str(at(secret, 'namespace')) }, { required: ['name'] }),
    serviceAccount: object({
      name: str(at(sa, 'name')),
      namespace: str(at(sa, 'namespace')),
      clusterRole: str(at(sa, 'clusterRole')),
    }, { required: ['name'] }),
    additionalSecrets: additionalSecrets(at(e, 'additionalSecrets')),
  });
}
