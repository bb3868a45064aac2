import { namesCredential } from '../values/credential-names';

/**
 * Which strings carry a credential, whatever key holds them.
 *
 * Hand-written rather than secretlint's rule presets: those are ES modules only (since v9) run
 * through an asynchronous core, while this check runs inside cdk8s's synchronous validation of a
 * CommonJS library that supports Node 20.16 (no `require` of ES modules there). The token
 * formats follow the ones those presets know; the DSN forms are those the backing stores'
 * drivers accept (kine: Go's MySQL driver, libpq key/value, NATS).
 */
const RULES: readonly (readonly [RegExp, string])[] = [
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/, 'a private key (PEM)'],
  // A URL's userinfo with a password. Go's MySQL driver takes the last '@' before the database,
  // so the password may hold '/' and '@' (`mysql://u:p/x@tcp(db:3306)/x`); `host:8443/a@b` is a port.
  // A password that is only an env reference (`$(PROXY_PASSWORD)`, which the kubelet expands) is none.
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:(?!\d{1,5}(?:[/?#]|$))(?!\$(?:\([A-Za-z_]\w*\)|\{[A-Za-z_]\w*\})@)[^\s]+@/i, 'a password in a URL'],
  // NATS (kine's nats:// endpoint) takes a token as the whole userinfo.
  [/\bnats(?:\+tls)?:\/\/[^\s:/@]+@/i, 'a token in a NATS URL'],
  // Go's MySQL DSN without a scheme: user:password@[protocol(address)]/dbname.
  [/(?:^|[\s=])[^\s:@/()=]+:(?!\/\/)\S+@(?:[a-z0-9]+(?:\([^)]*\))?)?\//i, 'a password in a database DSN'],
  // libpq key/value (blanks around '=' are skipped, so `password= x` sets "x"), SQL Server and query strings.
  [/(?:^|[\s?&;])(?:password|passwd|pwd)\s*=\s*(?!''|""|[\s&;]|$)/i, 'a password in a connection string'],
  [/\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{22,}/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}/, 'a GitLab token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}|hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/, 'a Slack token'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
  [/\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{32,}/, 'an API key (OpenAI or Anthropic)'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
  [/\bSG\.[\w-]{22}\.[\w-]{43}\b/, 'a SendGrid API key'],
  [/\b[rs]k_(?:live|test)_[0-9A-Za-z]{24,}/, 'a Stripe key'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/, 'a JSON web token'],
  [/\b(?:Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{16,}/, 'an Authorization header'],
];

/**
 * The rules as one pattern per case mode: most strings match none, and one search decides that
 * where sixteen would; the rules themselves then say which one matched.
 */
const ANY_RULE: readonly RegExp[] = [true, false].map((ignoreCase) => new RegExp(
  RULES.filter(([re]) => re.ignoreCase === ignoreCase).map(([re]) => `(?:${re.source})`).join('|'), ignoreCase ? 'i' : ''));

/** A flag with its value in one word: `--oidc-client-secret=...`. */
const FLAG = /(?:^|\s)--?([A-Za-z0-9][\w.-]*)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;
/** A shell or env-file assignment: `DB_PASSWORD=...`, `export API_TOKEN=...`. */
const ASSIGNMENT = /(?:^|[\s;])([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;

/** A YAML or JSON key and its scalar value, in text that does not parse (a template, an alias bomb). */
const KEY_LINE = /(?:^|[\s{,])["']?([A-Za-z_][\w.-]*)["']?\s*:[ \t]*(?:"([^"]*)"|'([^']*)'|([^\s#,{}[\]][^#,}\n]*?))[ \t]*(?=[#,}\n]|$)/gm;

/**
 * Whether a value under a credential's name is a reference to one rather than the credential:
 * empty, a switch (`--client-cert-auth=true`), a file path, an env reference, a template
 * (`{{ .Values.password }}`, rendered later from elsewhere), a placeholder the library writes.
 */
export function isReference(value: string): boolean {
  const v = value.trim();
  return v === '' || /^(?:true|false)$/i.test(v) || /^(?:\.{0,2}\/|~\/)/.test(v) || /^\$\(?\{?[A-Za-z_][\w.]*\}?\)?$/.test(v) ||
    v.includes('{{') || /^cdk8s_vcluster_credential_\d+$/.test(v);
}

/** The answers for short strings so far: a fleet's objects repeat the same ones. */
const SEEN = new Map<string, string | undefined>();

/** What credential a string carries (a message's words, never the value), if any. */
export function credentialInText(text: string): string | undefined {
  if (text.length > 256) return decide(text);
  if (SEEN.has(text)) return SEEN.get(text);
  if (SEEN.size >= 10_000) SEEN.clear();
  const what = decide(text);
  SEEN.set(text, what);
  return what;
}

function decide(text: string): string | undefined {
  if (ANY_RULE.some((re) => re.test(text))) for (const [re, what] of RULES) if (re.test(text)) return what;
  // A flag or an assignment has its '=', a key its ':'.
  if (!text.includes('=') && !text.includes(':')) return undefined;
  for (const re of [FLAG, ASSIGNMENT, KEY_LINE]) {
    for (const m of text.matchAll(re)) {
      const value = m[2] ?? m[3] ?? m[4] ?? '';
      if (!namesCredential(m[1]) || isReference(value)) continue;
      return re === FLAG ? `the value of the flag --${m[1]}` : re === KEY_LINE ? `the value of the key "${m[1]}"` : `the value of ${m[1]}`;
    }
  }
  return undefined;
}
