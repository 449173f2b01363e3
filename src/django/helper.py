"""django-launch-gate's helper: runs inside the user's Python, talks JSON.

Usage: python helper.py <subcommand> [options]
  probe                          Python/Django versions, whether the settings import, DEBUG, settings module
  checks [--deploy]              django.setup(), then the system checks (silenced ones included, marked)
  collectstatic --static-root D  collectstatic into D with DEBUG=False and the production storage, then
                                 every {% static '...' %} literal in the templates against the manifest

The result is printed last on stdout after a marker line, so output of the user's code (a print() in the
settings) cannot corrupt it. Works on Python 3.8+ and Django 3.2, 4.2, 5.2. Only the standard library and
Django are imported. Never prints setting values (secrets).
"""
import json
import os
import platform
import re
import sys
import traceback

MARK = "@@django-launch-gate-json@@"

# The helper's own folder must not shadow the user's modules; the project (cwd) must be importable, as
# manage.py's folder is when manage.py runs.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]
if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())


def emit(data):
    sys.stdout.flush()
    sys.stdout.write("\n" + MARK + json.dumps(data) + "\n")
    sys.stdout.flush()


def tb():
    return traceback.format_exc()


def probe():
    out = {
        "executable": sys.executable,
        "python": platform.python_version(),
        "django": None,
        "settings_module": os.environ.get("DJANGO_SETTINGS_MODULE") or None,
        "settings_ok": False,
    }
    try:
        import django

        out["django"] = django.get_version()
    except Exception:
        out["django_error"] = tb()
        return out
    try:
        from django.conf import settings

        debug = settings.DEBUG  # imports the settings module
        out["settings_module"] = settings.SETTINGS_MODULE
        out["debug"] = repr(debug)
        out["settings_ok"] = True
    except Exception as e:
        out["settings_error_type"] = type(e).__name__
        out["settings_error"] = tb()
        return out
    try:
        django.setup()
        out["setup_ok"] = True
    except Exception as e:
        out["setup_ok"] = False
        out["setup_error_type"] = type(e).__name__
        out["setup_error"] = tb()
    return out


LEVELS = [(50, "CRITICAL"), (40, "ERROR"), (30, "WARNING"), (20, "INFO"), (10, "DEBUG")]


def level_name(n):
    for value, name in LEVELS:
        if n >= value:
            return name
    return "DEBUG"


def source_of(obj):
    """(file, line) where a model or a field of a model is defined, or (None, None)."""
    import inspect

    try:
        from django.db import models
    except Exception:
        return None, None
    model = None
    field_name = None
    if isinstance(obj, type) and issubclass(obj, models.Model):
        model = obj
    elif isinstance(obj, models.Field) and getattr(obj, "model", None) is not None:
        model = obj.model
        field_name = obj.name
    elif hasattr(obj, "model") and isinstance(getattr(obj, "model"), type):
        model = obj.model  # e.g. a ModelAdmin
    if model is None:
        return None, None
    try:
        lines, start = inspect.getsourcelines(model)
        path = os.path.abspath(inspect.getsourcefile(model))
    except Exception:
        return None, None
    line = start
    if field_name:
        pat = re.compile(r"^\s*" + re.escape(field_name) + r"\s*[:=]")
        for i, text in enumerate(lines):
            if pat.match(text):
                line = start + i
                break
    return path, line


def obj_text(obj):
    if obj is None:
        return None
    try:
        from django.db import models

        if isinstance(obj, type) and issubclass(obj, models.Model):
            return obj._meta.label
    except Exception:
        pass
    try:
        return str(obj)
    except Exception:
        return repr(obj)


def checks(deploy):
    import django

    django.setup()
    from django.conf import settings
    from django.core import checks as dj_checks

    silenced = list(getattr(settings, "SILENCED_SYSTEM_CHECKS", []) or [])
    # Run with silencing off, so silenced checks are reported (and marked) instead of dropped.
    settings.SILENCED_SYSTEM_CHECKS = []
    try:
        messages = dj_checks.run_checks(include_deployment_checks=deploy)
    finally:
        settings.SILENCED_SYSTEM_CHECKS = silenced
    out = []
    for m in messages:
        path, line = source_of(m.obj)
        item = {
            "id": m.id,
            "level": level_name(m.level),
            "message": str(m.msg),
            "hint": None if m.hint is None else str(m.hint),
            "obj": obj_text(m.obj),
            "silenced": m.id in silenced,
        }
        if path:
            item["file"] = path
            item["line"] = line
        out.append(item)
    return {
        "django": django.get_version(),
        "settings_module": settings.SETTINGS_MODULE,
        "debug": repr(settings.DEBUG),
        "silenced": silenced,
        "messages": out,
    }


STATIC_TAG = re.compile(r"""\{%\s*static\s+(['"])([^'"]+)\1""")


