/**
 * src/github/alerts.ts in process: which results are suppressed, the dismissal comment (prefix, redaction,
 * 280 characters), which alert is which result (rule + path + start line, column, tool, category, ref), and
 * which dismissals are ours. The bundled action against the fake API is in action.test.ts.
 */
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { categoryOf, dismissComment, dismissedByUs, matchAlert, MAX_COMMENT_CHARS, resultSpots, type Alert } from '../../src/github/alerts';

const result = (ruleId: string, uri: string, line: number, extra: Partial<Sarif.Result> = {}): Sarif.Result => ({
  ruleId,
  message: { text: 'm' },
  locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: line, startColumn: 1 } } }],
  ...extra,
});

const log = (results: Sarif.Result[], id = 'Launch gate:gate/python:3.12/'): Sarif.Log => ({
  version: '2.1.0',
  runs: [{ tool: { driver: { name: 'django-launch-gate', rules: [{ id: 'launch.W105' }] } }, automationDetails: { id }, results }],
});

const suppressed = { suppressions: [{ kind: 'inSource' as const, status: 'accepted' as const, justification: 'behind the proxy' }] };

const alert = (over: Partial<Alert> & { path?: string; line?: number; column?: number; category?: string; ref?: string } = {}): Alert => ({
  number: over.number ?? 1,
  state: over.state ?? 'open',
  rule: over.rule ?? { id: 'launch.W105' },
  tool: over.tool ?? { name: 'django-launch-gate' },
  dismissed_reason: over.dismissed_reason ?? null,
  dismissed_comment: over.dismissed_comment ?? null,
  most_recent_instance: {
    ref: over.ref ?? 'refs/heads/main',
    category: over.category ?? 'Launch gate:gate/python:3.12',
    location: { path: over.path ?? 'config/settings/production.py', start_line: over.line ?? 56, start_column: over.column ?? 1 },
  },
});

describe('resultSpots', () => {
  it('splits suppressed (inSource, accepted) from unsuppressed results; rule from ruleIndex; decoded paths; the category', () => {
    const spots = resultSpots(
      log([
        result('launch.W105', 'config/settings/production.py', 56, suppressed),
        { ...result('x', 'my%20app/settings.py', 3), ruleId: undefined, ruleIndex: 0 },
        result('launch.W106', 'a.py', 2, { suppressions: [{ kind: 'external', status: 'accepted' }] }),
        result('launch.W107', 'b.py', 2, { suppressions: [{ kind: 'inSource', status: 'rejected' }] }),
      ]),
    );
    expect(spots.suppressed).toEqual([
      { toolName: 'django-launch-gate', category: 'Launch gate:gate/python:3.12', ruleId: 'launch.W105', path: 'config/settings/production.py', startLine: 56, startColumn: 1, justification: 'behind the proxy' },
    ]);
    expect(spots.unsuppressed.map((s) => `${s.ruleId} ${s.path}:${s.startLine}`)).toEqual(['launch.W105 my app/settings.py:3', 'launch.W106 a.py:2', 'launch.W107 b.py:2']);
  });

  it('categoryOf: automationDetails.id up to its last slash', () => {
    expect(categoryOf('Launch gate:gate/python:3.12/')).toBe('Launch gate:gate/python:3.12');
    expect(categoryOf('django-launch-gate/')).toBe('django-launch-gate');
    expect(categoryOf('a/b/run-1')).toBe('a/b');
    expect(categoryOf('no-slash')).toBeUndefined();
    expect(categoryOf(undefined)).toBeUndefined();
  });
});

describe('dismissComment', () => {
  it('prefix + reason on one line, redacted; no reason said so', () => {
    expect(dismissComment('behind\n  the proxy')).toBe('Suppressed in source: behind the proxy');
    expect(dismissComment('key hunter2-secret here', (t) => t.replaceAll('hunter2-secret', '[REDACTED]'))).toBe('Suppressed in source: key [REDACTED] here');
    expect(dismissComment('')).toBe('Suppressed in source: (no reason given)');
    expect(dismissComment(undefined)).toBe('Suppressed in source: (no reason given)');
  });

  it('at most 280 characters (code points and UTF-16 units), ending in …', () => {
    const long = dismissComment('x'.repeat(400));
    expect(long.length).toBe(MAX_COMMENT_CHARS);
    expect(long.endsWith('x…')).toBe(true);
    const astral = dismissComment('😀'.repeat(300));
    expect(astral.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(Array.from(astral).length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(astral).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half of a surrogate pair
    expect(dismissComment('y'.repeat(MAX_COMMENT_CHARS - 'Suppressed in source: '.length))).toHaveLength(MAX_COMMENT_CHARS);
  });

  it('dismissedByUs: won\'t fix with our prefix, nothing else', () => {
    expect(dismissedByUs({ dismissed_reason: "won't fix", dismissed_comment: 'Suppressed in source: x' })).toBe(true);
    expect(dismissedByUs({ dismissed_reason: 'false positive', dismissed_comment: 'Suppressed in source: x' })).toBe(false);
    expect(dismissedByUs({ dismissed_reason: "won't fix", dismissed_comment: 'Suppressed via SARIF' })).toBe(false);
    expect(dismissedByUs({ dismissed_reason: "won't fix", dismissed_comment: null })).toBe(false);
  });
});

describe('matchAlert: exactly a result of this run, or nothing', () => {
  const spots = resultSpots(log([result('launch.W105', 'config/settings/production.py', 56, suppressed), result('launch.W106', 'config/settings/production.py', 57)]));
  const ref = 'refs/heads/main';

  it('rule + path + line of a suppressed / unsuppressed result', () => {
    expect(matchAlert(alert(), ref, spots)).toMatchObject({ kind: 'suppressed', spot: { ruleId: 'launch.W105', justification: 'behind the proxy' } });
    expect(matchAlert(alert({ rule: { id: 'launch.W106' }, line: 57 }), ref, spots)).toMatchObject({ kind: 'unsuppressed' });
  });

  it('another rule, path, line, column, tool, category or ref: no match', () => {
    expect(matchAlert(alert({ rule: { id: 'launch.W106' } }), ref, spots).kind).toBe('none');
    expect(matchAlert(alert({ path: 'config/settings/base.py' }), ref, spots).kind).toBe('none');
    expect(matchAlert(alert({ line: 55 }), ref, spots).kind).toBe('none');
    expect(matchAlert(alert({ column: 5 }), ref, spots).kind).toBe('none');
    expect(matchAlert(alert({ tool: { name: 'semgrep' } }), ref, spots).kind).toBe('none');
    expect(matchAlert(alert({ category: 'Launch gate:other' }), ref, spots)).toEqual({ kind: 'none', why: 'category "Launch gate:other"' });
    expect(matchAlert(alert({ ref: 'refs/heads/feature' }), ref, spots).kind).toBe('none');
    expect(matchAlert({ number: 9, rule: { id: 'launch.W105' } }, ref, spots).kind).toBe('none');
  });

  it('the ref as a bare branch name and the category with its trailing slash still match', () => {
    expect(matchAlert(alert({ ref: 'main', category: 'Launch gate:gate/python:3.12/' }), ref, spots).kind).toBe('suppressed');
  });

  it('a suppressed and an unsuppressed result at one place: left alone', () => {
    const both = resultSpots(log([result('launch.W105', 'p.py', 3, suppressed), result('launch.W105', 'p.py', 3)]));
    expect(matchAlert(alert({ path: 'p.py', line: 3 }), ref, both)).toEqual({ kind: 'none', why: 'both a suppressed and an unsuppressed result there' });
  });
});
