import { VClusterValues } from '../../imports/chart-versions';
import { mapArgument, mergeMaps, userMap } from './go-template';
import { truthy } from '../values/go-values';
import { Value, ValueMap } from '../values/value-map';
import { KubeVersion } from '../values/kube-version';

/** What every template sees: Helm's `.Values`, `.Release`, `.Capabilities` and `.Chart`. */
export interface RenderContext {
  /** The full values: the user's coalesced with the chart defaults, validated. */
  readonly values: VClusterValues;
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

/**
 * `$annotations := merge dict A B` of an object's own annotations and the global ones
 * (`controlPlane.advanced.globalMetadata.annotations`): A wins on a shared key, and the templates
 * differ in which of the two they put first.
 */
export function mergedAnnotations(ctx: RenderContext, own: Value, ownPath: string, first: 'own' | 'global'): ValueMap {
  const ownMap = mapArgument(own, ownPath);
  const global = mapArgument(ctx.values.controlPlane?.advanced?.globalMetadata?.annotations, 'controlPlane.advanced.globalMetadata.annotations');
  return first === 'own' ? mergeMaps(ownMap, global) : mergeMaps(global, ownMap);
}

/** What `objectMetadata` builds from. */
export interface MetadataOptions {
  readonly name: string;
  /** The chart's labels for the object; the standard ones unless given. */
  readonly labels?: ValueMap;
  /** The values section with the object's own `labels` and `annotations`, and its key path. */
  readonly section: ValueMap;
  readonly path: string;
  /** Which annotations win on a shared key: the section's own or the global ones. */
  readonly annotationsFirst: 'own' | 'global';
}

/**
 * `metadata:` as most templates write it: the name, the release namespace, the chart's labels
 * followed by the section's own (pasted after them, so theirs win), and the merged annotations
 * when there are any.
 */
export function objectMetadata(ctx: RenderContext, options: MetadataOptions): Manifest['metadata'] {
  const annotations = mergedAnnotations(ctx, options.section.annotations, `${options.path}.annotations`, options.annotationsFirst);
  return {
    name: options.name,
    namespace: ctx.release.namespace,
    labels: { ...(options.labels ?? standardLabels(ctx)), ...userMap(options.section.labels, `${options.path}.labels`) },
    ...(truthy(annotations) ? { annotations } : {}),
  };
}