def template_dirs():
    from django.apps import apps
    from django.conf import settings

    dirs = []
    for engine in getattr(settings, "TEMPLATES", []) or []:
        for d in engine.get("DIRS", []) or []:
            dirs.append(str(d))
        if engine.get("APP_DIRS"):
            for app in apps.get_app_configs():
                dirs.append(os.path.join(app.path, "templates"))
    seen = []
    for d in dirs:
        d = os.path.abspath(d)
        if os.path.isdir(d) and d not in seen:
            seen.append(d)
    return seen


def static_sources():
    """(relative name, absolute path) of every file the staticfiles finders see."""
    from django.contrib.staticfiles.finders import get_finders

    for finder in get_finders():
        for rel, storage in finder.list(["CVS", ".*", "*~"]):
            try:
                yield rel.replace(os.sep, "/"), storage.path(rel)
            except Exception:
                continue


def find_reference(missing, referrer=None):
    """The CSS/JS file (and line) that references `missing`; `referrer` (a static name) when Django named it."""
    base = missing.rsplit("/", 1)[-1]
    if not base:
        return None, None
    candidates = []
    for rel, path in static_sources():
        if referrer and rel != referrer:
            continue
        if not rel.endswith((".css", ".js", ".scss")) and not referrer:
            continue
        candidates.append(path)
    for path in candidates:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                for i, text in enumerate(f, 1):
                    if base in text:
                        return os.path.abspath(path), i
        except OSError:
            continue
    if referrer and candidates:
        return os.path.abspath(candidates[0]), 1
    return None, None


def collectstatic(static_root):
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    errors = []
    out = {"errors": errors}
    # Assigned directly (not override_settings): no setting_changed signal reaches the project's receivers.
    settings.STATIC_ROOT = static_root
    settings.DEBUG = False
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.utils.functional import empty

    try:
        from django.core.files.storage import storages  # Django 4.2+: instances cached per alias

        storages._storages = {}
    except ImportError:
        pass
    staticfiles_storage._wrapped = empty
    out["debug"] = repr(settings.DEBUG)
    try:
        staticfiles_storage._setup()  # the lazy storage, set up with the STATIC_ROOT above
        storage = staticfiles_storage._wrapped
    except Exception as e:
        errors.append({"message": str(e), "type": type(e).__name__, "traceback": tb()})
        return out
    storage_class = type(storage)
    out["storage"] = storage_class.__module__ + "." + storage_class.__name__
    from django.core.files.storage import FileSystemStorage

    if not isinstance(storage, FileSystemStorage):
        # S3/GCS/Azure: collectstatic would upload to the real bucket. Never touch production from a check.
        out["skipped"] = "the static files storage %s is remote: collectstatic would upload to it" % out["storage"]
        return out
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
    except Exception as e:
        message = str(e)
        item = {"message": message, "type": type(e).__name__}
        m = re.search(r"The file '([^']+)' could not be found", message)
        if m:
            item["missing"] = m.group(1)
            r = re.search(r"The (?:CSS|JS) file '([^']+)' references", message)
            path, line = find_reference(m.group(1), r.group(1) if r else None)
            if path:
                item["file"] = path
                item["line"] = line
        else:
            item["traceback"] = tb()
        errors.append(item)
        return out
    count = 0
    for _, _, files in os.walk(static_root):
        count += len(files)
    out["collected"] = count
    # What production renders with DEBUG=False: every {% static %} literal must be in the manifest.
    manifest = hasattr(storage, "stored_name") and hasattr(storage, "manifest_strict")
    out["manifest"] = bool(manifest)
    out["references"] = 0
    if manifest:
        for d in template_dirs():
            for dirpath, _, files in os.walk(d):
                for name in sorted(files):
                    path = os.path.join(dirpath, name)
                    try:
                        with open(path, encoding="utf-8", errors="replace") as f:
                            lines = f.readlines()
                    except OSError:
                        continue
                    for i, text in enumerate(lines, 1):
                        for sm in STATIC_TAG.finditer(text):
                            ref = sm.group(2)
                            out["references"] += 1
                            try:
                                storage.stored_name(ref)
                            except ValueError as e:
                                errors.append({"message": str(e), "type": "ValueError", "missing": ref, "file": os.path.abspath(path), "line": i, "template": True})
                            except Exception:
                                pass
    return out


def main(argv):
    if not argv:
        sys.stderr.write(__doc__)
        return 2
    cmd, args = argv[0], argv[1:]
    if cmd == "probe":
        emit(probe())
        return 0
    if cmd == "checks":
        emit(checks("--deploy" in args))
        return 0
    if cmd == "collectstatic":
        root = args[args.index("--static-root") + 1]
        emit(collectstatic(root))
        return 0
    sys.stderr.write("unknown subcommand %s\n" % cmd)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
