/** The tool's identity, as SARIF and the reporters name it. `version` must equal package.json's (a test pins it). */
export const TOOL = {
  name: 'django-launch-gate',
  version: '0.1.0',
  informationUri: 'https://github.com/django-launch-gate/django-launch-gate',
} as const;

/** Where a rule's documentation page lives on GitHub (the `v1` tag keeps links stable across patch releases). */
export function docsUrl(ruleId: string): string {
  return `${TOOL.informationUri}/blob/v1/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
