/**
 * The small error taxonomy both entries (src/cli.ts, src/main.ts) and everything below them share, and the
 * one-line form every problem is shown in: `django-launch-gate: <what is wrong> — <what to do>`.
 */

export const PROG = 'django-launch-gate';

/**
 * Bad input from the user (unknown gate, bad path, unresolvable settings module, a malformed option): exit 2,
 * one clear line. The message is `<what is wrong> — <what to do>`, or give the `hint` (what to do) apart.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const DEFAULT_HINT = `run ${PROG} --help for usage`;

/**
 * One line `django-launch-gate: <what is wrong> — <what to do>` for any error.
 * With `debug`, the stack follows on the next lines.
 */
export function errorLine(err: unknown, debug = false): string {
  let what: string;
  let hint: string;
  if (err instanceof UsageError) {
    [what, hint] = err.hint !== undefined ? [err.message, err.hint] : splitHint(err.message, DEFAULT_HINT);
  } else {
    const msg = err instanceof Error ? err.message : String(err);
    [what, hint] = splitHint(`unexpected error: ${msg}`, 'set DLG_DEBUG=1 for details and report it as a bug');
  }
  let line = `${PROG}: ${oneLine(what)} — ${oneLine(hint)}`;
  if (debug && err instanceof Error && err.stack) line += `\n${err.stack}`;
  return line;
}

function splitHint(message: string, fallbackHint: string): [string, string] {
  const text = oneLine(message).replace(new RegExp(`^${PROG}:\\s*`), '');
  const at = text.indexOf(' — ');
  return at >= 0 ? [text.slice(0, at), text.slice(at + 3)] : [text, fallbackHint];
}

/** Line breaks (and the blanks around them) as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
