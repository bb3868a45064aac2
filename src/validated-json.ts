import { ApiObject } from 'cdk8s';

/*
 * The JSON of ApiObjects as the output guard read it while cdk8s validated the app, kept only
 * while FleetApp synthesizes: it validates and then writes in one pass, with no user code in
 * between, so it writes that JSON instead of rendering every object a second time (at a
 * thousand tenants about a tenth of the synth). Each entry is taken once: a later synth
 * validates again.
 */
const validated = new WeakMap<ApiObject, unknown>();
let collecting = false;

/** Runs RUN (a FleetApp's synth) with the JSON read at validation kept for writing. */
export function keepingValidatedJson<T>(run: () => T): T {
  collecting = true;
  try {
    return run();
  } finally {
    collecting = false;
  }
}

/** The object's JSON, kept for the write when a FleetApp is validating. */
export function validationJson(o: ApiObject): unknown {
  const json: unknown = o.toJson();
  if (collecting) validated.set(o, json);
  return json;
}

/** The object's JSON as validation read it in this synth, else rendered now. */
export function writtenJson(o: ApiObject): unknown {
  const json = validated.get(o);
  if (json === undefined) return o.toJson();
  validated.delete(o);
  return json;
}
