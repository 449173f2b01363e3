/** A hand-made Report shared by the reporter tests: several rules and levels, a runtime Django check finding, gates in every state. */
import type { Finding, GateResult, Report, RuleMeta } from '../../src/finding';
import { TOOL } from '../../src/version';

export const RULES: RuleMeta[] = [
  {
    id: 'test.E010',
    name: 'debug-enabled',
    checklist: 'debug',
    level: 'error',
    title: 'DEBUG is on in production settings',
    fix: 'Set DEBUG = False, or read it from the environment with a False default',
    securitySeverity: 7.5,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-489'],
    djangoCheck: 'security.W018',
  },
  {
    id: 'test.W020',
    name: 'allowed-hosts-wildcard',
    checklist: 'allowed-hosts',
    level: 'warning',
    title: "ALLOWED_HOSTS accepts any host ('*')",
    fix: 'List the domains the site serves',
    securitySeverity: 5,
    precision: 'very-high',
    tags: ['external/cwe/cwe-20'],
  },
  {
    id: 'test.E030',
    name: 'secret-key-literal',
    checklist: 'secret-key',
    level: 'error',
    title: 'SECRET_KEY is a literal in the settings',
    fix: 'Read SECRET_KEY from the environment or a secrets manager',
    securitySeverity: 9.1,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-798'],
  },
  {
    id: 'test.I090',
    name: 'no-error-monitoring',
    checklist: 'monitoring',
    level: 'note',
    title: 'No error monitoring is configured',
    fix: 'Configure Sentry or another error tracker | and log ERRORs',
    securitySeverity: 2,
    precision: 'medium',
    tags: [],
  },
];

export const SETTINGS_PY = [
  'import os',
  '',
  'DEBUG = True',
  "ALLOWED_HOSTS = ['*']",
  'SECRET_KEY = "s3cr3t-do-not-leak-0123456789"',
  '',
].join('\n');

export function findings(): Finding[] {
  return [
    {
      ruleId: 'test.W020',
      gate: 'rules',
      level: 'warning',
      message: 'ALLOWED_HOSTS contains "*" in mysite/settings/prod.py.',
      location: { file: 'mysite/settings/prod.py', line: 4, column: 18, endLine: 4, endColumn: 21 },
    },
    {
      ruleId: 'test.E010',
      gate: 'rules',
      level: 'error',
      message: 'DEBUG = True in the production settings <mysite.settings.prod>.',
      location: { file: 'mysite/settings/prod.py', line: 3, column: 1 },
      djangoCheck: 'security.W018',
      related: [{ location: { file: 'manage.py', line: 9 }, message: 'DJANGO_SETTINGS_MODULE selects this module here.' }],
    },
    {
      ruleId: 'test.E030',
      gate: 'rules',
      level: 'error',
      message: 'SECRET_KEY is a string literal.',
      location: { file: 'mysite/settings/prod.py', line: 5 },
    },
    {
      ruleId: 'security.W004',
      gate: 'deploy-checks',
      level: 'warning',
      message: 'You have not set a value for the SECURE_HSTS_SECONDS setting.',
      location: { file: 'mysite/settings/prod.py', line: 1 },
      djangoCheck: 'security.W004',
    },
    {
      ruleId: 'test.I090',
      gate: 'rules',
      level: 'note',
      message: 'Nothing reports unhandled exceptions | multi\nline.',
      location: { file: 'dir with space/app.py', line: 2 },
    },
  ];
}

export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    tool: { ...TOOL },
    root: '/tmp/project',
    projects: [
      {
        root: '',
        settingsModule: 'mysite.settings.prod',
        settingsFile: 'mysite/settings/prod.py',
        reason: 'manage.py sets DJANGO_SETTINGS_MODULE to mysite.settings.prod.',
      },
    ],
    gates: [
      { gate: 'tests', status: 'skipped', durationMs: 0.4, detail: 'disabled by the `gates` input', findings: [] },
      { gate: 'rules', status: 'failed', durationMs: 123.456, detail: '33 rules over 12 files', findings: [] },
      { gate: 'deploy-checks', status: 'error', durationMs: 2041.7, detail: 'python exited with 1: ImportError', findings: [] },
    ],
    findings: findings(),
    rules: RULES,
    checklist: [
      { item: 'debug', status: 'findings' },
      { item: 'allowed-hosts', status: 'findings' },
      { item: 'secret-key', status: 'findings' },
      { item: 'database', status: 'pass' },
      { item: 'uploads', status: 'not-applicable', reason: 'no FileField or ImageField in any model' },
      { item: 'monitoring', status: 'findings' },
    ],
    failOn: 'warning',
    ...overrides,
  };
}

/** A deploy-checks gate that ran on two projects: its detail has one line per project. */
export const TWO_PROJECT_GATE: GateResult = {
  gate: 'deploy-checks',
  status: 'failed',
  durationMs: 3100,
  detail: [
    'shop.settings with DEBUG=True on Django 4.2.11, /usr/bin/python3 (Python 3.11.2): 9 checks reported',
    'webhooks.settings (webhooks) with DEBUG=False on Django 4.2.11, /usr/bin/python3 (Python 3.11.2): 1 check reported',
  ].join('\n'),
  findings: [],
};
