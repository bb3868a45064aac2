import { ValueMap } from './go-template';
import { KubeVersion } from '../values/kube-version';

/** What every template sees: Helm's `.Values`, `.Release`, `.Capabilities` and `.Chart`. */
export interface RenderContext {
  /** The full values: the user's coalesced with the chart defaults, validated. */
  readonly values: ValueMap;
  readonly release: { readonly name: string; readonly namespace: string };
  readonly kubeVersion: KubeVersion;
  readonly chartVersion: string;
}

/** A Kubernetes object as the chart renders it, before it becomes an ApiObject. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ValueMap & { name: string; namespace?: string };
  readonly [key: string]: unknown;
}

/**
 * One rendered object and the construct id it gets. Ids are public API: users reach objects
 * through them (`vcluster.node.findChild(id)`), so they never change once published.
 */
export interface RenderedObject {
  readonly id: string;
  readonly manifest: Manifest;
}

/** One chart template: returns what it renders (often nothing) for the given context. */
export type TemplateRenderer = (ctx: RenderContext) => RenderedObject[];

/** `vcluster.version.label`: the chart label value Helm adds to every object. */
export function chartLabel(ctx: RenderContext): string {
  const raw = `vcluster-${ctx.chartVersion}`.replace(/[+@]/g, '_');
  return raw.length > 63 ? raw.slice(0, 63) : raw;
}

/** The labels most of the chart's objects carry. */
export function standardLabels(ctx: RenderContext): ValueMap {
  return {
    app: 'vcluster',
    chart: chartLabel(ctx),
    release: ctx.release.name,
    heritage: 'Helm',
  };
}
