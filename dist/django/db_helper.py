"""django-launch-gate's database helper: runs inside the user's Python, talks JSON.

Usage: python db_helper.py <subcommand> [options]
  makemigrations            the changes `makemigrations` would write (no database needed), with the
                            source line of each model involved
  migrate [--check-only] [--expect-name NAME]
                            which database the settings use (vendor, NAME); unless that is not the
                            database provided (--expect-name): `migrate` (unless --check-only), reporting
                            the failing migration, operation and line; then the unapplied migrations
  manage-test MANAGE_PY [ARGS...]
                            `manage.py test ARGS` with a test runner wrapping the project's own: writes the
                            result (failures with tracebacks, counts, database vendor) as JSON to the
                            file named by DLG_TEST_REPORT; the exit status is the test command's

The result is printed last on stdout after a marker line, so output of the user's code cannot corrupt it.
Works on Python 3.8+ and Django 3.2, 4.2, 5.2. Only the standard library and Django are imported. Never
prints setting values other than the database vendor, engine and NAME (no passwords).
"""
import ast
import io
import json
import os
import sys
import time
import traceback
import types

MARK = "@@django-launch-gate-json@@"

_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]
if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())


def emit(data):
    sys.stdout.flush()
    sys.stdout.write("\n" + MARK + json.dumps(data) + "\n")
    sys.stdout.flush()


def short(text, lines=12):
    parts = [l for l in str(text).strip().splitlines() if l.strip()]
    return "\n".join(parts[:lines])


def setup():
    """django.setup(); on failure the stage that failed, as a dict (else None)."""
    try:
        import django
    except Exception as e:
        return {"stage": "django", "type": type(e).__name__, "message": short(e, 3), "traceback": traceback.format_exc()}
    try:
        from django.conf import settings

        settings.INSTALLED_APPS  # imports the settings module
    except Exception as e:
        return {"stage": "settings", "type": type(e).__name__, "message": short(e, 3), "traceback": traceback.format_exc()}
    try:
        django.setup()
    except Exception as e:
        return {"stage": "setup", "type": type(e).__name__, "message": short(e, 3), "traceback": traceback.format_exc()}
    return None


def model_source(model):
    import inspect

    try:
        return os.path.abspath(inspect.getsourcefile(model)), inspect.getsourcelines(model)[1]
    except Exception:
        return None, None


def makemigrations():
    failed = setup()
    if failed:
        return {"error": failed}
    import django
    from django.apps import apps
    from django.db.migrations.autodetector import MigrationAutodetector
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.questioner import NonInteractiveMigrationQuestioner
    from django.db.migrations.state import ProjectState

    try:
        from django.db.migrations.writer import MigrationWriter
    except Exception:  # pragma: no cover
        MigrationWriter = None

    # No database: makemigrations' consistency check against the database is not what this asks.
    loader = MigrationLoader(None, ignore_no_migrations=True)
    conflicts = {app: sorted(names) for app, names in loader.detect_conflicts().items()}
    if conflicts:
        return {"django": django.get_version(), "changes": [], "conflicts": conflicts}
    questioner = NonInteractiveMigrationQuestioner(specified_apps=set(), dry_run=True)
    autodetector = MigrationAutodetector(loader.project_state(), ProjectState.from_apps(apps), questioner)
    changes = autodetector.changes(graph=loader.graph, trim_to_apps=None, convert_apps=None, migration_name=None)
    out = []
    for app_label, migrations in sorted(changes.items()):
        try:
            app = apps.get_app_config(app_label)
        except LookupError:
            app = None
        models_file = None
        if app is not None:
            mod = getattr(app, "models_module", None)
            if mod is not None and getattr(mod, "__file__", None):
                models_file = os.path.abspath(mod.__file__)
            elif os.path.exists(os.path.join(app.path, "models.py")):
                models_file = os.path.join(app.path, "models.py")
        for migration in migrations:
            path = None
            if MigrationWriter is not None:
                try:
                    path = os.path.abspath(MigrationWriter(migration).path)
                except Exception:
                    path = None
            ops = []
            sources = []
            for op in migration.operations:
                try:
                    ops.append(op.describe())
                except Exception:
                    ops.append(type(op).__name__)
                name = getattr(op, "model_name", None) or getattr(op, "name", None)
                if not name or app is None:
                    continue
                try:
                    model = apps.get_model(app_label, name)
                except Exception:
                    continue
                f, line = model_source(model)
                if f:
                    sources.append({"model": model.__name__, "file": f, "line": line})
            out.append({
                "app": app_label,
                "app_path": None if app is None else os.path.abspath(app.path),
                "models_file": models_file,
                "name": migration.name,
                "path": path,
                "operations": ops,
                "sources": sources,
            })
    return {"django": django.get_version(), "changes": out, "conflicts": {}}


