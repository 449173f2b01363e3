/**
 * Which settings production runs (src/project/production.ts), in the documented order, on small real
 * projects: explicit input, deploy manifests, the wsgi/asgi default unless development-named or empty, a
 * sibling named or documented as production, manage.py — never a development module unless named.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan, ScanInputError } from '../../src/project/scan';
import { isDevModule } from '../../src/project/settings-modules';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dlg-prod-'));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const SET = (m: string) => `import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "${m}")\n`;
const BASE = {
  'app/__init__.py': '',
  'app/settings/__init__.py': '',
  'app/settings/dev.py': 'DEBUG = True\n',
  'app/settings/live.py': 'DEBUG = False\n',
  'app/settings/production.py': 'DEBUG = False\n',
};

function chosen(dir: string, opts = {}) {
  const p = scan(dir, opts).projects[0];
  return { module: p.info.settingsModule, status: p.info.status, evidence: p.info.evidence, reason: p.info.reason, others: p.resolution.others.map((o) => o.module) };
}

describe('resolution order', () => {
  it('1. the input wins over everything, even a development module', () => {
    const dir = tree({ ...BASE, 'manage.py': SET('app.settings.dev'), Dockerfile: 'FROM python\nENV DJANGO_SETTINGS_MODULE=app.settings.live\n' });
    expect(chosen(dir, { settingsModule: 'app.settings.dev' })).toMatchObject({ module: 'app.settings.dev', status: 'resolved' });
    expect(chosen(dir, { env: { DJANGO_SETTINGS_MODULE: 'app.settings.production' } })).toMatchObject({ module: 'app.settings.production' });
  });

  it('2. a deploy manifest wins over wsgi.py, with its file and line as evidence', () => {
    const dir = tree({ ...BASE, 'manage.py': SET('app.settings.production'), 'app/wsgi.py': SET('app.settings.production'), Dockerfile: 'FROM python\n\nENV DJANGO_SETTINGS_MODULE=app.settings.live\n' });
    expect(chosen(dir)).toMatchObject({ module: 'app.settings.live', status: 'resolved', evidence: { file: 'Dockerfile', line: 3 } });
  });

  it('2. manifests naming different modules: the first kind in the documented order, the others named (ambiguous)', () => {
    const dir = tree({ ...BASE, 'manage.py': SET('app.settings.production'), Procfile: 'web: gunicorn app.wsgi --env DJANGO_SETTINGS_MODULE=app.settings.production\n', Dockerfile: 'FROM python\nENV DJANGO_SETTINGS_MODULE=app.settings.live\n' });
    expect(chosen(dir)).toMatchObject({ module: 'app.settings.live', status: 'ambiguous', others: ['app.settings.production'] });
  });

  it("2. a Kubernetes container's env overrides the ENV of the image it runs: it comes before the Dockerfile (the IETF website)", () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: example/web\n          env:\n            - name: DJANGO_SETTINGS_MODULE\n              value: app.settings.production\n';
    const dir = tree({ ...BASE, 'manage.py': SET('app.settings.dev'), Dockerfile: 'FROM python\nENV DJANGO_SETTINGS_MODULE=app.settings.live\n', 'k8s/web.yaml': deployment });
    expect(chosen(dir)).toMatchObject({ module: 'app.settings.production', evidence: { file: 'k8s/web.yaml' }, others: ['app.settings.live'] });
  });

  it("2. a Helm chart's named template (`templates/_envs.tpl`) that gives the containers' env names the module (Find a Legal Adviser)", () => {
    const tpl = '{{/* Environment variables for web and worker containers */}}\n{{- define "app.envs" }}\nenv:\n  - name: SECRET_KEY\n    value: {{ .Values.envVars.SECRET_KEY }}\n  - name: DJANGO_SETTINGS_MODULE\n    value: app.settings.production\n{{- end }}\n';
    const dir = tree({ ...BASE, 'manage.py': SET('app.settings.live'), 'app/wsgi.py': SET('app.settings.live'), 'helm_deploy/app/templates/_envs.tpl': tpl, 'helm_deploy/app/Chart.yaml': 'name: app\n' });
    expect(chosen(dir)).toMatchObject({ module: 'app.settings.production', evidence: { file: 'helm_deploy/app/templates/_envs.tpl', line: 6 } });
    // a `.tpl` outside a chart's templates folder is a file template, not read
    const other = tree({ ...BASE, 'manage.py': SET('app.settings.live'), 'app/wsgi.py': SET('app.settings.live'), 'helm_deploy/app/_envs.tpl': tpl });
    expect(chosen(other).module).toBe('app.settings.live');
  });

  it('2. a manifest naming a development module is passed over', () => {
    const dir = tree({ ...BASE, 'manage.py': SET('app.settings.dev'), 'app/wsgi.py': SET('app.settings.production'), Dockerfile: 'FROM python\nENV DJANGO_SETTINGS_MODULE=app.settings.dev\n' });
    expect(chosen(dir)).toMatchObject({ module: 'app.settings.production' });
  });

  it('3. the wsgi.py default, unless it names a package that sets nothing: then the production sibling', () => {
    expect(chosen(tree({ ...BASE, 'manage.py': SET('app.settings.dev'), 'app/wsgi.py': SET('app.settings.live') }))).toMatchObject({ module: 'app.settings.live' });
    const { 'app/settings/live.py': _live, ...noLive } = BASE;
    void _live;
    const empty = chosen(tree({ ...noLive, 'manage.py': SET('app.settings'), 'app/asgi.py': SET('app.settings') }));
    expect(empty).toMatchObject({ module: 'app.settings.production', status: 'resolved' });
    expect(empty.reason).toContain('named as the production settings');
  });

  it("3. a settings package whose __init__.py holds only helpers (paths, env readers) sets nothing: the production sibling (Argus)", () => {
    const { 'app/settings/live.py': _live, ...base } = BASE;
    void _live;
    const helpers = 'from pathlib import Path\nfrom os import getenv\n\nSETTINGS_DIR = Path(__file__).resolve().parent\nBASE_DIR = SETTINGS_DIR.parent.parent\n\ndef get_bool_env(name, default=False):\n    return getenv(name, str(default)).lower() in ("1", "true")\n';
    const files = { ...base, 'app/settings/__init__.py': helpers, 'manage.py': SET('app.settings.dev'), 'app/wsgi.py': SET('app.settings') };
    expect(chosen(tree(files))).toMatchObject({ module: 'app.settings.production', status: 'resolved' });
    // a package __init__ that sets a Django setting, or star-imports its settings, is the settings
    expect(chosen(tree({ ...files, 'app/settings/__init__.py': `${helpers}DEBUG = False\n` })).module).toBe('app.settings');
    expect(chosen(tree({ ...files, 'app/settings/__init__.py': 'from .production import *\n' })).module).toBe('app.settings');
    // one that runs its settings from elsewhere is the settings too: akvo-rsr exec()s its *.conf files, shuup's
    // workbench updates globals() from a setup object
    const conf = 'import glob\nimport os\n\nfor f in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "*.conf"))):\n    with open(f) as g:\n        exec(compile(g.read(), f, "exec"))\n';
    expect(chosen(tree({ ...files, 'app/settings/__init__.py': conf })).module).toBe('app.settings');
    expect(chosen(tree({ ...files, 'app/settings/__init__.py': `${helpers}globals().update(load())\n` })).module).toBe('app.settings');
  });

  it("3. a settings package whose __init__.py only seeds random and loads the development env files (a call and an if that set no setting) sets nothing: the production sibling (dora)", () => {
    const { 'app/settings/live.py': _live, ...base } = BASE;
    void _live;
    const init = 'import os\nimport random\nfrom pathlib import Path\n\nrandom.seed()\n\nBASE_DIR = Path(__file__).resolve().parent.parent.parent\n\nif os.path.isdir(BASE_DIR / "envs"):\n    import environ\n\n    environ.Env.read_env(os.path.join(BASE_DIR / "envs", "dev.env"))\n';
    const files = { ...base, 'app/settings/__init__.py': init, 'manage.py': SET('app.settings'), 'app/wsgi.py': SET('app.settings') };
    expect(chosen(tree(files))).toMatchObject({ module: 'app.settings.production', status: 'resolved' });
    // a branch or call that can set settings keeps the package the settings: an assignment to an attribute, setattr
    expect(chosen(tree({ ...files, 'app/settings/__init__.py': `${init}    os.environ["X"] = "1"\n` })).module).toBe('app.settings');
    expect(chosen(tree({ ...files, 'app/settings/__init__.py': `${init}    setattr(sys.modules[__name__], "DEBUG", False)\n` })).module).toBe('app.settings');
  });

  it("3. the module a production start command hands gunicorn comes before a wsgi.py no command names (Aides-territoires' start script: gunicorn core.wsgi_scalingo)", () => {
    const files = {
      ...BASE,
      'manage.py': SET('app.settings.dev'),
      'app/wsgi.py': SET('app.settings.production'),
      'app/wsgi_live.py': SET('app.settings.live'),
      Procfile: 'web: bash scripts/start_web.sh\n',
      'scripts/start_web.sh': '#!/bin/bash\npython manage.py collectstatic --noinput\ngunicorn app.wsgi_live --log-file -\n',
    };
    expect(chosen(tree(files))).toMatchObject({ module: 'app.settings.live', status: 'resolved', evidence: { file: 'app/wsgi_live.py' } });
    expect(chosen(tree(files)).reason).toContain('the module gunicorn loads (scripts/start_web.sh, line 3)');
    // the development server's --reload, or a compose file (the local stack), names nothing production loads
    const reload = { ...files, 'scripts/start_web.sh': 'gunicorn app.wsgi_live --reload\n' };
    expect(chosen(tree(reload))).toMatchObject({ module: 'app.settings.production', evidence: { file: 'app/wsgi.py' } });
    // a Dockerfile's exec form, behind `exec` in a script or `python -m`, names it too
    for (const cmd of ['CMD ["gunicorn", "app.wsgi_live", "--bind", "0.0.0.0:8000"]', 'CMD ["python", "-m", "gunicorn", "app.wsgi_live:application"]']) {
      const docker = { ...files, Procfile: '', 'scripts/start_web.sh': 'echo\n', Dockerfile: `FROM python:3.12\n${cmd}\n` };
      expect(chosen(tree(docker))).toMatchObject({ module: 'app.settings.live', evidence: { file: 'app/wsgi_live.py' } });
    }
    const compose = { ...files, 'scripts/start_web.sh': 'echo\n', 'docker-compose.yml': 'services:\n  web:\n    command: gunicorn app.wsgi_live\n' };
    expect(chosen(tree(compose))).toMatchObject({ module: 'app.settings.production' });
  });

  it("4. a production-named sibling that sets no SECRET_KEY is a base that settings outside the repository complete (Recoco's server-held settings): every value unknown, said, never judged", () => {
    const files = {
      'app/__init__.py': '',
      'app/settings/__init__.py': '',
      'app/settings/common.py': 'INSTALLED_APPS = ["django.contrib.admin"]\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n',
      'app/settings/production.py': 'from .common import *  # noqa\n\nDEBUG = False\nSECURE_SSL_REDIRECT = True\n',
      'app/wsgi.py': SET('app.settings'),
      'manage.py': SET('app.settings'),
    };
    const p = scan(tree(files)).projects[0];
    expect(p.info.settingsModule).toBe('app.settings.production');
    const dyn = p.production!.dynamic;
    expect(dyn).toHaveLength(1);
    expect(dyn[0]).toMatchObject({ location: { file: 'app/settings/production.py', line: 1 }, overrides: true });
    expect(dyn[0].reason).toContain('set no SECRET_KEY');
    const redirect = p.production!.bindings.get('SECURE_SSL_REDIRECT')!;
    expect(redirect.unset.kind).toBe('unknown');
    expect(redirect.overridden?.unset?.before).toEqual([{ kind: 'bool', value: true }]);
    // with a key read from the environment, the same sibling is judged as it is
    const keyed = { ...files, 'app/settings/production.py': `${files['app/settings/production.py']}import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n` };
    const q = scan(tree(keyed)).projects[0];
    expect(q.production!.dynamic).toEqual([]);
    expect(q.production!.bindings.get('SECURE_SSL_REDIRECT')!.unset).toMatchObject({ kind: 'bool', value: true });
    // and a module the deploy names is what production runs as it is, key or none
    const named = { ...files, Procfile: 'web: gunicorn app.wsgi --env DJANGO_SETTINGS_MODULE=app.settings.production\n' };
    expect(scan(tree(named)).projects[0].production!.dynamic).toEqual([]);
  });

  it('4. beside a development default: a sibling named production, else one whose docstring says so', () => {
    const both = chosen(tree({ ...BASE, 'manage.py': SET('app.settings.dev'), 'app/wsgi.py': SET('app.settings.dev') }));
    // live.py and production.py are both named like production: the first, and the other is named.
    expect(both).toMatchObject({ module: 'app.settings.live', status: 'ambiguous', others: ['app.settings.production'] });
    const doc = tree({
      'app/__init__.py': '',
      'app/settings/__init__.py': '',
      'app/settings/dev.py': 'DEBUG = True\n',
      'app/settings/server.py': '"""Production configuration of the shop."""\nDEBUG = False\n',
      'app/settings/staging_notes.py': '"""Not for production: notes about staging."""\n',
      'manage.py': SET('app.settings.dev'),
    });
    expect(chosen(doc)).toMatchObject({ module: 'app.settings.server' });
  });

  it('5. manage.py, when nothing else names one', () => {
    expect(chosen(tree({ ...BASE, 'manage.py': SET('app.settings.live') }))).toMatchObject({ module: 'app.settings.live' });
  });

  it('3. a wsgi.py default extended by a production-named sibling that star-imports it: that sibling (the styleguide example); otherwise the default', () => {
    const files = { 'app/__init__.py': '', 'app/settings/__init__.py': '', 'app/settings/base.py': 'DEBUG = True\nSECRET_KEY = "dev"\n', 'app/wsgi.py': SET('app.settings.base') };
    expect(chosen(tree({ ...files, 'app/settings/production.py': 'from .base import *\n\nDEBUG = False\n' }))).toMatchObject({ module: 'app.settings.production', status: 'resolved', evidence: { file: 'app/settings/production.py' } });
    expect(chosen(tree({ ...files, 'app/settings/production.py': 'from app.settings.base import *\nDEBUG = False\n' }))).toMatchObject({ module: 'app.settings.production' });
    // a production-named module that does not build on the default says nothing about it
    expect(chosen(tree({ ...files, 'app/settings/production.py': 'DEBUG = False\n' }))).toMatchObject({ module: 'app.settings.base', evidence: { file: 'app/wsgi.py' } });
  });

  it("a package's management-command __main__.py (rdmo's rdmo-admin, like django-admin) is a tool: its settings are not production's", () => {
    const RUNNER = 'import os\nfrom django.core import management\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.tool_settings")\n\ndef main():\n    management.execute_from_command_line()\n';
    const dir = tree({
      'manage.py': 'import sys\nfrom django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n',
      'app/__init__.py': '',
      'app/__main__.py': RUNNER,
      'app/tool_settings.py': 'ROOT_URLCONF = ""\nDATABASES = {}\n',
      'app/settings.py': 'DEBUG = False\n',
      'app/celery.py': SET('app.settings'),
    });
    expect(chosen(dir)).toMatchObject({ module: 'app.settings', evidence: { file: 'app/celery.py' } });
  });

  it("an f-string default takes each name's unconditional value (librephotos: 'production' unless DEBUG=1)", () => {
    const FSTRING = [
      'import os',
      'environment = "production"',
      'if os.environ.get("DEBUG", "0") == "1":',
      '    environment = "development"',
      'os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"app.settings.{environment}")',
      '',
    ].join('\n');
    const manage = 'import os\nif __name__ == "__main__":\n    environment = "production"\n    if os.environ.get("DEBUG") == "1":\n        environment = "development"\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"app.settings.{environment}")\n';
    expect(chosen(tree({ ...BASE, 'manage.py': manage, 'app/wsgi.py': FSTRING }))).toMatchObject({ module: 'app.settings.production', evidence: { file: 'app/wsgi.py', line: 5 } });
    // a name assigned something the scan cannot know: not guessed — the user is asked to name the module
    const unknown = FSTRING.replace('environment = "production"', 'environment = os.environ["STAGE"]');
    expect(() => scan(tree({ ...BASE, 'manage.py': unknown, 'app/wsgi.py': unknown }))).toThrow(ScanInputError);
  });

  it('only development modules named, and no sibling: a usage error naming them', () => {
    const dir = tree({ 'app/__init__.py': '', 'app/settings/__init__.py': '', 'app/settings/local.py': 'DEBUG = True\n', 'manage.py': SET('app.settings.local'), 'app/wsgi.py': SET('app.settings.local') });
    expect(() => scan(dir)).toThrow(ScanInputError);
    expect(() => scan(dir)).toThrow(/only development settings are named \(app\.settings\.local/);
  });

  it("a module documented for development (its docstring, or its settings class's) is development too (readthedocs)", () => {
    const classBased = 'from .base import Base\n\n\nclass Docker(Base):\n\n    """Settings for local development with Docker"""\n\n    DEBUG = True\n\n\nDocker.load_settings(__name__)\n';
    const files = { 'app/__init__.py': '', 'app/settings/__init__.py': '', 'app/settings/base.py': 'class Base:\n    pass\n', 'app/settings/docker.py': classBased, 'manage.py': SET('app.settings.docker'), 'app/wsgi.py': SET('app.settings.docker') };
    expect(() => scan(tree(files))).toThrow(/only development settings are named \(app\.settings\.docker: .*its docstring says it is for development/);
    // a production sibling beside it is what production runs
    expect(chosen(tree({ ...files, 'app/settings/production.py': 'DEBUG = False\n' })).module).toBe('app.settings.production');
    // a docstring that says production too is not a development one
    const both = { ...files, 'app/settings/docker.py': '"""Docker settings: local development, and production with DEBUG off."""\nDEBUG = False\n' };
    expect(chosen(tree(both)).module).toBe('app.settings.docker');
  });

  it('a module that builds on development settings (its one star-import before it sets anything) is development too (adhocracy+)', () => {
    const files = {
      'my-site/__init__.py': '',
      'my-site/config/__init__.py': '',
      'my-site/config/settings/__init__.py': 'from .dev import *\n',
      'my-site/config/settings/dev.py': 'DEBUG = True\nSECRET_KEY = "dev"\n',
      'my-site/config/settings/production.py': 'from .dev import *\nDEBUG = False\n',
      // Django imports a module named with a hyphen through importlib: it exists
      'my-site/config/wsgi.py': SET('my-site.config.settings'),
      'manage.py': SET('my-site.config.settings'),
    };
    const c = chosen(tree(files));
    expect(c.status).not.toBe('missing');
    expect(c.module).toBe('my-site.config.settings.production');
    // without the production sibling: only development settings are named, and the message says why
    const { 'my-site/config/settings/production.py': _, ...devOnly } = files;
    expect(() => scan(tree(devOnly))).toThrow(/only development settings are named \(my-site\.config\.settings: .*it is development settings: it imports everything from \.dev/);
    // not development: local overrides layered on top at the end, or one part among many gathered by a package
    const local = { ...devOnly, 'my-site/config/settings/__init__.py': 'DEBUG = False\nSECRET_KEY = "x"\nfrom .local_settings import *\n', 'my-site/config/settings/local_settings.py': 'DEBUG = False\n' };
    expect(chosen(tree(local)).module).toBe('my-site.config.settings');
    const parts = { ...devOnly, 'my-site/config/settings/__init__.py': 'from .base import *\nfrom .testing import *\nfrom .mail import *\n', 'my-site/config/settings/base.py': 'DEBUG = False\n', 'my-site/config/settings/testing.py': 'TEST_RUNNER = "x"\n', 'my-site/config/settings/mail.py': 'EMAIL_HOST = "smtp"\n' };
    expect(chosen(tree(parts)).module).toBe('my-site.config.settings');
  });

  it('a deploy file naming settings built on the development ones, beside production-named settings: passed over (adhocracy+)', () => {
    const docker = 'import os\n\nfrom .dev import *\n\nDATABASES = {"default": {"HOST": "db"}}\n';
    const files = {
      'app/__init__.py': '',
      'app/settings/__init__.py': '',
      'app/settings/dev.py': 'DEBUG = True\n',
      'app/settings/docker.py': docker,
      'app/settings/production.py': 'DEBUG = False\n',
      'app/wsgi.py': SET('app.settings.production'),
      'Dockerfile': 'FROM python:3.12\nENV DJANGO_SETTINGS_MODULE=app.settings.docker\nCMD python manage.py runserver 0.0.0.0:8000\n',
    };
    const c = chosen(tree(files));
    expect(c.module).toBe('app.settings.production');
    // with no production-named settings beside them, what the deploy file names is production's
    const { 'app/settings/production.py': _, ...alone } = files;
    expect(chosen(tree({ ...alone, 'app/wsgi.py': SET('app.settings.dev') })).module).toBe('app.settings.docker');
  });

  it("Open edX's devstack is development: a compose file naming `settings.devstack` is passed over for the production sibling (license-manager)", () => {
    const { 'app/settings/live.py': _live, ...base } = BASE;
    void _live;
    const files = {
      ...base,
      'app/settings/local.py': 'DEBUG = True\n',
      'app/settings/devstack.py': 'from app.settings.local import *\nALLOWED_HOSTS = ["*"]\n',
      'manage.py': SET('app.settings.dev'),
      'docker-compose.yml': 'services:\n  worker:\n    image: edxops/app-dev\n    command: celery -A app worker\n    environment:\n      DJANGO_SETTINGS_MODULE: app.settings.devstack\n',
    };
    expect(chosen(tree(files)).module).toBe('app.settings.production');
  });

  it("a Dockerfile whose final stage is its development image: the stage before it that runs the app server names production (Open edX ecommerce)", () => {
    const dockerfile = (finalCmd: string, finalModule: string) =>
      'FROM python:3.12 as app\nCOPY . /app\n\nFROM app as prod\nENV DJANGO_SETTINGS_MODULE "app.settings.live"\nCMD gunicorn app.wsgi:application\n\n' +
      `FROM app as dev\nENV DJANGO_SETTINGS_MODULE "${finalModule}"\nCMD ${finalCmd}\n`;
    const files = { ...BASE, 'app/settings/devstack.py': 'from .dev import *\n', 'manage.py': SET('app.settings.dev') };
    const devFinal = chosen(tree({ ...files, Dockerfile: dockerfile('python manage.py runserver 0.0.0.0:8000', 'app.settings.devstack') }));
    expect(devFinal).toMatchObject({ module: 'app.settings.live', evidence: { file: 'Dockerfile', line: 5 } });
    expect(devFinal.reason).toContain('which runs the app server (the final stage is a development image)');
    // a final stage that is itself a production image: it speaks, the other stage does not
    expect(chosen(tree({ ...files, Dockerfile: dockerfile('gunicorn app.wsgi', 'app.settings.production') }))).toMatchObject({ module: 'app.settings.production', evidence: { file: 'Dockerfile' } });
  });

  it("django-configurations: a DJANGO_CONFIGURATION default in wsgi.py naming a development class is passed over for the production class (openfun's joanie, La Suite's docs and meet)", () => {
    const settings = 'from configurations import Configuration, values\n\nclass Base(Configuration):\n    DEBUG = False\n\nclass Development(Base):\n    DEBUG = True\n    ALLOWED_HOSTS = ["*"]\n\nclass Production(Base):\n    ALLOWED_HOSTS = values.ListValue(None)\n';
    const wsgi = (conf: string) => `import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\nos.environ.setdefault("DJANGO_CONFIGURATION", "${conf}")\n`;
    const dev = scan(tree({ 'app/__init__.py': '', 'app/settings.py': settings, 'app/wsgi.py': wsgi('Development') }), { env: {} }).projects[0];
    expect(dev.info).toMatchObject({ settingsModule: 'app.settings', configuration: 'Production' });
    expect(dev.info.reason).toContain('its DJANGO_CONFIGURATION default there, Development, is a development class: the Production class is judged');
    expect(dev.production?.bindings.get('DEBUG')?.unset).toEqual({ kind: 'bool', value: false });
    // a deploy file that names the class speaks for production, whatever its name
    const named = scan(tree({ 'app/__init__.py': '', 'app/settings.py': settings, 'app/wsgi.py': wsgi('Development'), 'Dockerfile': 'FROM python\nENV DJANGO_SETTINGS_MODULE=app.settings DJANGO_CONFIGURATION=Production\nCMD gunicorn app.wsgi\n' }), { env: {} }).projects[0];
    expect(named.info).toMatchObject({ configuration: 'Production' });
    expect(named.info.reason).not.toContain('development class');
    // a deploy file naming a development class is a development image, as one naming a development settings module
    // is (OLDP's Dockerfile: DevConfiguration beside a SQLite URL and a literal key): the production class is judged
    const devImage = scan(tree({ 'app/__init__.py': '', 'app/settings.py': settings, 'app/wsgi.py': wsgi('Development'), 'Dockerfile': 'FROM python\nENV DJANGO_SETTINGS_MODULE=app.settings DJANGO_CONFIGURATION=Development\nCMD gunicorn app.wsgi\n' }), { env: {} }).projects[0];
    expect(devImage.info).toMatchObject({ settingsModule: 'app.settings', configuration: 'Production' });
    expect(devImage.info.reason).toContain('its DJANGO_CONFIGURATION there, Development, is a development class: the Production class is judged');
    expect(devImage.production?.bindings.get('DEBUG')?.unset).toEqual({ kind: 'bool', value: false });
  });

  it('beside a development default in a src/ layout, the production sibling is found (OWASP Nest: settings.local, settings.production under backend/src)', () => {
    const files = {
      'backend/manage.py': 'import os\nimport sys\nsys.path.insert(0, "src")\n' + SET('settings.local'),
      'backend/src/wsgi.py': SET('settings.local'),
      'backend/src/settings/__init__.py': '',
      'backend/src/settings/local.py': 'DEBUG = True\n',
      'backend/src/settings/production.py': 'DEBUG = False\n',
      'backend/src/apps/__init__.py': '',
    };
    expect(chosen(tree(files))).toMatchObject({ module: 'settings.production', status: 'resolved' });
  });

  it('a module named with a hyphen is development when a part of it is (`production-ci`: a CI run of the production image)', () => {
    const files = { ...BASE, 'app/settings/production-ci.py': 'from .production import *\n', 'app/wsgi.py': SET('app.settings.production'), 'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: gunicorn app.wsgi\n    environment:\n      DJANGO_SETTINGS_MODULE: app.settings.production-ci\n' };
    expect(chosen(tree(files)).module).toBe('app.settings.production');
  });
});

describe('modules made at deploy time', () => {
  it('a startproject template names `{{ project_name }}`, kept in a folder called project_name (django-react-boilerplate)', () => {
    const dir = tree({
      'manage.py': SET('{{ project_name }}.settings.local'),
      'project_name/__init__.py': '',
      'project_name/settings/__init__.py': '',
      'project_name/settings/local.py': 'DEBUG = True\n',
      'project_name/settings/production.py': 'DEBUG = False\n',
      'project_name/wsgi.py': SET('{{project_name}}.settings.production'),
    });
    expect(chosen(dir)).toMatchObject({ module: 'project_name.settings.production', status: 'resolved', evidence: { file: 'project_name/wsgi.py' } });
  });

  it('a module a Dockerfile COPYs into place resolves to its source (relative to the build context)', () => {
    const dir = tree({ ...BASE, 'manage.py': SET('app.settings.dev'), 'docker/Dockerfile': 'FROM python\nWORKDIR /srv\nCOPY . .\nCOPY deploy.py app/settings/deployed.py\nENV DJANGO_SETTINGS_MODULE=app.settings.deployed\n', 'docker/deploy.py': 'DEBUG = False\n' });
    const p = scan(dir).projects[0];
    expect(p.info).toMatchObject({ settingsModule: 'app.settings.deployed', settingsFile: 'docker/deploy.py' });
    expect(p.info.reason).toContain('COPY deploy.py');
  });

  it("a module an Ansible task copies into place on the server resolves to its source, and the supervisord program that names it wins over a script (Biostar Central)", () => {
    const playbook = [
      '- hosts: all', //                                                       1
      '  tasks:', //                                                           2
      '    - name: Copy settings file to runtime directories', //            3
      '      copy:', //                                                      4
      '        remote_src: true', //                                         5
      '        src: "{{ engine_dir }}/conf/site/{{item}}"', //               6
      '        dest: "{{ engine_dir }}/conf/run/{{ item }}"', //             7
      '      with_items:', //                                                8
      '        - site_settings.py', //                                       9
      '        - site_wsgi.py', //                                           10
    ].join('\n');
    const supervisor = '[program:engine]\nenvironment=PATH="/home/www/bin:%(ENV_PATH)s",\n            HOME="/home/www",\n            DJANGO_SETTINGS_MODULE=conf.run.site_settings\ncommand=/srv/bin/uwsgi /srv/conf/run/site_uwsgi.ini\n';
    const files = {
      'manage.py': SET('app.settings'),
      'app/__init__.py': '',
      'app/settings.py': 'DEBUG = True\n',
      'app/transfer/__init__.py': '',
      'app/transfer/settings.py': 'from app.settings import *\n',
      'app/scripts/transfer.sh': 'export DJANGO_SETTINGS_MODULE=app.transfer.settings\npython manage.py transfer\n',
      'conf/__init__.py': '',
      'conf/run/README.md': 'Deployment settings are copied here.\n',
      'conf/site/site_settings.py': 'from app.settings import *\nDEBUG = False\n',
      'conf/site/site_supervisor.conf': supervisor,
      'conf/ansible/install.yml': playbook,
    };
    const p = scan(tree(files)).projects[0];
    expect(p.info).toMatchObject({ settingsModule: 'conf.run.site_settings', settingsFile: 'conf/site/site_settings.py', evidence: { file: 'conf/site/site_supervisor.conf', line: 4 } });
    expect(p.info.reason).toContain('by the Ansible `copy` task in conf/ansible/install.yml (line 4)');
    // without the playbook the supervisord module is not in the repository, and is said (launch.I004), never dropped
    const { 'conf/ansible/install.yml': _pb, ...without } = files;
    void _pb;
    const q = chosen(tree(without));
    expect(q.module).toBe('app.transfer.settings');
    expect(q.others).toContain('conf.run.site_settings');
  });

  it('a module made from an example or a rendered template resolves to it', () => {
    const example = scan(tree({ 'site_app/__init__.py': '', 'site_app/settings_example.py': 'DEBUG = False\n', 'manage.py': SET('site_app.settings'), 'site_app/wsgi.py': SET('site_app.settings') })).projects[0];
    expect(example.info).toMatchObject({ settingsModule: 'site_app.settings', settingsFile: 'site_app/settings_example.py' });
    const rendered = scan(tree({ 'pkg/__init__.py': 'import os\n\ndef setup():\n    os.environ["DJANGO_SETTINGS_MODULE"] = "pkg_config"\n', 'pkg/templates/pkg_config.py.j2': 'SECRET_KEY = "{{ secret_key }}"\nDEBUG = False\n' })).projects[0];
    expect(rendered.info).toMatchObject({ root: '', settingsModule: 'pkg_config', settingsFile: 'pkg/templates/pkg_config.py.j2' });
    expect(rendered.production!.bindings.get('SECRET_KEY')!.unset.kind).toBe('unknown');
    // RapidPro's family: settings.py is linked at deploy time to one of settings.py.dev/.postgres/.prod — production's
    // is the .prod one (ureport), the others are not templates of production
    const linked = scan(tree({ 'ureport/__init__.py': '', 'ureport/settings.py.prod': 'DEBUG = False\n', 'ureport/settings.py.dev': 'DEBUG = True\n', 'manage.py': SET('ureport.settings'), 'ureport/wsgi.py': SET('ureport.settings') })).projects[0];
    expect(linked.info).toMatchObject({ settingsModule: 'ureport.settings', settingsFile: 'ureport/settings.py.prod' });
  });

  it("a Dockerfile whose image starts only runserver (its entrypoint execs the CMD's script) over a bind mount names development's settings, not production's (openstax-cms)", () => {
    const p = scan(tree({
      ...BASE,
      'app/settings/__init__.py': 'DEBUG = False\n',
      'app/settings/docker.py': 'DEBUG = True\n',
      'app/wsgi.py': SET('app.settings'),
      'manage.py': SET('app.settings'),
      Dockerfile: 'FROM python:3.12\nCOPY ./docker /srv/docker\nENTRYPOINT ["/srv/docker/entrypoint"]\nENV DJANGO_SETTINGS_MODULE app.settings.docker\nCMD /srv/docker/start\n',
      'docker/entrypoint': '#!/bin/sh\nset -e\nexec "$@"\n',
      'docker/start': '#!/bin/sh\ncd /code/\npython3 manage.py migrate\npython3 manage.py runserver 0.0.0.0:8000\n',
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    volumes:\n      - .:/code\n',
    })).projects[0];
    expect(p.info).toMatchObject({ settingsModule: 'app.settings', settingsFile: 'app/settings/__init__.py' });
  });

  it('wsgi.py naming a module that exists nowhere: missing, nothing judged in its place', () => {
    const p = scan(tree({ ...BASE, 'manage.py': SET('app.settings.live'), 'app/wsgi.py': SET('app.settings.prod') })).projects[0];
    expect(p.info).toMatchObject({ settingsModule: null, status: 'missing' });
    expect(p.resolution.missing.map((m) => [m.module, m.at])).toEqual([['app.settings.prod', { file: 'app/wsgi.py', line: 2 }]]);
  });
});

describe('several projects', () => {
  it('a deploy file inside one project speaks only for that project; a test project beside a real one is development', () => {
    const dir = tree({
      'shop/manage.py': SET('app.settings.dev'),
      'shop/app/__init__.py': '',
      'shop/app/settings/__init__.py': '',
      'shop/app/settings/dev.py': 'DEBUG = True\n',
      'shop/app/settings/live.py': 'DEBUG = False\n',
      'shop/Dockerfile': 'FROM python\nENV DJANGO_SETTINGS_MODULE=app.settings.live\n',
      'blog/manage.py': SET('app.settings.prod'),
      'blog/app/__init__.py': '',
      'blog/app/settings/__init__.py': '',
      'blog/app/settings/prod.py': 'DEBUG = False\n',
      'blog/app/settings/live.py': 'DEBUG = True\n',
      'tests/testproject/manage.py': SET('testproject.settings'),
      'tests/testproject/testproject/__init__.py': '',
      'tests/testproject/testproject/settings.py': 'DEBUG = True\n',
    });
    const byRoot = Object.fromEntries(scan(dir).projects.map((p) => [p.root, [p.info.settingsModule, p.info.status]]));
    expect(byRoot).toEqual({
      shop: ['app.settings.live', 'resolved'],
      blog: ['app.settings.prod', 'resolved'],
      'tests/testproject': [null, 'development'],
    });
  });

  it("a Python template COPYed into the module's place, and a console script's manage.py inside the package: one project (bugsink)", () => {
    const dir = tree({
      'app/__init__.py': '',
      'app/wsgi.py': SET('app_conf'),
      'app/conf_templates/docker.py.template': 'DEBUG = False\nSECRET_KEY = "{{ key }}"\n',
      'app/scripts/__init__.py': '',
      'app/scripts/manage.py': SET('app_conf'),
      Dockerfile: 'FROM python:3.12\nCOPY app/conf_templates/docker.py.template /app/app_conf.py\nCMD ["gunicorn", "app.wsgi"]\n',
    });
    const projects = scan(dir).projects.map((p) => [p.root, p.info.settingsModule, p.info.settingsFile, p.info.status]);
    expect(projects).toEqual([['', 'app_conf', 'app/conf_templates/docker.py.template', 'resolved']]);
  });

  it("an ECS task definition in CloudFormation names the module; the Dockerfile's ${DJANGO_SETTINGS_MODULE:-x} is only a default (Concordia)", () => {
    const files = {
      ...BASE,
      'manage.py': SET('app.settings.dev'),
      'app/settings/docker.py': 'DEBUG = False\n',
      'app/settings/ecs.py': 'DEBUG = False\n',
      Dockerfile: 'FROM python:3.12\nENV DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-app.settings.docker}\nCMD ["gunicorn", "app.wsgi"]\n',
      'cloudformation/infrastructure/cluster.yaml': [
        'Resources:',
        '  TaskDefinition:',
        '    Type: AWS::ECS::TaskDefinition',
        '    Properties:',
        '      ContainerDefinitions:',
        '        - Name: app',
        '          Environment:',
        '            - Name: DJANGO_SETTINGS_MODULE',
        '              Value: app.settings.ecs',
        '',
      ].join('\n'),
    };
    expect(chosen(tree(files)).module).toBe('app.settings.ecs');
    // a plain ENV in the image too: the task definition's environment overrides it when the container starts
    const plain = { ...files, Dockerfile: 'FROM python:3.12\nENV DJANGO_SETTINGS_MODULE=app.settings.docker\nCMD ["gunicorn", "app.wsgi"]\n' };
    expect(chosen(tree(plain))).toMatchObject({ module: 'app.settings.ecs', others: ['app.settings.docker'] });
  });

  it('a cookiecutter template folder is no project: alone, a refusal that says so; beside a project, left out (wemake-django-template)', () => {
    const template = {
      '{{cookiecutter.project_name}}/manage.py': SET('server.settings'),
      '{{cookiecutter.project_name}}/server/__init__.py': '',
      '{{cookiecutter.project_name}}/server/wsgi.py': SET('server.settings'),
      '{{cookiecutter.project_name}}/server/settings.py': 'DEBUG = False\n',
    };
    expect(() => scan(tree(template))).toThrow(/the only one is the project template \{\{cookiecutter\.project_name\}\}\/, whose generated projects are deployed/);
    const beside = tree({ ...template, ...BASE, 'manage.py': SET('app.settings.production') });
    expect(scan(beside).projects.map((p) => [p.root, p.info.settingsModule])).toEqual([['', 'app.settings.production']]);
  });

  it("a startproject template (its manage.py names `{{ project_name }}.settings`) beside only a test project is a library of templates, said so (CodeRed CMS)", () => {
    const files = {
      'cms/project_template/basic/manage.py': SET('{{ project_name }}.settings.dev'),
      'cms/project_template/basic/project_name/__init__.py': '',
      'cms/project_template/basic/project_name/settings/dev.py': 'DEBUG = True\n',
      'cms/tests/manage.py': SET('testapp.settings'),
      'cms/tests/testapp/__init__.py': '',
      'cms/tests/testapp/settings.py': 'DEBUG = True\n',
    };
    expect(() => scan(tree(files))).toThrow(/the only one is the project template cms\/project_template\/basic\/ \(besides cms\/tests, a test or example project\)/);
    // naming the settings still scans the test project as asked
    expect(scan(tree(files), { settingsModule: 'testapp.settings' }).projects.map((p) => p.root)).toEqual(['cms/tests']);
  });

  it("a reusable app whose only project is its test harness is a library, said so (openwisp-radius' tests/manage.py); a deploy file naming it, or --settings, scans it", () => {
    const files = {
      'openwisp_radius/__init__.py': '',
      'openwisp_radius/models.py': 'from django.db import models\n',
      'tests/manage.py': SET('openwisp2.settings'),
      'tests/openwisp2/__init__.py': '',
      'tests/openwisp2/settings.py': 'DEBUG = True\nSECRET_KEY = "fn)t*+$)ugeyip6-#txyy$5wf2ervc0d2n#h)qb)y5@ly$t*@w"\n',
      'tests/openwisp2/wsgi.py': SET('openwisp2.settings'),
    };
    expect(() => scan(tree(files))).toThrow(/no Django project found under .*: the only one is the test project tests\/ \(a test harness, which no deploy file names\), so this looks like a library/);
    expect(scan(tree(files), { settingsModule: 'openwisp2.settings' }).projects.map((p) => p.root)).toEqual(['tests']);
    const deployed = { ...files, 'Dockerfile': 'FROM python:3.12\nWORKDIR /app/tests\nENV DJANGO_SETTINGS_MODULE=openwisp2.settings\nCMD ["gunicorn", "openwisp2.wsgi"]\n' };
    expect(scan(tree(deployed)).projects.map((p) => [p.root, p.info.settingsModule])).toEqual([['tests', 'openwisp2.settings']]);
  });

  it("a script that only builds the image (collectstatic with a placeholder key) does not name production's settings: the production-named module beside the WSGI default does (the UK's Trade Remedies caseworker)", () => {
    const build = '#!/usr/bin/env bash\nset -e\nexport DJANGO_SECRET_KEY="example"\nexport DJANGO_SETTINGS_MODULE="config.settings.staging"\ncd app\npython manage.py collectstatic --noinput\n';
    const files = {
      '.copilot/image_build_run.sh': build,
      'app/manage.py': SET('config.settings.local'),
      'app/config/__init__.py': '',
      'app/config/wsgi.py': SET('config.settings.local'),
      'app/config/settings/__init__.py': '',
      'app/config/settings/base.py': 'DEBUG = False\n',
      'app/config/settings/local.py': 'from .base import *\nDEBUG = True\n',
      'app/config/settings/staging.py': 'from .base import *\n',
      'app/config/settings/prod.py': 'from .base import *\n',
    };
    expect(scan(tree(files)).projects.map((p) => [p.root, p.info.settingsModule])).toEqual([['app', 'config.settings.prod']]);
    // a script that also starts the server is the running app's
    const run = { ...files, '.copilot/image_build_run.sh': `${build}exec gunicorn config.wsgi\n` };
    expect(scan(tree(run)).projects.map((p) => [p.root, p.info.settingsModule])).toEqual([['app', 'config.settings.staging']]);
  });

  it("a default whose settings import a module only the deploy makes is the deployed one, over a production-named sibling (PyCon US: Heroku's bin/pre_compile copies local.py-heroku into place)", () => {
    const files = {
      Procfile: 'web: gunicorn app.wsgi\n',
      'bin/pre_compile': '#!/usr/bin/env bash\ncp app/settings/local.py-heroku app/settings/local.py\n',
      'manage.py': SET('app.settings.default'),
      'app/__init__.py': '',
      'app/settings/__init__.py': '',
      'app/settings/base.py': 'DEBUG = False\n',
      'app/settings/default.py': 'import sys\ntry:\n    from .local import *\nexcept ImportError:\n    sys.exit(1)\n',
      'app/settings/production.py': 'from .base import *\n',
      'app/settings/local.py-heroku': 'from .base import *\nSECRET_KEY = "x"\n',
    };
    const got = chosen(tree(files));
    expect(got).toMatchObject({ module: 'app.settings.default', status: 'resolved' });
    expect(got.reason).toContain('import app.settings.local, which the repository does not hold and its deploy makes (bin/pre_compile, line 2, from app/settings/local.py-heroku)');
    // the production-named sibling imports it too: the deploy says nothing between them, the name decides
    const both = { ...files, 'app/settings/production.py': 'from .local import *\n' };
    expect(chosen(tree(both)).module).toBe('app.settings.production');
    // no hook copies it: the default is an ordinary manage.py default, and the production-named sibling wins
    const { 'bin/pre_compile': _hook, ...noHook } = files;
    expect(chosen(tree(noHook)).module).toBe('app.settings.production');
  });

  it("settings named for testing are development settings, never judged as production (CFPB's owning-a-home-api: manage.py names settings_for_testing)", () => {
    const files = {
      'manage.py': SET('settings_for_testing'),
      'settings_for_testing.py': 'DEBUG = True\nSECRET_KEY = "abc"\nINSTALLED_APPS = ["ratechecker"]\n',
      'ratechecker/__init__.py': '',
      'ratechecker/models.py': 'from django.db import models\n',
    };
    expect(() => scan(tree(files))).toThrow(/only development settings are named \(settings_for_testing: the default in manage\.py/);
    expect(isDevModule('settings_for_testing')).toBe(true);
    expect(isDevModule('app.settings.unit_test_settings')).toBe(true);
    // the UK's Digital Workspace: its local compose stack's `.env.example` names config.settings.developer
    expect(isDevModule('config.settings.developer')).toBe(true);
    expect(isDevModule('config.developer_settings')).toBe(true);
    expect(isDevModule('app.settings.contest')).toBe(false);
    expect(isDevModule('app.settings.latest')).toBe(false);
  });

  it("nothing names the settings: the refusal lists the modules that read as settings, for the user to choose (the UK's LITE frontend, two apps from one codebase)", () => {
    const files = {
      'manage.py': 'import sys\nfrom django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n',
      'conf/__init__.py': '',
      'conf/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
      'conf/base.py': 'INSTALLED_APPS = ["django.contrib.auth"]\nMIDDLEWARE = []\n',
      'conf/exporter.py': 'from conf.base import *\nROOT_URLCONF = "exporter.urls"\n',
      'conf/caseworker.py': 'from conf.base import *\nROOT_URLCONF = "caseworker.urls"\n',
      'exporter/__init__.py': '',
      'exporter/urls.py': 'urlpatterns = []\n',
      'tests/settings_tests.py': 'INSTALLED_APPS = []\n',
      Procfile: 'web: gunicorn conf.wsgi\n',
    };
    expect(() => scan(tree(files))).toThrow(/names a settings module of this project \(modules here that read as settings: conf\.base, conf\.caseworker, conf\.exporter\)$/);
  });

  it("wsgi.py naming its settings through a variable of the project's own: the refusal says what it names and that Django does not read it (Janeway's JANEWAY_SETTINGS_MODULE, its core.settings kept out of git)", () => {
    const files = {
      'manage.py': 'import os\nos.environ.setdefault("JANEWAY_SETTINGS_MODULE", "core.settings")\n',
      'core/__init__.py': '',
      'core/wsgi.py': 'import os\nfrom utils import load_settings\nos.environ.setdefault("JANEWAY_SETTINGS_MODULE", "core.settings")\nload_settings()\n',
      'core/global_settings.py': 'INSTALLED_APPS = ["core"]\nROOT_URLCONF = "core.urls"\n',
    };
    expect(() => scan(tree(files))).toThrow(/modules here that read as settings: core\.global_settings\); core\/wsgi\.py sets JANEWAY_SETTINGS_MODULE to core\.settings, which is not in the repository — a variable of the project's own that Django does not read/);
  });

  it("manage.py naming a module of a package the repository does not have is the host application's settings, not a missing module of this project: a refusal that says so (fonzie, an Open edX plugin naming lms.envs.docker_run)", () => {
    const files = {
      'manage.py': SET('lms.envs.docker_run'),
      'fonzie/__init__.py': '',
      'fonzie/urls.py': 'urlpatterns = []\n',
      'edx-platform/config/lms/docker_run_development.py': 'DEBUG = True\nINSTALLED_APPS = ["fonzie"]\n',
    };
    expect(() => scan(tree(files))).toThrow(/nor manage\.py names a settings module of this project; manage\.py names lms\.envs\.docker_run, a module of a package that is not in this repository/);
    // a module of the repository's own package that is missing stays launch.E003's (production would not start)
    const own = { ...files, 'manage.py': SET('fonzie.settings') };
    expect(scan(tree(own)).projects[0].resolution.status).toBe('missing');
  });

  it("a generator's templates folder whose manage.py names settings that exist only as a Jinja template is a project template too (askbot's setup_templates)", () => {
    const files = {
      'askbot/__init__.py': '',
      'askbot/setup_templates/__init__.py': '',
      'askbot/setup_templates/manage.py': SET('settings'),
      'askbot/setup_templates/settings.py.jinja2': "DEBUG = False\nALLOWED_HOSTS = ['*']\nINSTALLED_APPS = (\n    'askbot',\n    {{ staticfiles_app }}\n)\n",
      'testproject/manage.py': SET('testproject.settings'),
      'testproject/testproject/__init__.py': '',
      'testproject/testproject/settings.py': 'DEBUG = True\n',
    };
    expect(() => scan(tree(files))).toThrow(/the only one is the project template askbot\/setup_templates\/ \(besides testproject, a test or example project\)/);
    // a folder named for templates whose settings are plain Python is a project like any other
    const plain = { ...files, 'askbot/setup_templates/settings.py': 'DEBUG = False\n' };
    expect(scan(tree(plain)).projects.map((p) => [p.root, p.info.settingsModule])).toContainEqual(['askbot/setup_templates', 'settings']);
  });

  it("a package's manage.py whose settings resolve only from the folder above belongs to the project there (SQUAD)", () => {
    // The top manage.py only imports `app.manage`; the package's wsgi.py names the settings gunicorn loads.
    const dir = tree({
      'manage.py': 'from app.manage import main\nmain()\n',
      'app/__init__.py': '',
      'app/manage.py': `import os\ndef main():\n    if sys.argv[1] == "test":\n        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "test.settings")\n    else:\n        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n`,
      'app/wsgi.py': SET('app.settings'),
      'app/settings.py': 'DEBUG = False\n',
      'test/__init__.py': '',
      'test/settings.py': 'from app.settings import *\n',
    });
    const projects = scan(dir).projects.map((p) => [p.root, p.info.settingsModule, p.info.status, p.info.evidence]);
    expect(projects).toEqual([['', 'app.settings', 'resolved', { file: 'app/wsgi.py', line: 2 }]]);
    // a package's manage.py whose settings resolve from its own folder stays a root of its own
    const own = tree({ 'site/__init__.py': '', 'site/manage.py': SET('conf'), 'site/conf.py': 'DEBUG = False\n' });
    expect(scan(own).projects.map((p) => [p.root, p.info.settingsModule])).toEqual([['site', 'conf']]);
  });

  it('a manage.py symlinked to another inside the tree is that project, not a root of its own (tabbycat)', () => {
    // Python resolves the link and puts the target's folder on sys.path: `settings` is found beside the target.
    const dir = tree({
      'site/manage.py': SET('settings'),
      'site/settings/__init__.py': 'DEBUG = False\n',
    });
    symlinkSync('site/manage.py', join(dir, 'manage.py'));
    // a link to a script named otherwise keeps its own folder (as before)
    mkdirSync(join(dir, 'tools'));
    writeFileSync(join(dir, 'tools', 'run.py'), SET('toolsite.settings'));
    mkdirSync(join(dir, 'tools', 'toolsite'));
    writeFileSync(join(dir, 'tools', 'toolsite', '__init__.py'), '');
    writeFileSync(join(dir, 'tools', 'toolsite', 'settings.py'), 'DEBUG = False\n');
    symlinkSync('run.py', join(dir, 'tools', 'manage.py'));
    const roots = scan(dir).projects.map((p) => [p.root, p.info.settingsModule, p.info.status]);
    expect(roots).toEqual([
      ['site', 'settings', 'resolved'],
      ['tools', 'toolsite.settings', 'resolved'],
    ]);
    // without the link, the root manage.py would be a project of its own whose `settings` is nowhere
    expect(roots.map((r) => r[0])).not.toContain('');
  });
});
