/**
 * Corpus cases the library does not render like the chart yet. This list only shrinks: the
 * conformance suite fails when a listed case starts passing, so that it is taken off.
 */
export const KNOWN_FAILURES: ReadonlySet<string> = new Set<string>([
]);
