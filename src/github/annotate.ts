/**
 * Annotations on the pull request: the reporter picks them (selectAnnotations), this file turns
 * them into workflow commands with repository-relative paths.
 */
import * as core from '@actions/core';
import type { Report } from '../finding';
import { selectAnnotations } from '../report/annotations';
import type { Redactor } from '../report/redact';

/** GitHub caps annotations per step at 10 per level; selectAnnotations keeps the most useful ones. */
export const MAX_ANNOTATIONS = 10;

/**
 * Emit the report's annotations (report already rebased on the repository checkout and redacted; redacted
 * again here). The overflow notice has no file: it is emitted without a location. Returns how many were emitted.
 */
export function annotate(report: Report, redactor: Redactor): number {
  const annotations = selectAnnotations(report, MAX_ANNOTATIONS);
  for (const a of annotations) {
    const props: core.AnnotationProperties = { title: redactor.redact(a.title) };
    if (a.file) {
      props.file = a.file;
      if (a.startLine > 0) props.startLine = a.startLine;
      if (a.startColumn !== undefined) props.startColumn = a.startColumn;
    }
    const message = redactor.redact(a.message);
    if (a.kind === 'error') core.error(message, props);
    else if (a.kind === 'warning') core.warning(message, props);
    else core.notice(message, props);
  }
  return annotations.length;
}
