import { ChartVersion } from '../../src/values/chart-version';

/**
 * Corpus cases the library does not render like the chart yet, per chart version. These lists only
 * shrink: the conformance suite fails when a listed case starts passing, so that it is taken off.
 */
export const KNOWN_FAILURES: { readonly [V in ChartVersion]: ReadonlySet<string> } = {
  '0.35.3': new Set<string>([]),
  '0.36.1': new Set<string>([]),
  '0.37.0-rc.1': new Set<string>([]),
};
