import { Manifest, RenderContext, RenderedObject } from './context';
import { truthy } from '../values/go-values';
import { isMap } from '../values/value-map';
import { tpl } from './tpl';
import { parseManifestStream } from '../yaml/yaml-text';
import { diagnostic } from '../values/diagnostic';
import { ValuesError } from '../values/errors';

/**
 * `manifests.yaml`: extra objects for the host cluster, given as YAML text in
 * `experimental.deploy.host.manifests` (verbatim) and `manifestsTemplate` (through `tpl`).
 */
export function renderHostManifests(ctx: RenderContext): RenderedObject[] {
  const host = ctx.values.experimental?.deploy?.host ?? {};
  const out: RenderedObject[] = [];
  if (truthy(host.manifests)) {
    out.push(...parseManifests(String(host.manifests), 'experimental.deploy.host.manifests'));
  }
  if (truthy(host.manifestsTemplate)) {
    const path = 'experimental.deploy.host.manifestsTemplate';
    out.push(...parseManifests(tpl(String(host.manifestsTemplate), ctx, path), path));
  }
  return out;
}

function parseManifests(text: string, path: string): RenderedObject[] {
  const out: RenderedObject[] = [];
  // Read back as the chart's printed text is read (values it writes unquoted resolve as YAML).
  for (const doc of parseManifestStream(text, path)) {
    if (doc.error !== undefined) {
      throw new ValuesError([diagnostic({ path, message: `not valid YAML (${doc.error}).`, fix: 'Fix the manifest text.' })]);
    }
    const obj = doc.value;
    if (obj === null || obj === undefined) continue;
    if (
      !isMap(obj) ||
      typeof obj.apiVersion !== 'string' ||
      typeof obj.kind !== 'string' ||
      !isMap(obj.metadata) ||
      typeof obj.metadata.name !== 'string'
    ) {
      // The document is not shown: it may be a Secret's data.
      const got = isMap(obj) ? `a map with the keys ${Object.keys(obj).slice(0, 8).join(', ')}` : Array.isArray(obj) ? 'a list' : `a ${typeof obj}`;
      throw new ValuesError([
        diagnostic({ path, message: `every document must be a Kubernetes object with apiVersion, kind and ` + `metadata.name; got ${got}.` }),
      ]);
    }
    const manifest = obj as Manifest;
    out.push({
      id: `HostManifest-${manifest.kind}-${manifest.metadata.namespace ? `${manifest.metadata.namespace}-` : ''}${manifest.metadata.name}`,
      manifest,
    });
  }
  return out;
}
