/**
 * The settings evaluator in both worlds, on real files through the real scan: every env idiom the
 * production checklist depends on, the star-import chain, list/dict mutations, conditionals.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { scan } from '../../src/project/scan';
import type { EvaluatedSettings, Value } from '../../src/project/values';

function project(files: Record<string, string>): string {
  const dir = tempDir('dlg-eval-');
  const all: Record<string, string> = {
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    'app/__init__.py': '',
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function settings(text: string, extra: Record<string, string> = {}): EvaluatedSettings {
  const ctx = scan(project({ 'app/settings.py': text, ...extra }));
  const prod = ctx.projects[0].production;
  if (!prod) throw new Error('no production settings');
  return prod;
}

/** Compact view of a value for assertions. */
function v(x: Value | undefined): unknown {
  if (!x) return 'MISSING';
  switch (x.kind) {
    case 'str':
    case 'num':
    case 'bool':
      return x.value;
    case 'none':
      return null;
    case 'list':
      return x.items.map(v);
    case 'dict':
      return Object.fromEntries(x.entries.map(([k, y]) => [k, v(y)]));
    case 'env':
      return `<env ${x.name}>`;
    case 'raise':
      return '<raise>';
    case 'call':
      return `<call ${x.callee}>`;
    default:
      return '<unknown>';
  }
}

function worlds(s: EvaluatedSettings, name: string): [unknown, unknown] {
  const b = s.bindings.get(name);
  return [v(b?.unset), v(b?.set)];
}

