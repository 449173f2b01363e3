import type { Location } from '../finding';
import type { SyntaxNode } from '../project/python';
import type { ScanContext } from '../project/scan';
import type { Rule } from './rule';
import { followsDebug, forProduction, label, worldClause, worldsWhere, type Value } from './settings-util';

const GENERATORS = new Set(['get_random_secret_key', 'get_random_string', 'token_urlsafe', 'token_hex', 'token_bytes', 'urandom', 'uuid4']);

function generated(v: Value): boolean {
  return v.kind === 'call' && GENERATORS.has(v.callee.split('.').pop() ?? '');
}

/**
 * The generate-once idiom (WebODM): `try: from .secret_key import SECRET_KEY` / `except ImportError:` generate a
 * key, write it to that module, use it. The first import makes the file and every later one reads it, so the
 * key holds across workers and restarts on one disk — but not for a fresh container, a replica or a
 * read-only deploy, which makes its own. Returns the module the try imports the key from when the generated
 * value at `at` is so persisted: an except clause of a try that imports SECRET_KEY, and a `.write(...)` in it.
 */
function persistedTo(ctx: ScanContext, at: Location): string | undefined {
  const file = ctx.workspace.get(at.file);
  if (!file) return undefined;
  const row = at.line - 1;
  const text = file.text.split('\n')[row] ?? '';
  let n: SyntaxNode | null = ctx.workspace.tree(file).rootNode.descendantForPosition({ row, column: text.length - text.trimStart().length });
  while (n && n.type !== 'except_clause') n = n.parent;
  const tryStmt = n?.parent;
  if (!n || tryStmt?.type !== 'try_statement') return undefined;
  const from = tryStmt.childForFieldName('body')?.namedChildren.find((st) => st.type === 'import_from_statement' && st.childrenForFieldName('name').some((c) => c.text === 'SECRET_KEY'));
  if (!from || !/\.write\s*\(/.test(n.text)) return undefined;
  return from.childForFieldName('module_name')?.text;
}

/** launch.E033: SECRET_KEY generated at import (`get_random_secret_key()`): a new key per process. */
export default {
  meta: {
    id: 'launch.E033',
    name: 'secret-key-generated-at-import',
    checklist: 'secret-key',
    level: 'error',
    title: 'SECRET_KEY is generated when the settings are imported: every process gets a different key',
    fix: 'Generate the key once, store it in the environment or a secrets manager, and read it: SECRET_KEY = os.environ["DJANGO_SECRET_KEY"].',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability'],
    settings: ['SECRET_KEY'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('SECRET_KEY');
      if (!b) return [];
      const worlds = worldsWhere((w) => generated(b[w]));
      if (worlds.length === 0) return [];
      const persisted = persistedTo(ctx, b.location);
      if (persisted) {
        return [{
          location: b.location,
          level: 'note',
          message: `SECRET_KEY in ${label(s)} is generated at import${worldClause(ctx, worlds, [b])} and written to \`${persisted}\`, which the settings import first — a note: the key holds across workers and restarts on one disk, but a fresh container, another replica or a read-only deploy without that file makes its own.`,
        }];
      }
      const debug = followsDebug(ctx, s, 'SECRET_KEY', worlds);
      return [{
        location: b.location,
        message: `SECRET_KEY in ${label(s)} is generated at import${worldClause(ctx, worlds, [b, debug?.debug])}: each worker and each restart signs with a new key, so sessions, password-reset links and signed cookies break between them${debug?.note ?? ''}.`,
        ...(debug ? { level: 'note' as const } : {}),
      }];
    });
  },
} satisfies Rule;