def database_info():
    from django.db import connection

    s = connection.settings_dict
    return {
        "vendor": connection.vendor,
        "engine": s.get("ENGINE"),
        "name": None if s.get("NAME") is None else str(s.get("NAME")),
        "host": s.get("HOST") or "",
        "port": str(s.get("PORT") or ""),
    }


def operation_line(path, index):
    """Line of operations[index] in a migration file (else of `operations`, else of class Migration)."""
    try:
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)
    except Exception:
        return None
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "Migration":
            for stmt in node.body:
                targets = []
                if isinstance(stmt, ast.Assign):
                    targets = stmt.targets
                elif isinstance(stmt, ast.AnnAssign):
                    targets = [stmt.target]
                if any(isinstance(t, ast.Name) and t.id == "operations" for t in targets):
                    value = stmt.value
                    if isinstance(value, (ast.List, ast.Tuple)) and index is not None and 0 <= index < len(value.elts):
                        return value.elts[index].lineno
                    return stmt.lineno
            return node.lineno
    return None


def unapplied():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    targets = executor.loader.graph.leaf_nodes()
    plan = executor.migration_plan(targets)
    out = []
    for migration, backwards in plan:
        if backwards:
            continue
        module = sys.modules.get(migration.__module__)
        out.append({
            "app": migration.app_label,
            "name": migration.name,
            "file": os.path.abspath(module.__file__) if module is not None and getattr(module, "__file__", None) else None,
        })
    return out


def migrate(check_only, expect_name):
    failed = setup()
    if failed:
        return {"error": failed}
    import django
    from django.db import connection

    out = {"django": django.get_version(), "database": database_info()}
    if expect_name is not None and out["database"]["name"] != expect_name:
        # The settings do not use the database provided: connecting (SQLite creates its file) or migrating
        # would touch whatever they name instead.
        out["ignored"] = True
        return out
    try:
        connection.ensure_connection()
    except Exception as e:
        out["connect_error"] = {"type": type(e).__name__, "message": short(e, 4)}
        return out
    if not check_only:
        out["migrate"] = run_migrate()
        if out["migrate"].get("failed"):
            return out
        out["database_after"] = database_info()
    try:
        out["unapplied"] = unapplied()
    except Exception as e:
        out["check_error"] = {"type": type(e).__name__, "message": short(e, 4), "traceback": traceback.format_exc()}
    return out


def run_migrate():
    from django.core.management import call_command
    from django.db.migrations.loader import MigrationLoader

    # Wrap each operation of each migration on disk to know which one runs when migrate fails. The migrate
    # command's own loader gets the same operation objects (migration modules are imported once).
    current = {}
    loader = MigrationLoader(None, ignore_no_migrations=True)
    files = {}
    for key, migration in loader.disk_migrations.items():
        module = sys.modules.get(migration.__module__)
        if module is not None and getattr(module, "__file__", None):
            files[key] = os.path.abspath(module.__file__)
        for index, op in enumerate(getattr(type(migration), "operations", []) or []):
            original = op.database_forwards

            def wrapped(*args, _original=original, _key=key, _index=index, _op=op, **kwargs):
                current["key"] = _key
                current["index"] = _index
                current["op"] = _op
                return _original(*args, **kwargs)

            try:
                op.database_forwards = wrapped
            except Exception:
                pass

    buf = io.StringIO()
    started = time.time()
    try:
        call_command("migrate", interactive=False, verbosity=1, stdout=buf, stderr=buf)
    except BaseException as e:
        if isinstance(e, KeyboardInterrupt):
            raise
        text = buf.getvalue()
        applying = None
        finished = False
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("Applying "):
                applying = line[len("Applying "):].split("...")[0].strip()
                finished = line.endswith("OK")
        # The migration being applied when it failed (none: before the first or after the last one).
        key = None
        if applying and not finished and "." in applying:
            key = tuple(applying.split(".", 1))
        if key is None or current.get("key") != key:
            current.pop("index", None)
            current.pop("op", None)
        failed = {"type": type(e).__name__, "message": short(e, 6), "traceback": traceback.format_exc()}
        if key:
            failed["app"], failed["name"] = key
            path = files.get(tuple(key))
            if path:
                failed["file"] = path
                line = None
                # RunPython code in the migration file: the frame in that file is the exact line.
                for frame in traceback.extract_tb(e.__traceback__):
                    if os.path.abspath(frame.filename) == path:
                        line = frame.lineno
                if line is None:
                    line = operation_line(path, current.get("index"))
                failed["line"] = line
            if current.get("op") is not None:
                try:
                    failed["operation"] = current["op"].describe()
                except Exception:
                    failed["operation"] = type(current["op"]).__name__
        return {"failed": failed, "output": short(text, 40), "seconds": round(time.time() - started, 3)}
    applied = [l.strip()[len("Applying "):].split("...")[0].strip() for l in buf.getvalue().splitlines() if l.strip().startswith("Applying ")]
    return {"applied": applied, "seconds": round(time.time() - started, 3)}