describe('environment reads in two worlds', () => {
  const cases: Array<[string, string, [unknown, unknown]]> = [
    ['literal', 'DEBUG = True', [true, true]],
    ['os.environ[] is required', 'import os\nDEBUG = os.environ["DEBUG"]', ['<raise>', '<env DEBUG>']],
    ['os.environ.get without default', 'import os\nDEBUG = os.environ.get("DEBUG")', [null, '<env DEBUG>']],
    ['os.getenv with default', 'import os\nSECRET_KEY = os.getenv("SECRET_KEY", "dev-key")', ['dev-key', '<env SECRET_KEY>']],
    ['== "True" with True default', 'import os\nDEBUG = os.getenv("DEBUG", "True") == "True"', [true, '<unknown>']],
    ['== "True" with False default', 'import os\nDEBUG = os.getenv("DEBUG", "False") == "True"', [false, '<unknown>']],
    ['in (...) with lower()', 'import os\nDEBUG = os.getenv("DEBUG", "0").lower() in ("1", "true", "yes")', [false, '<unknown>']],
    ['bool(os.getenv(..., False)) trap', 'import os\nDEBUG = bool(os.getenv("DEBUG", False))', [false, true]],
    ['int() wrapper', 'import os\nDEBUG = int(os.getenv("DEBUG", "1"))', [1, '<unknown>']],
    ['bool(int(...))', 'import os\nDEBUG = bool(int(os.environ.get("DEBUG", 0)))', [false, '<unknown>']],
    ['from os import getenv', 'from os import getenv\nDEBUG = getenv("DEBUG", "true") == "true"', [true, '<unknown>']],
    ['decouple cast=bool', 'from decouple import config\nDEBUG = config("DEBUG", default=True, cast=bool)', [true, '<unknown>']],
    ['decouple string default cast=bool', 'from decouple import config\nDEBUG = config("DEBUG", default="False", cast=bool)', [false, '<unknown>']],
    ['decouple default by position', 'from decouple import config\nDEBUG = config("DEBUG", True, cast=bool)', [true, '<unknown>']],
    ['decouple default and cast by position', 'from decouple import config\nSECURE = config("SECURE", "no", bool)', [false, '<unknown>']],
    ['decouple no default is required', 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")', ['<raise>', '<env SECRET_KEY>']],
    ['environ.Env scheme default', 'import environ\nenv = environ.Env(DEBUG=(bool, True))\nDEBUG = env("DEBUG")', [true, '<unknown>']],
    ['env.bool default', 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DEBUG", default=False)', [false, '<unknown>']],
    ['env() smart cast from default', 'import environ\nenv = environ.Env()\nDEBUG = env("DEBUG", default=True)', [true, '<unknown>']],
    ['env.str default', 'import environ\nenv = environ.Env()\nSECRET_KEY = env.str("SECRET_KEY", default="x-literal")', ['x-literal', '<env SECRET_KEY>']],
    ['env() without default is required', 'import environ\nenv = environ.Env()\nSECRET_KEY = env("SECRET_KEY")', ['<raise>', '<env SECRET_KEY>']],
    // environs (doccano): Env() takes options, not a scheme; env(name, default) and env.bool(name, default) read alike
    ['environs env() positional default', 'from environs import Env\nenv = Env(eager=True)\nenv.read_env()\nSECRET_KEY = env("SECRET_KEY", "x-literal")', ['x-literal', '<env SECRET_KEY>']],
    ['environs env.bool default', 'import environs\nenv = environs.Env()\nDEBUG = env.bool("DEBUG", True)', [true, '<unknown>']],
    ['env.list default', 'import environ\nenv = environ.Env()\nALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["*"])', [['*'], '<unknown>']],
    ['split of unset variable gives [""]', 'import os\nALLOWED_HOSTS = os.getenv("ALLOWED_HOSTS", "").split(",")', [[''], '<unknown>']],
    ['get_random_secret_key at import', 'from django.core.management.utils import get_random_secret_key\nSECRET_KEY = get_random_secret_key()', ['<call get_random_secret_key>', '<call get_random_secret_key>']],
    ['conditional expression', 'import os\nDEBUG = True if os.getenv("ENV") == "dev" else False', [false, '<unknown>']],
    // round 41
    ['and with a False right side (astrobin)', 'import os, sys\nTESTING = len(sys.argv) > 1 and sys.argv[1] == "test"', [false, false]],
    ['dbca-utils env(key, default)', 'from dbca_utils.utils import env\nDEBUG = env("DEBUG", False)', [false, '<unknown>']],
    ['django-getenv env(required=True)', 'from getenv import env\nSECRET_KEY = env("SECRET_KEY", required=True)', ['<raise>', '<unknown>']],
    ['maykin-common config split', 'from maykin_common.config import config\nALLOWED_HOSTS = config("ALLOWED_HOSTS", default="a.example,b.example", split=True)', [['a.example', 'b.example'], '<unknown>']],
    ['a helper called without its default gets its signature\'s', 'import os\ndef env_var(key, default=None):\n    return os.environ.get(key, default)\nHOSTS = env_var("ALLOWED_HOSTS")', [null, '<env ALLOWED_HOSTS>']],
    ['names bound through locals() in a loop (SEED)', 'import os\nfor name in ["DB_NAME"]:\n    locals()[name] = os.environ.get(name, "app")\nDB = DB_NAME', ['app', '<env DB_NAME>']],
  ];
  for (const [name, src, expected] of cases) {
    it(name, () => {
      const key = /^(\w+) =/m.exec(src.split('\n').pop()!)![1];
      expect(worlds(settings(src + '\n'), key)).toEqual(expected);
    });
  }

  it('str.startswith/endswith decide a guard that refuses the literal default (Azavea climate API)', () => {
    const s = settings('import os\nSECRET_KEY = os.getenv("CC_SECRET_KEY", "SECRET_KEY_dev")\nif SECRET_KEY.startswith(("SECRET_KEY", "x")):\n    raise Exception("default key")\nSAFE = SECRET_KEY.endswith("dev")\n');
    expect(worlds(s, 'SECRET_KEY')).toEqual(['<raise>', '<env CC_SECRET_KEY>']);
    expect(worlds(s, 'SAFE')).toEqual(['<raise>', '<unknown>']);
  });

  it('dj_database_url default and conn_max_age; env.db default', () => {
    const s = settings(
      'import dj_database_url\nimport environ\nenv = environ.Env()\nDATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3", conn_max_age=600), "other": env.db("OTHER_URL", default="postgres://u:p4ssw0rd@h/db")}\n',
    );
    expect(worlds(s, 'DATABASES')).toEqual([
      { default: { ENGINE: 'django.db.backends.sqlite3', CONN_MAX_AGE: 600 }, other: { ENGINE: 'django.db.backends.postgresql' } },
      { default: { ENGINE: '<unknown>', CONN_MAX_AGE: 600 }, other: { ENGINE: '<unknown>' } },
    ]);
  });
});

describe('module structure', () => {
  it('follows star-import chains, later assignments win, with locations in the defining file', () => {
    const s = settings('from .base import *\nDEBUG = False\n', {
      'app/base.py': 'DEBUG = True\nSECRET_KEY = "k"\nTIME_ZONE = "UTC"\n',
    });
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(s.bindings.get('DEBUG')!.location).toMatchObject({ file: 'app/settings.py', line: 2 });
    expect(s.bindings.get('TIME_ZONE')!.location).toMatchObject({ file: 'app/base.py', line: 3 });
    expect(s.files).toEqual(['app/base.py', 'app/settings.py']);
  });

  it("reads the environment through an Env instance imported from another module, by name or star (cookiecutter-django, OSMCha)", () => {
    const base = { 'app/base.py': 'import environ\nenv = environ.Env(DEBUG=(bool, True))\n_private = environ.Env()\n' };
    const star = settings('from .base import *\nSECRET_KEY = env("DJANGO_SECRET_KEY", default="dont.forget")\nDEBUG = env("DEBUG")\n', base);
    expect(worlds(star, 'SECRET_KEY')).toEqual(['dont.forget', '<env DJANGO_SECRET_KEY>']);
    expect(worlds(star, 'DEBUG')).toEqual([true, '<unknown>']); // the scheme comes along
    const named = settings('from .base import env as e\nALLOWED_HOSTS = e.list("ALLOWED_HOSTS", default=[])\n', base);
    expect(worlds(named, 'ALLOWED_HOSTS')).toEqual([[], '<unknown>']);
    // a star import does not bring underscored names
    expect(worlds(settings('from .base import *\nSECRET_KEY = _private("K", default="x")\n', base), 'SECRET_KEY')).toEqual(['<unknown>', '<unknown>']);
  });

  it('resolves settings packages and absolute star imports', () => {
    const dir = project({
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.dev")\n',
      'app/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.prod")\n',
      'app/settings/__init__.py': '',
      'app/settings/common.py': 'DEBUG = True\nALLOWED_HOSTS = []\n',
      'app/settings/prod.py': 'from app.settings.common import *\nDEBUG = False\n',
      'app/settings/dev.py': 'from .common import *\n',
    });
    const ctx = scan(dir);
    const p = ctx.projects[0];
    expect(p.info.settingsModule).toBe('app.settings.prod');
    expect(p.info.reason).toContain('app/wsgi.py');
    expect(v(p.production!.bindings.get('DEBUG')!.unset)).toBe(false);
    const dev = p.settings.find((s) => s.module === 'app.settings.dev')!;
    expect(dev.production).toBe(false);
    expect(v(dev.bindings.get('DEBUG')!.unset)).toBe(true);
  });

  it('list and dict mutations: +=, append, insert, extend, remove, item assignment, update', () => {
    const s = settings(
      [
        'MIDDLEWARE = ["a", "b"]',
        'MIDDLEWARE += ["c"]',
        'MIDDLEWARE.append("d")',
        'MIDDLEWARE.insert(0, "z")',
        'MIDDLEWARE.extend(["e"])',
        'MIDDLEWARE.remove("b")',
        'INSTALLED_APPS = ("x",)',
        'INSTALLED_APPS += ("y",)',
        'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}}',
        'DATABASES["default"]["CONN_MAX_AGE"] = 60',
        'DATABASES["default"].update({"ENGINE": "django.db.backends.postgresql"})',
        'STORAGES = {}',
        'STORAGES.update(default={"BACKEND": "s3"})',
        '',
      ].join('\n'),
    );
    expect(worlds(s, 'MIDDLEWARE')[0]).toEqual(['z', 'a', 'c', 'd', 'e']);
    expect(worlds(s, 'INSTALLED_APPS')[0]).toEqual(['x', 'y']);
    expect(worlds(s, 'DATABASES')[0]).toEqual({ default: { ENGINE: 'django.db.backends.postgresql', CONN_MAX_AGE: 60 } });
    expect(s.bindings.get('DATABASES')!.location.line).toBe(11);
    expect(worlds(s, 'STORAGES')[0]).toEqual({ default: { BACKEND: 's3' } });
  });

  it('slices and .index() of a known list: a middleware inserted beside a named one (kitsune)', () => {
    const s = settings(
      [
        'MIDDLEWARE = ("first", "csrf", "last")',
        'at = MIDDLEWARE.index("first") + 1',
        'MIDDLEWARE = (*MIDDLEWARE[:at], "silk", *MIDDLEWARE[at:])',
        'TAIL = MIDDLEWARE[-2:]',
        'HEAD = MIDDLEWARE[:-3]',
        'STEP = MIDDLEWARE[::2]',
        'MISSING = MIDDLEWARE.index("nope")',
        '',
      ].join('\n'),
    );
    expect(worlds(s, 'MIDDLEWARE')[0]).toEqual(['first', 'silk', 'csrf', 'last']);
    expect(worlds(s, 'TAIL')[0]).toEqual(['csrf', 'last']);
    expect(worlds(s, 'HEAD')[0]).toEqual(['first']);
    expect(worlds(s, 'STEP')[0]).toBe('<unknown>');
    expect(s.bindings.get('MISSING')?.unset.kind).toBe('raise');
  });

  it('if DEBUG / if not DEBUG follow DEBUG per world; unknown conditions merge to unknown', () => {
    const s = settings(
      'import os\nDEBUG = os.getenv("DEBUG", "False") == "True"\nif not DEBUG:\n    SECURE_SSL_REDIRECT = True\nelse:\n    SECURE_SSL_REDIRECT = False\nif DEBUG:\n    X_FRAME_OPTIONS = "SAMEORIGIN"\n',
    );
    expect(worlds(s, 'SECURE_SSL_REDIRECT')).toEqual([true, '<unknown>']);
    // Assigned in one world only: conservatively unknown in both (never a finding from a guess).
    expect(worlds(s, 'X_FRAME_OPTIONS')).toEqual(['<unknown>', '<unknown>']);
    expect(s.bindings.get('X_FRAME_OPTIONS')!.conditional).toBe(true);
  });

  it('try/except ImportError around a dev/test module: not deployed in production, except branch taken', () => {
    const s = settings('DEBUG = False\ntry:\n    from .dev import *\nexcept ImportError:\n    SECRET_SOURCE = "env"\n', {
      'app/dev.py': 'DEBUG = True\n',
    });
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(worlds(s, 'SECRET_SOURCE')).toEqual(['env', 'env']);
    expect(s.dynamic).toEqual([]);
  });

  it('a local override module that is in the repository ships with it: production imports it', () => {
    const s = settings('DEBUG = False\ntry:\n    from .local import *\nexcept ImportError:\n    SECRET_SOURCE = "env"\n', {
      'app/local.py': 'DEBUG = True\n',
    });
    expect(worlds(s, 'DEBUG')).toEqual([true, true]);
    expect(s.bindings.get('DEBUG')?.location.file).toBe('app/local.py');
    expect(worlds(s, 'SECRET_SOURCE')).toEqual(['MISSING', 'MISSING']);
  });

  it('a local override module absent from the repository: the except branch, and what it may set is unknown (dynamic)', () => {
    const s = settings('SECRET_KEY = "k"\nDEBUG = False\ntry:\n    from .local_settings import *\nexcept ImportError:\n    SECRET_SOURCE = "env"\n');
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(worlds(s, 'SECRET_SOURCE')).toEqual(['env', 'env']);
    expect(s.dynamic).toHaveLength(1);
    expect(s.dynamic[0]).toMatchObject({ location: { file: 'app/settings.py', line: 4 }, overrides: false });
    expect(s.dynamic[0].reason).toContain('.local_settings');
  });

  it('settings that never set SECRET_KEY need the absent override module: what it may replace is unknown, with what it was before (EvaP)', () => {
    const s = settings('DEBUG = True\ntry:\n    from .local_settings import *\nexcept ImportError:\n    pass\nLANGUAGE_CODE = "de"\n');
    expect(worlds(s, 'DEBUG')).toEqual(['<unknown>', '<unknown>']);
    expect(s.bindings.get('DEBUG')?.overridden?.unset).toMatchObject({ before: [{ kind: 'bool', value: true }], location: { line: 1 }, by: [{ location: { line: 3 } }] });
    // set after the import: the override cannot have replaced it
    expect(worlds(s, 'LANGUAGE_CODE')).toEqual(['de', 'de']);
    expect(s.dynamic[0]).toMatchObject({ overrides: true });
    expect(s.dynamic[0].reason).toContain('no SECRET_KEY');
  });

  it("an absent override module the repository's own deploy writes runs in production: what it may replace is unknown, with what it was before (spug)", () => {
    const text = 'SECRET_KEY = "k"\nDEBUG = True\ntry:\n    from app.overrides import *\nexcept ImportError:\n    pass\nLANGUAGE_CODE = "de"\n';
    const s = settings(text, { 'deploy/entrypoint.sh': '#!/bin/sh\ncat > /srv/site/app/overrides.py << EOF\nDEBUG = False\nEOF\nexec gunicorn app.wsgi\n' });
    expect(worlds(s, 'DEBUG')).toEqual(['<unknown>', '<unknown>']);
    expect(s.bindings.get('DEBUG')?.overridden?.unset).toMatchObject({ before: [{ kind: 'bool', value: true }], location: { line: 2 }, by: [{ location: { line: 4 } }] });
    expect(worlds(s, 'LANGUAGE_CODE')).toEqual(['de', 'de']);
    expect(s.dynamic[0]).toMatchObject({ overrides: true });
    expect(s.dynamic[0].reason).toContain('deploy/entrypoint.sh (line 2) writes it');
    // a development script writing it, or a deploy writing another module of that name, is not production's
    const others: Array<Record<string, string>> = [{ 'scripts/dev-setup.sh': 'cp app/overrides.example.py app/overrides.py\n' }, { 'deploy/entrypoint.sh': 'cat > /srv/other/overrides.py << EOF\nEOF\n' }];
    for (const extra of others) {
      const d = settings(text, extra);
      expect(worlds(d, 'DEBUG')).toEqual([true, true]);
      expect(d.dynamic[0]).toMatchObject({ overrides: false });
    }
    // a Dockerfile COPY and a relative import from a settings package reach the same file
    const c = settings('SECRET_KEY = "k"\nDEBUG = True\ntry:\n    from .local_settings import *\nexcept ImportError:\n    pass\n', { Dockerfile: 'FROM python:3.12\nCOPY deploy/prod_local.py /code/app/local_settings.py\nCMD ["gunicorn", "app.wsgi"]\n' });
    expect(worlds(c, 'DEBUG')).toEqual(['<unknown>', '<unknown>']);
  });

  it("an override module the deploy copies from a file of the repository is that file: production's settings read it (mediacms)", () => {
    const text = 'SECRET_KEY = "k"\nDEBUG = True\nALLOWED_HOSTS = ["example.com"]\ntry:\n    from .local_settings import *\nexcept ImportError:\n    pass\n';
    const copied = { 'deploy/docker/local_settings.py': 'DEBUG = False\n', 'deploy/docker/entrypoint.sh': '#!/bin/sh\ncp /home/site/deploy/docker/local_settings.py /home/site/app/local_settings.py\nexec gunicorn app.wsgi\n' };
    const s = settings(text, copied);
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(s.bindings.get('DEBUG')?.location.file).toBe('deploy/docker/local_settings.py');
    expect(worlds(s, 'ALLOWED_HOSTS')).toEqual([['example.com'], ['example.com']]);
    expect(s.dynamic).toHaveLength(0);
    // copied into the module's folder, the destination ending in `/` (Sal's `COPY docker/settings_import.py $APP_DIR/sal/`)
    const folder = settings(text, { 'docker/local_settings.py': 'DEBUG = False\n', Dockerfile: 'FROM python:3.12\nENV APP_DIR=/home/app\nCOPY docker/local_settings.py $APP_DIR/app/\n' });
    expect(worlds(folder, 'DEBUG')).toEqual([false, false]);
    expect(folder.bindings.get('DEBUG')?.location.file).toBe('docker/local_settings.py');
    // into another package's folder it is not this module: the import stays an override that may be absent
    const elsewhere = settings(text, { 'docker/local_settings.py': 'DEBUG = False\n', Dockerfile: 'FROM python:3.12\nCOPY docker/local_settings.py /home/app/other/\n' });
    expect(worlds(elsewhere, 'DEBUG')).toEqual([true, true]);
    expect(elsewhere.bindings.get('DEBUG')?.location.file).not.toBe('docker/local_settings.py');
    // from a Dockerfile's build context, relative to the repository root
    const d = settings(text, { 'deploy/prod.py': 'DEBUG = False\n', Dockerfile: 'FROM python:3.12\nCOPY deploy/prod.py /code/app/local_settings.py\n' });
    expect(worlds(d, 'DEBUG')).toEqual([false, false]);
    // an image path whose tail names the one file of a subfolder copied as the build context (h2o's Dockerfile:
    // `COPY web/ .` into /app, then `cp /app/config/settings/settings_aws_ecs.py /app/config/settings/settings.py`)
    const sub = settings(text, { 'web/app/prod_settings.py': 'DEBUG = False\n', Dockerfile: 'FROM python:3.12\nWORKDIR /srv\nCOPY web/ .\nRUN cp /srv/app/prod_settings.py /srv/app/local_settings.py\n' });
    expect(worlds(sub, 'DEBUG')).toEqual([false, false]);
    expect(sub.bindings.get('DEBUG')?.location.file).toBe('web/app/prod_settings.py');
    // two files with that tail: which one is copied is not known
    const two = settings(text, { 'web/app/prod_settings.py': 'DEBUG = False\n', 'old/app/prod_settings.py': 'DEBUG = False\n', Dockerfile: 'FROM python:3.12\nRUN cp /srv/app/prod_settings.py /srv/app/local_settings.py\n' });
    expect(worlds(two, 'DEBUG')).toEqual(['<unknown>', '<unknown>']);
    // a file named for where it runs (PyCon US's local.py-heroku), copied by a Heroku build hook run from the app's root
    const heroku = settings(text, { 'app/local_settings.py-heroku': 'DEBUG = False\n', 'bin/pre_compile': '#!/usr/bin/env bash\ncp app/local_settings.py-heroku app/local_settings.py\n' });
    expect(worlds(heroku, 'DEBUG')).toEqual([false, false]);
    expect(heroku.bindings.get('DEBUG')?.location.file).toBe('app/local_settings.py-heroku');
    // an example or a default copied into place is a local stack's (LA Metro's Dockerfile, OEP's entrypoint): not read
    for (const name of ['app/local_settings.py.example', 'app/local_settings.py.default', 'app/local_settings.py-example']) {
      const e = settings(text, { [name]: 'DEBUG = False\n', Dockerfile: `FROM python:3.12\nCOPY ${name} /code/app/local_settings.py\n` });
      expect(worlds(e, 'DEBUG')).toEqual(['<unknown>', '<unknown>']);
    }
  });

  it("a module's `if __name__ == \"__main__\":` block never runs: settings and what they import are imported, not run as scripts (JustFix's docker_django_management.py, whose entry point calls exec())", () => {
    const helper = 'import os, sys\n\ndef get_cmd(argv=sys.argv):\n    return argv[1]\n\ndef entrypoint(argv):\n    with open("activate_this.py") as f:\n        exec(f.read(), dict(__file__="activate_this.py"))\n\nif __name__ == "__main__":\n    entrypoint(sys.argv)\n';
    const s = settings('from app.helper import get_cmd\nDEBUG = False\n', { 'app/helper.py': helper });
    expect(s.dynamic).toEqual([]);
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    // in the settings module itself, too; the other branch of the test is taken
    const own = settings('DEBUG = False\nif __name__ == "__main__":\n    exec(open("x").read())\n    DEBUG = True\nelse:\n    NAME = __name__\n');
    expect(own.dynamic).toEqual([]);
    expect(worlds(own, 'DEBUG')).toEqual([false, false]);
    expect(worlds(own, 'NAME')).toEqual(['app.settings', 'app.settings']);
  });

  it("a settings module beside the importing one, star-imported by its bare name (Python 2's implicit relative import: cabot's settings_ldap), is read; a library name stays the library", () => {
    const s = settings('import os\nDEBUG = False\nif os.environ.get("AUTH_LDAP"):\n    from settings_ldap import *\n', { 'app/settings_ldap.py': 'AUTH_LDAP_SERVER_URI = "ldap://ldap.example.com"\n' });
    expect(worlds(s, 'AUTH_LDAP_SERVER_URI')).toContain('ldap://ldap.example.com');
    expect(s.bindings.get('AUTH_LDAP_SERVER_URI')?.location.file).toBe('app/settings_ldap.py');
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(s.dynamic).toEqual([]);
    const lib = settings('DEBUG = False\nfrom celery import *\n', { 'app/celery.py': 'DEBUG = True\n' });
    expect(worlds(lib, 'DEBUG')).toEqual(['<unknown>', '<unknown>']);
    expect(lib.bindings.get('DEBUG')?.location.file).not.toBe('app/celery.py');
  });

  it("everett's config() reads the variable or parses its default (Mozilla's Socorro, Tecken, basket: `_config = ConfigManager.basic_config()`)", () => {
    const text = [
      'from everett.manager import ConfigManager, ListOf',
      '_config = ConfigManager.basic_config()',
      'DEBUG = _config("DEBUG", default="false", parser=bool)',
      'SECURE_HSTS_SECONDS = _config("SECURE_HSTS_SECONDS", parser=int, default="0")',
      'ALLOWED_HOSTS = _config("ALLOWED_HOSTS", default="", parser=ListOf(str))',
      'DATABASE_URL = _config("DATABASE_URL", default="sqlite://sqlite.crashstats.db")',
      'SECRET_KEY = _config("SECRET_KEY")',
      'OTHER = _config("OTHER", default="x", parser=parse_thing)',
      '',
    ].join('\n');
    const s = settings(text);
    expect(worlds(s, 'DEBUG')).toEqual([false, '<unknown>']);
    expect(worlds(s, 'SECURE_HSTS_SECONDS')).toEqual([0, '<unknown>']);
    expect(worlds(s, 'ALLOWED_HOSTS')).toEqual([[], '<unknown>']);
    expect(worlds(s, 'DATABASE_URL')[0]).toBe('sqlite://sqlite.crashstats.db');
    expect(s.bindings.get('SECRET_KEY')?.unset).toMatchObject({ kind: 'raise' });
    expect(worlds(s, 'OTHER')).toEqual(['<unknown>', '<unknown>']);
  });

  it('"test" in sys.argv branches are not production', () => {
    const s = settings('import sys\nDEBUG = False\nif "test" in sys.argv:\n    DEBUG = True\n');
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
  });

  it('a raise guarding an env var makes that setting fail loudly when unset, not silently blank', () => {
    const s = settings(
      'import os\nALLOWED_HOSTS = os.getenv("ALLOWED_HOSTS", "").split(",")\nif not os.getenv("ALLOWED_HOSTS"):\n    raise RuntimeError("set ALLOWED_HOSTS")\nDEBUG = False\n',
    );
    expect(worlds(s, 'ALLOWED_HOSTS')[0]).toBe('<raise>');
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
  });

  it('collects secret literals for redaction (keys, passwords, URL passwords), not ordinary strings', () => {
    const dir = project({
      'app/settings.py':
        'import os\nSECRET_KEY = os.getenv("SECRET_KEY", "dev-only-secret-value-123")\nDATABASES = {"default": {"PASSWORD": "hunter2-db"}}\nCACHE_URL = "redis://user:s3cr3tpw@cache:6379/0"\nTIME_ZONE = "Europe/Paris"\n' +
        'AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]\nPASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]\nSECRET_KEY_FALLBACKS = ["an-old-key-kept-for-rotation"]\n',
    });
    const ctx = scan(dir);
    expect([...ctx.secrets].sort()).toEqual(['an-old-key-kept-for-rotation', 'dev-only-secret-value-123', 'hunter2-db', 's3cr3tpw']);
  });

  it("a placeholder password (postgres://user:password@…, a password setting's default \"password\") is no secret: the word stays readable in every message; a passphrase of letters is one", () => {
    const dir = project({
      'app/settings.py':
        'DATABASE_URL = "postgres://user:password@localhost:5432/app"\nBROKER_URL = "amqp://guest:changeme@rabbit//"\nCACHE_URL = "redis://app:correcthorsebatterystaple@cache:6379/0"\nDEBUG = False\n' +
        'import os\nES_PASSWORD = os.getenv("ES_PASSWORD", "password")\nMAIL_PASSWORD = "changeme"\n',
    });
    expect([...scan(dir).secrets].sort()).toEqual(['correcthorsebatterystaple']);
    // the same in a deploy file's environment (doccano's ADMIN_PASSWORD=password): only the real value is redacted
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    build: .\n    environment:\n      ADMIN_PASSWORD: password\n      DB_PASSWORD: Zq8#vN2!pL4wR7\n');
    expect([...scan(dir).secrets].sort()).toEqual(['Zq8#vN2!pL4wR7', 'correcthorsebatterystaple']);
    // a variable given its own name (Recoco's compose file: SECRET_KEY: SECRET_KEY) is a placeholder: redacted, the
    // setting's name would be blanked out of every message
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    build: .\n    environment:\n      SECRET_KEY: SECRET_KEY\n      DB_PASSWORD: Zq8#vN2!pL4wR7\n');
    expect([...scan(dir).secrets].sort()).toEqual(['Zq8#vN2!pL4wR7', 'correcthorsebatterystaple']);
    // a "password" that is the name of the project's own package (hawkpost's POSTGRES_PASSWORD=hawkpost) is in every
    // path already: it is not redacted, or the package's name would be blanked out of every message
    mkdirSync(join(dir, 'shopfront'), { recursive: true });
    writeFileSync(join(dir, 'shopfront', '__init__.py'), '');
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: shopfront\n      DB_PASSWORD: Zq8#vN2!pL4wR7\n');
    expect([...scan(dir).secrets].sort()).toEqual(['Zq8#vN2!pL4wR7', 'correcthorsebatterystaple']);
  });
});

describe('guards before the assignment', () => {
  it('a raise guard on an env var before its read makes the later default unreachable', () => {
    const s = settings(
      'import os\nif not os.getenv("DJANGO_ALLOWED_HOSTS"):\n    raise RuntimeError("Set DJANGO_ALLOWED_HOSTS")\nALLOWED_HOSTS = os.getenv("DJANGO_ALLOWED_HOSTS", "").split(",")\nDEBUG = False\n',
    );
    expect(worlds(s, 'ALLOWED_HOSTS')[0]).toBe('<raise>');
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
  });
});

describe('what real settings do, modelled', () => {
  it('a string with a known start keeps it: "sqlite:///" + str(BASE_DIR / "db.sqlite3") is a SQLite URL', () => {
    const s = settings(
      'import dj_database_url\nfrom pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent\nDATABASES = {"default": dj_database_url.config(default="sqlite:///" + str(BASE_DIR / "db.sqlite3"))}\nURL = f"postgres://{BASE_DIR}"\n',
    );
    expect(worlds(s, 'DATABASES')).toEqual([{ default: { ENGINE: 'django.db.backends.sqlite3', CONN_MAX_AGE: 0 } }, { default: { ENGINE: '<unknown>', CONN_MAX_AGE: 0 } }]);
    expect(s.bindings.get('URL')?.unset).toEqual({ kind: 'prefix', value: 'postgres://', literal: true });
  });

  it('names imported from outside the repository exist, with unknown values (never "missing")', () => {
    const s = settings('from company_secrets import SECRET_KEY, DATABASES as DBS\nDEBUG = False\n');
    expect(worlds(s, 'SECRET_KEY')).toEqual(['<unknown>', '<unknown>']);
    expect(worlds(s, 'DBS')).toEqual(['<unknown>', '<unknown>']);
    expect(s.dynamic).toEqual([]);
  });

  it('globals().update of a known dict assigns; of anything else makes earlier values unknown and is recorded', () => {
    const s = settings('import yaml\nDEBUG = True\nglobals().update({"SITE_ID": 2})\nX_FRAME_OPTIONS = "DENY"\nglobals().update(yaml.safe_load(open("/etc/c.yaml")))\nLATE = 1\n');
    expect(worlds(s, 'SITE_ID')).toEqual(['<unknown>', '<unknown>']);
    expect(worlds(s, 'DEBUG')).toEqual(['<unknown>', '<unknown>']);
    expect(worlds(s, 'LATE')).toEqual([1, 1]);
    expect(s.dynamic.map((d) => [d.location.line, d.overrides])).toEqual([[5, true]]);
  });

  it('a call handed the settings module (its __name__, the module, locals()) may set any setting: recorded, earlier values unknown', () => {
    // readthedocs: class-based settings a classmethod copies onto sys.modules[module_name]
    const loader = 'import inspect, sys\n\nclass Settings:\n    @classmethod\n    def load_settings(cls, module_name):\n        module = sys.modules[module_name]\n        for k, v in inspect.getmembers(cls()):\n            if k.isupper():\n                setattr(module, k, v)\n';
    const s = settings('from app.base import Base\nDEBUG = False\n\nclass Prod(Base):\n    ALLOWED_HOSTS = ["*"]\n\nProd.load_settings(__name__)\nLATE = 1\n', { 'app/base.py': loader });
    expect(worlds(s, 'DEBUG')).toEqual(['<unknown>', '<unknown>']);
    expect(worlds(s, 'LATE')).toEqual([1, 1]);
    expect(s.dynamic.map((d) => [d.location.line, d.overrides])).toEqual([[7, true]]);
    expect(s.dynamic[0].reason).toContain('Prod.load_settings(__name__)');
    const heroku = settings('import django_heroku\nDEBUG = False\ndjango_heroku.settings(locals())\n');
    expect(heroku.dynamic.map((d) => [d.location.line, d.overrides])).toEqual([[3, true]]);
    // a logger or the warnings filter given __name__ changes no setting
    const quiet = settings('import logging, warnings\nDEBUG = False\nwarnings.filterwarnings("ignore", module=__name__)\nlogging.getLogger(__name__).setLevel(logging.INFO)\n');
    expect(worlds(quiet, 'DEBUG')).toEqual([false, false]);
    expect(quiet.dynamic).toEqual([]);
  });

  it('a for loop assigning settings makes them unknown; the loop variable too', () => {
    const s = settings('APPS = ["a"]\nfor extra in ["b", "c"]:\n    APPS.append(extra)\nLIMIT = 1\n');
    expect(worlds(s, 'APPS')).toEqual(['<unknown>', '<unknown>']);
    expect(worlds(s, 'LIMIT')).toEqual([1, 1]);
  });

  it('split-settings include(): relative paths and globs run in one namespace, sorted; optional() of an absent file is dynamic, not overriding', () => {
    const s = settings('from split_settings.tools import include, optional\ninclude("parts/a.py", "parts/b_*.py", optional("parts/local.py"))\n', {
      'app/parts/a.py': 'import os\nDEBUG = False\nMIDDLEWARE = ["x"]\n',
      'app/parts/b_2.py': 'MIDDLEWARE += ["z"]\n',
      'app/parts/b_1.py': 'MIDDLEWARE += ["y"]\nHOST = os.getenv("HOST", "a")\n',
    });
    expect(worlds(s, 'MIDDLEWARE')).toEqual([['x', 'y', 'z'], ['x', 'y', 'z']]);
    expect(worlds(s, 'HOST')).toEqual(['a', '<env HOST>']);
    expect(s.bindings.get('MIDDLEWARE')?.location.file).toBe('app/parts/b_2.py');
    expect(s.dynamic.map((d) => d.overrides)).toEqual([false]);
    expect(s.files).toEqual(['app/parts/a.py', 'app/parts/b_1.py', 'app/parts/b_2.py', 'app/settings.py']);
  });

  it('django-configurations: the class DJANGO_CONFIGURATION selects, its bases, values.*Value reading DJANGO_<NAME>', () => {
    const dir = project({
      'app/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\nos.environ.setdefault("DJANGO_CONFIGURATION", "Prod")\n',
      'app/settings.py':
        'from configurations import Configuration, values\n\nclass Base(Configuration):\n    TIME_ZONE = "UTC"\n    SECRET_KEY = values.SecretValue()\n\nclass Dev(Base):\n    DEBUG = True\n\nclass Prod(Base):\n    DEBUG = values.BooleanValue(False)\n    ALLOWED_HOSTS = values.ListValue(["example.com"])\n    DATABASES = values.DatabaseURLValue("sqlite:///db.sqlite3")\n',
    });
    const s = scan(dir).projects[0].production!;
    expect(s.configuration).toBe('Prod');
    expect(worlds(s, 'DEBUG')).toEqual([false, '<unknown>']);
    expect(worlds(s, 'TIME_ZONE')).toEqual(['UTC', 'UTC']);
    expect(worlds(s, 'SECRET_KEY')).toEqual(['<raise>', '<env DJANGO_SECRET_KEY>']);
    expect(worlds(s, 'DATABASES')[0]).toEqual({ default: { ENGINE: 'django.db.backends.sqlite3' } });
  });

  it('django-environment-config classes are read the same way: the production class and its bases', () => {
    // Helsinki's tilavarauspalvelu: `class Production(Platta)`, `Platta(Common)`, `Common(Environment)` from env_config
    const s = settings(
      'from env_config import Environment, values\ntry:\n    from local_settings import LocalMixin\nexcept ImportError:\n    LocalMixin = object\n\nclass Common(Environment):\n    MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n\nclass Local(Common, overrides_from=LocalMixin):\n    DEBUG = True\n\nclass Production(Common):\n    DEBUG = False\n',
    );
    expect(s.configuration).toBe('Production');
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(worlds(s, 'MIDDLEWARE')).toEqual([['django.middleware.security.SecurityMiddleware'], ['django.middleware.security.SecurityMiddleware']]);
    expect(s.dynamic).toEqual([]);
  });

  it('django-configurations with no way to tell which class production uses: their settings are unknown, and that is recorded', () => {
    const s = settings('from configurations import Configuration\n\nclass Staging(Configuration):\n    DEBUG = True\n\nclass Other(Configuration):\n    DEBUG = False\n');
    expect(worlds(s, 'DEBUG')).toEqual(['<unknown>', '<unknown>']);
    expect(s.dynamic[0].reason).toContain('Staging, Other');
  });

  it("django-configurations classes a settings package star-imports from another module (CodaLab's `Dev` from default.py, built on base.py's classes): what they set is unknown, never taken for unset", () => {
    const s = settings('from .default import *\n', {
      'app/base.py': 'from configurations import Configuration\n\nclass Base(Configuration):\n    MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n\nclass DevBase(Base):\n    DEBUG = True\n',
      'app/default.py': 'from .base import DevBase\n\n__all__ = ["Dev"]\n\nclass Dev(DevBase):\n    TIME_ZONE = "UTC"\n',
    });
    // not set where the scan reads, and a mark that any setting may be set there: rules say "may be set", never "not set"
    expect(worlds(s, 'MIDDLEWARE')).toEqual(['MISSING', 'MISSING']);
    expect(s.dynamic.map((d) => [d.overrides, d.reason.slice(0, 72)])).toEqual([[true, '`from .default import *` brings in the django-configurations class `Dev`']]);
    // a star-import of a module with plain settings and a class that is no configuration is read as before
    const plain = settings('from .default import *\n', { 'app/default.py': 'class Helper:\n    X = 1\n\nMIDDLEWARE = ["m"]\n' });
    expect(worlds(plain, 'MIDDLEWARE')).toEqual([['m'], ['m']]);
    expect(plain.dynamic).toEqual([]);
  });

  it('a cookiecutter template: tagged rows are unknown, the rest is read', () => {
    const s = settings('DEBUG = False\nMIDDLEWARE = [\n{%- if cookiecutter.use_x == "y" %}\n    "x",\n{%- endif %}\n    "y",\n]\nNAME = "{{ cookiecutter.project_slug }}"\nTIME_ZONE = "UTC"\n');
    expect(s.template).toBe(true);
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(worlds(s, 'MIDDLEWARE')).toEqual(['<unknown>', '<unknown>']);
    expect(worlds(s, 'NAME')).toEqual(['<unknown>', '<unknown>']);
    expect(worlds(s, 'TIME_ZONE')).toEqual(['UTC', 'UTC']);
  });

  it("a value tag alone on its line renders whole lines (askbot's `{{ staticfiles_app }}` among INSTALLED_APPS): the file still parses, that list is unknown, the rest is read", () => {
    const s = settings("{% if debug %}\nX = 1\n{% endif %}\nDEBUG = False\nINSTALLED_APPS = (\n    'django.contrib.sites',\n    {{ staticfiles_app }}\n    'avatar',\n)\n{{ extra_settings }}\nNAME = '{{ name }}'\nTIME_ZONE = 'UTC'\n");
    expect(s.template).toBe(true);
    expect(s.unreadable ?? []).toEqual([]);
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(worlds(s, 'INSTALLED_APPS')).toEqual(['<unknown>', '<unknown>']);
    expect(worlds(s, 'NAME')).toEqual(['<unknown>', '<unknown>']);
    expect(worlds(s, 'TIME_ZONE')).toEqual(['UTC', 'UTC']);
    // a template the scan still cannot parse is said to be one: not "a syntax error Python refuses to import"
    const t = settings('{% if a %}\nY = 1\n{% endif %}\nX = {{ a }} {{ b }}\nDEBUG = False\n');
    expect(t.unreadable.map((u) => u.reason)).toEqual(['it is a template rendered at deploy time, and with its tags left unknown its text does not parse near line 4']);
  });
});

describe('limits: any valid Python, never a crash', () => {
  it('a + chain of 5,000 terms (which CPython compiles) is evaluated', () => {
    const s = settings(`X = ${Array.from({ length: 5000 }, () => '["a"]').join(' + ')}\nDEBUG = False\n`);
    expect((s.bindings.get('X')?.unset as { items: unknown[] }).items).toHaveLength(5000);
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
  });

  it('deeply nested parentheses and lists: unknown past the limit, the rest still read', () => {
    const s = settings(`A = ${'('.repeat(900)}1${')'.repeat(900)}\nB = ${'['.repeat(300)}${']'.repeat(300)}\nDEBUG = False\n`);
    expect(worlds(s, 'A')).toEqual(['<unknown>', '<unknown>']);
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
  });

  it('an elif chain of 3,000 branches and if-statements nested 90 deep', () => {
    const chain = ['import os', 'V = os.getenv("V")', 'if V == "0":\n    N = 0', ...Array.from({ length: 3000 }, (_, i) => `elif V == "${i + 1}":\n    N = ${i + 1}`), 'DEBUG = False'].join('\n');
    const s = settings(`${chain}\n`);
    expect(worlds(s, 'N')).toEqual(['<unknown>', '<unknown>']);
    let nested = '';
    for (let i = 0; i < 90; i++) nested += `${'    '.repeat(i)}if True:\n`;
    nested += `${'    '.repeat(90)}DEEP = 1\n`;
    const t = settings(`${nested}DEBUG = False\n`);
    expect(worlds(t, 'DEBUG')).toEqual([false, false]);
    expect(worlds(t, 'DEEP')).toEqual(['<unknown>', '<unknown>']);
  });

  it('a star-import chain of 120 modules: followed to the limit, then recorded as unseen', () => {
    const files: Record<string, string> = { 'app/settings.py': 'from .m0 import *\n' };
    for (let i = 0; i < 120; i++) files[`app/m${i}.py`] = i < 119 ? `from .m${i + 1} import *\nV${i} = ${i}\n` : 'DEBUG = True\n';
    const dir = project(files);
    const s = scan(dir).projects[0].production!;
    expect(worlds(s, 'V0')).toEqual([0, 0]);
    expect(s.dynamic.some((d) => d.reason.includes('longer than'))).toBe(true);
  });
});

describe('with contextlib.suppress(ImportError)', () => {
  it('is a try/except ImportError: an absent override module is recorded, not a star-import from outside', () => {
    const s = settings('import contextlib\nSECRET_KEY = "k"\nDEBUG = False\nwith contextlib.suppress(ImportError):\n    from app.local_settings import *  # noqa\nX = 1\n');
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(s.dynamic.map((d) => d.overrides)).toEqual([false]);
  });

  it('a named import from an absent module binds only its names: no other setting is in doubt', () => {
    const s = settings(
      'SECRET_KEY = "k"\ntry:\n    from .secret import SENTRY_KEY, API_TOKEN as TOKEN\nexcept ImportError:\n    SENTRY_KEY = None\nwith __import__("contextlib").suppress(ImportError):\n    from app.extra import EXTRA_FLAG\n',
    );
    // the Kartoza projects site: its absent `.secret` cannot set SESSION_COOKIE_SECURE, so "not set" is firm
    expect(s.dynamic).toEqual([]);
    expect(worlds(s, 'SENTRY_KEY')).toEqual([null, null]);
    expect(worlds(s, 'TOKEN')).toEqual(['<unknown>', '<unknown>']);
    expect(s.bindings.has('EXTRA_FLAG')).toBe(true);
  });
});

describe('small Python facts real settings lean on', () => {
  it('int(False) is 0: `if bool(int(os.getenv("SQL_DEBUG", False))):` is decided when the variable is unset', () => {
    const s = settings('import os\nMIDDLEWARE = ["a"]\nif bool(int(os.getenv("SQL_DEBUG", False))):\n    MIDDLEWARE += ["debug"]\n');
    expect(worlds(s, 'MIDDLEWARE')).toEqual([['a'], '<unknown>']);
  });

  it('keys generated at import by secrets / os.urandom / get_random_string are generator calls', () => {
    const s = settings('import os\nimport secrets\nfrom django.utils.crypto import get_random_string\nA = os.environ.get("A") or secrets.token_urlsafe(50)\nB = get_random_string(50)\nC = os.urandom(32)\n');
    expect(worlds(s, 'A')).toEqual(['<call secrets.token_urlsafe>', '<env A>']);
    expect(worlds(s, 'B')[0]).toBe('<call django.utils.crypto.get_random_string>');
    expect(worlds(s, 'C')[0]).toBe('<call os.urandom>');
  });

  it('filter(None, [...]) keeps the true items; an item whose truth is undecided stays an unknown item', () => {
    const s = settings(
      'import os\nFLAG = os.environ.get("FLAG")\nMIDDLEWARE = list(filter(None, [\n    "a",\n    "b" if FLAG else None,\n    None, "", False,\n    "d" if probe() else None,\n    "c",\n]))\nAPPS = tuple(filter(None, ["x", []]))\n',
    );
    expect(worlds(s, 'MIDDLEWARE')).toEqual([['a', '<unknown>', 'c'], ['a', 'b', '<unknown>', 'c']]);
    expect(worlds(s, 'APPS')).toEqual([['x'], ['x']]);
  });
});

describe('alternatives: a value unknown only because undecided paths set different known values', () => {
  it('`if FLAG: MIDDLEWARE += [...]` keeps both lists; further += and .append apply to each', () => {
    const s = settings('from .otel import otel_is_enabled\nMIDDLEWARE = ["a"]\nif otel_is_enabled():\n    MIDDLEWARE += ["otel"]\nMIDDLEWARE.append("z")\n', { 'app/otel.py': 'def otel_is_enabled():\n    return False\n' });
    const b = s.bindings.get('MIDDLEWARE')!;
    expect(v(b.unset)).toBe('<unknown>');
    expect(b.alternatives?.unset?.map(v)).toEqual([['a', 'otel', 'z'], ['a', 'z']]);
    expect(b.alternatives?.set?.map(v)).toEqual([['a', 'otel', 'z'], ['a', 'z']]);
  });

  it('`MIDDLEWARE = ("toolbar",) + MIDDLEWARE` and `X = X + [...]` apply to each alternative, as += does (mitxpro)', () => {
    const s = settings('from .otel import otel_is_enabled\nMIDDLEWARE = ("a",)\nif otel_is_enabled():\n    MIDDLEWARE += ("dbg",)\nMIDDLEWARE = ("tb",) + MIDDLEWARE\nMIDDLEWARE = MIDDLEWARE + ("z",)\n', { 'app/otel.py': 'def otel_is_enabled():\n    return False\n' });
    const b = s.bindings.get('MIDDLEWARE')!;
    expect(v(b.unset)).toBe('<unknown>');
    expect(b.alternatives?.unset?.map(v)).toEqual([['tb', 'a', 'dbg', 'z'], ['tb', 'a', 'z']]);
  });

  it('a path on which the name is missing or unknown leaves no alternatives (it may be anything)', () => {
    const s = settings('import os\nif os.getenv("A"):\n    X = ["a"]\nY = ["y"]\nif os.getenv("B"):\n    Y = compute()\n');
    expect(s.bindings.get('X')?.alternatives).toBeUndefined();
    expect(s.bindings.get('Y')?.alternatives).toBeUndefined();
  });
});

describe('the environment variables a value was computed from', () => {
  it('through a name in between: `url = config("DATABASE_URL", …)` then `parse(url)` (socorro)', () => {
    const s = settings('import dj_database_url\nfrom decouple import config\nurl = config("DATABASE_URL", "sqlite://db.sqlite3")\nDATABASES = {"default": dj_database_url.parse(url)}\n');
    expect(s.bindings.get('DATABASES')?.envVars).toEqual(['DATABASE_URL']);
  });

  it('through an undecided condition that sets it apart: `if ENVIRONMENT != "local": X = True` (money-to-prisoners)', () => {
    const s = settings('import os\nENVIRONMENT = os.environ.get("ENV", "local")\nSESSION_COOKIE_SECURE = False\nif ENVIRONMENT != "local":\n    SESSION_COOKIE_SECURE = True\n');
    expect(worlds(s, 'SESSION_COOKIE_SECURE')).toEqual([false, '<unknown>']);
    expect(s.bindings.get('SESSION_COOKIE_SECURE')?.envVars).toEqual(['ENV']);
  });

  it('none for a literal', () => {
    expect(settings('DEBUG = False\n').bindings.get('DEBUG')?.envVars).toBeUndefined();
  });
});

describe('a loop that refuses to start without each of a list of variables', () => {
  it('`for key in ("SECRET_KEY", …): if key not in os.environ: raise` guards each (Find a Legal Adviser)', () => {
    const s = settings('from .base import *\nimport os\nrequired = ("SECRET_KEY", "API_HOST")\nfor key in required:\n    if key not in os.environ:\n        raise Exception(key + " is required")\n', {
      'app/base.py': 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY", "dev-key")\nDEBUG = False\n',
    });
    expect(worlds(s, 'SECRET_KEY')).toEqual(['<raise>', '<env SECRET_KEY>']);
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
  });

  it('any other loop body is not a guard', () => {
    const s = settings('import os\nSECRET_KEY = os.environ.get("SECRET_KEY", "dev-key")\nfor key in ("SECRET_KEY",):\n    if key not in os.environ:\n        print(key)\n');
    expect(worlds(s, 'SECRET_KEY')).toEqual(['dev-key', '<env SECRET_KEY>']);
  });
});

describe("a module's namespace filled by code the scan cannot follow", () => {
  it('`from .yaml_config import *` after the base settings: what came before may be replaced (Open edX analytics dashboard)', () => {
    const s = settings('from .base import *\nfrom .yaml_config import *\nALLOWED_HOSTS = ["*"]\n', {
      'app/base.py': 'SECRET_KEY = "placeholder"\nDEBUG = False\n',
      'app/yaml_config.py': 'import yaml\nwith open("/etc/app.yml") as f:\n    vars().update(yaml.safe_load(f))\n',
    });
    expect(worlds(s, 'SECRET_KEY')).toEqual(['<unknown>', '<unknown>']);
    expect(s.bindings.get('SECRET_KEY')?.overridden?.unset?.before.map(v)).toEqual(['placeholder']);
    expect(worlds(s, 'ALLOWED_HOSTS')).toEqual([['*'], ['*']]);
    expect(s.dynamic.map((d) => d.location.file)).toEqual(['app/yaml_config.py', 'app/settings.py']);
  });

  it('`locals().update(env.email_url(...))` sets the EMAIL_* settings, unknown, and nothing else (Amsterdam DSO API)', () => {
    const s = settings('import environ\nenv = environ.Env()\nDEBUG = False\nlocals().update(env.email_url(default="smtp://"))\n');
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(worlds(s, 'EMAIL_HOST')).toEqual(['<unknown>', '<unknown>']);
    expect(s.dynamic).toEqual([]);
  });

  it('the same through a name: `EMAIL_CONFIG = env.email()` then `vars().update(EMAIL_CONFIG)` (Abakus lego)', () => {
    const s = settings('import environ\nenv = environ.Env()\nDEBUG = False\nEMAIL_CONFIG = env.email()\nvars().update(EMAIL_CONFIG)\n');
    expect(worlds(s, 'DEBUG')).toEqual([false, false]);
    expect(s.dynamic).toEqual([]);
  });

  it('`locals().update(...)` of anything else may set any setting', () => {
    const s = settings('DEBUG = False\nlocals().update(load_config())\n');
    expect(worlds(s, 'DEBUG')).toEqual(['<unknown>', '<unknown>']);
    expect(s.dynamic.length).toBe(1);
  });
});

describe('augmented assignment into a dict path', () => {
  it('LOGGING["loggers"]["x"]["handlers"] += ["y"] extends the list in place', () => {
    const s = settings('LOGGING = {"loggers": {"x": {"handlers": []}}}\nLOGGING["loggers"]["x"]["handlers"] += ["y"]\n');
    expect(worlds(s, 'LOGGING')[0]).toEqual({ loggers: { x: { handlers: ['y'] } } });
  });
});

describe("a folder named for vendored code that is the project's own subpackage", () => {
  it('is read when it is a package inside a package (CourtListener: settings star-import settings/third_party/*); a top-level vendor folder is not', () => {
    const dir = project({
      'app/settings/__init__.py': 'from .base import *\nfrom .third_party.cache import *\n',
      'app/settings/base.py': 'DEBUG = True\nSECRET_KEY = "x"\n',
      'app/settings/third_party/__init__.py': '',
      'app/settings/third_party/cache.py': 'DEBUG = False\n',
      'third_party/__init__.py': '',
      'third_party/lib.py': 'X = 1\n',
    });
    const ctx = scan(dir);
    const s = ctx.projects[0].production!;
    expect(s.bindings.get('DEBUG')?.unset).toEqual({ kind: 'bool', value: false });
    expect(s.dynamic).toEqual([]);
    const read = ctx.workspace.pythonFiles().map((f) => f.rel);
    expect(read).toContain('app/settings/third_party/cache.py');
    expect(read).not.toContain('third_party/lib.py');
  });
});
