import { object } from './candidate';
import { at, bool, str } from './candidates';

export const decodeSyncSettings = (s: unknown) => object({
  setOwner: bool(at(s, 'setOwner')),
  hostMetricsBindAddress: str(at(s, 'hostMetricsBindAddress')),
  virtualMetricsBindAddress: str(at(s, 'virtualMetricsBindAddress')),
});
