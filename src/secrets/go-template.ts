/**
 * Text the External Secrets Operator's Go template engine (text/template, `{{ }}` actions)
 * renders as it is: each `{{` becomes the action `{{ "{{" }}`, which prints it. Every user string
 * of a template (a config, label and annotation values, names) goes through here, so none runs
 * as a template (label and annotation keys cannot hold braces).
 */
export function goTemplateLiteral(text: string): string {
  return text.split('{{').join('{{ "{{" }}');
}
