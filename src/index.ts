export * from './vcluster';
export { renderChart } from './pipeline';
export type { RenderOptions, RenderResult } from './pipeline';
export type { Manifest, RenderedObject } from './render/context';
export { ValuesError } from './values/errors';
export { DEFAULT_KUBE_VERSION } from './values/kube-version';
export type { VClusterValues } from '../imports/vcluster-values';
