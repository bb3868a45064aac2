import { leaf, object } from './candidate';
import { at, bool, num, str } from './candidates';
import { joinNodeFields, nodeTypeSelector } from './private-nodes';

export function decodeStandalone(s: unknown) {
  const join = at(s, 'joinNode');
  const auto = at(s, 'autoNodes');
  return object({
    enabled: bool(at(s, 'enabled')),
    dataDir: str(at(s, 'dataDir')),
    advertiseAddress: str(at(s, 'advertiseAddress')),
    joinNode: object({ enabled: bool(at(join, 'enabled')), ...joinNodeFields(join) }, { collapseEnabled: true }),
    autoNodes: object({
      provider: str(at(auto, 'provider')),
      quantity: num(at(auto, 'quantity')),
      nodeTypeSelector: leaf(nodeTypeSelector(at(auto, 'nodeTypeSelector'))),
    }),
  }, { collapseEnabled: true });
}
