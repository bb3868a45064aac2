import type { VClusterValues } from '../../imports/chart-versions';
import { checkOneOf } from './validation';

/** How the control plane writes its logs. */
export enum LogEncoding {
  /** Lines for people (the chart's default). */
  CONSOLE = 'console',
  /** One JSON object per line, for log collectors. */
  JSON = 'json',
}

/** The control plane's logs (vcluster.yaml `logging`). */
export interface LoggingOptions {
  /**
   * The format of the logs.
   * @default LogEncoding.CONSOLE (the chart's)
   */
  readonly encoding?: LogEncoding;

  /**
   * Also write the logs to /var/log/vcluster/vcluster.log, on a volume of the control plane pod
   * (`vcluster-logs`, 1Gi, rotated at 100Mi) that sidecar containers can mount to ship them.
   * Chart 0.37.0 and later: other versions refuse it, naming 0.37.0-rc.1.
   * @default false
   */
  readonly file?: boolean;
}

/**
 * `logging`. `logging.file` exists from chart 0.37 on; the schema of the
 * chosen version refuses `logging.file` where it does not exist.
 */
export function loggingSection(logging: LoggingOptions): VClusterValues['logging'] {
  if (logging.encoding !== undefined) checkOneOf('logging.encoding', logging.encoding, LogEncoding, 'use LogEncoding.CONSOLE or LogEncoding.JSON.');
  return {
    ...(logging.encoding !== undefined ? { encoding: logging.encoding } : {}),
    ...(logging.file !== undefined ? { file: { enabled: logging.file } } : {}),
  };
}
