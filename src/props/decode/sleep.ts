import { leaf, object } from './candidate';
import { at, durationExpr, str, strMap } from './candidates';

export const decodeSleep = (sleep: unknown) => {
  const auto = at(sleep, 'auto');
  return object({
    afterInactivity: leaf(durationExpr(at(auto, 'afterInactivity'))),
    schedule: str(at(auto, 'schedule')),
    wakeupSchedule: str(at(auto, 'wakeup', 'schedule')),
    timezone: str(at(auto, 'timezone')),
    excludeLabels: strMap(at(auto, 'exclude', 'selector', 'labels')),
  });
};
