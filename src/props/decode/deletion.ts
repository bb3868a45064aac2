import { leaf, object } from './candidate';
import { at, bool, durationExpr } from './candidates';

export const decodeDeletion = (deletion: unknown) => object({
  prevent: bool(at(deletion, 'prevent')),
  afterInactivity: leaf(durationExpr(at(deletion, 'auto', 'afterInactivity'))),
});
