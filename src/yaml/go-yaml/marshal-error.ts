/** Raised where Helm's marshalling fails; Helm's toYaml then renders an empty string. */
export class HelmYamlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelmYamlError';
  }
}