# ------------------------------------------------------------------------------------------------------
# manage.py test with a reporting runner

RUNNER_MODULE = "django_launch_gate_runner"


def make_runner():
    from django.conf import settings
    from django.test.utils import get_runner

    base = get_runner(settings, os.environ.get("DLG_BASE_TEST_RUNNER") or None)
    report_file = os.environ.get("DLG_TEST_REPORT")

    def source_file(test):
        import inspect

        try:
            return os.path.abspath(inspect.getsourcefile(type(test)))
        except Exception:
            return None

    def entries(kind, items):
        out = []
        for test, text in items:
            try:
                ident = test.id()
            except Exception:
                ident = str(test)
            out.append({"kind": kind, "test": ident, "description": str(test), "file": source_file(test), "traceback": str(text)})
        return out

    class Runner(base):
        def run_suite(self, suite, **kwargs):
            started = time.time()
            result = super().run_suite(suite, **kwargs)
            data = {
                "ran": getattr(result, "testsRun", 0),
                "failures": entries("failure", getattr(result, "failures", [])) + entries("error", getattr(result, "errors", [])),
                "skipped": len(getattr(result, "skipped", []) or []),
                "expected_failures": len(getattr(result, "expectedFailures", []) or []),
                "unexpected_successes": [str(t) for t in (getattr(result, "unexpectedSuccesses", []) or [])],
                "seconds": round(time.time() - started, 3),
                "runner": base.__module__ + "." + base.__name__,
            }
            data["settings"] = getattr(settings, "SETTINGS_MODULE", None)
            try:
                from django.db import connection

                data["vendor"] = connection.vendor
                data["database"] = None if connection.settings_dict.get("NAME") is None else str(connection.settings_dict.get("NAME"))
            except Exception:
                pass
            if report_file:
                with open(report_file, "w", encoding="utf-8") as f:
                    json.dump(data, f)
            return result

    Runner.__name__ = "Runner"
    Runner.__qualname__ = "Runner"
    Runner.__module__ = RUNNER_MODULE
    return Runner


def manage_test(manage_py, args):
    import runpy

    module = types.ModuleType(RUNNER_MODULE)
    cache = {}

    def __getattr__(name):
        if name != "Runner":
            raise AttributeError(name)
        if "Runner" not in cache:
            cache["Runner"] = make_runner()
        return cache["Runner"]

    module.__getattr__ = __getattr__
    sys.modules[RUNNER_MODULE] = module
    manage_py = os.path.abspath(manage_py)
    folder = os.path.dirname(manage_py)
    # As `python manage.py`: its folder first on sys.path.
    if folder in sys.path:
        sys.path.remove(folder)
    sys.path.insert(0, folder)
    sys.argv = [manage_py, "test", "--testrunner", RUNNER_MODULE + ".Runner"] + list(args)
    runpy.run_path(manage_py, run_name="__main__")
    return 0


def main(argv):
    if not argv:
        sys.stderr.write(__doc__)
        return 2
    cmd, args = argv[0], argv[1:]
    if cmd == "makemigrations":
        emit(makemigrations())
        return 0
    if cmd == "migrate":
        expect = args[args.index("--expect-name") + 1] if "--expect-name" in args else None
        emit(migrate("--check-only" in args, expect))
        return 0
    if cmd == "manage-test":
        return manage_test(args[0], args[1:])
    sys.stderr.write("unknown subcommand %s\n" % cmd)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
