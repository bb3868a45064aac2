import { ControlPlane } from '../../imports/chart-versions';
import { toggle } from './fragment';

/**
 * The Prometheus Operator ServiceMonitor scraping the API server, controller manager, scheduler
 * and backing store metrics (vcluster.yaml `controlPlane.serviceMonitor`).
 */
export interface ServiceMonitorOptions {
  /**
   * Labels of the ServiceMonitor, e.g. the one a Prometheus selects its monitors by. A
   * `release` label replaces the chart's (`release: <name>`).
   * @default - the chart's: app, chart, release and heritage
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Annotations of the ServiceMonitor.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}

/** The `controlPlane.serviceMonitor` section. */
export function serviceMonitorSection(sm: boolean | ServiceMonitorOptions): ControlPlane['serviceMonitor'] {
  return toggle(sm, (o) => ({ labels: o.labels && { ...o.labels }, annotations: o.annotations && { ...o.annotations } }));
}
