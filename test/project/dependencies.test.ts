/**
 * The Django version a project pins and the app servers it runs, read from its dependency and deploy files
 * through the real scan: every file format, includes, dev files left out, disagreement as unknown, and the
 * PEP 440 / poetry subset the rules depend on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { scan } from '../../src/project/scan';
import {
  admitsAtLeast,
  admitsBelow,
  appServers,
  describeDjangoVersion,
  describeRange,
  djangoVersion,
  parsePep508,
  parsePoetryConstraint,
  parseSpecifier,
  requirements,
  servingInterface,
  unreadableIncludes,
  type VersionRange,
} from '../../src/project/dependencies';

function project(files: Record<string, string>): string {
  const dir = tempDir('dlg-deps-');
  const all: Record<string, string> = {
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    'app/__init__.py': '',
    'app/settings.py': 'DEBUG = False\n',
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function version(files: Record<string, string>) {
  const ctx = scan(project(files));
  return djangoVersion(ctx, ctx.projects[0]);
}

const r = (spec: string): VersionRange => parseSpecifier(spec)!;

describe('PEP 440 subset', () => {
  it('reads comparison, compatible-release and wildcard clauses into one range', () => {
    expect(describeRange(r('==3.2.25'))).toBe('==3.2.25');
    expect(describeRange(r('>=4.2,<5.0'))).toBe('>=4.2,<5.0');
    expect(describeRange(r('~=3.2'))).toBe('>=3.2,<4');
    expect(describeRange(r('~=4.2.7'))).toBe('>=4.2.7,<4.3');
    expect(describeRange(r('==4.2.*'))).toBe('>=4.2,<4.3');
    expect(describeRange(r('>=4.2, !=4.2.1, <5'))).toBe('>=4.2,<5');
    expect(describeRange(r(''))).toBe('any version');
    expect(parseSpecifier('~=4')).toBeUndefined(); // invalid: ~= needs two release segments
    expect(parseSpecifier('@ https://example.com/django.tar.gz')).toBeUndefined();
  });

  it('answers "can it be >= X" and "can it be < X" on release numbers', () => {
    expect(admitsAtLeast(r('==3.2.25'), '4.2')).toBe(false);
    expect(admitsAtLeast(r('>=3.2,<4.2'), '4.2')).toBe(false);
    expect(admitsAtLeast(r('<=4.2'), '4.2')).toBe(true);
    expect(admitsAtLeast(r('~=3.2'), '4.2')).toBe(false);
    expect(admitsAtLeast(r('~=4.1.0'), '4.2')).toBe(false);
    expect(admitsAtLeast(r('>=3.2'), '4.2')).toBe(true);
    expect(admitsAtLeast(r('==4.2.0'), '4.2')).toBe(true);
    expect(admitsBelow(r('==5.2.8'), '5.1')).toBe(false);
    expect(admitsBelow(r('>=4.2'), '5.1')).toBe(true);
    expect(admitsBelow(r('>5.0'), '5.1')).toBe(true);
  });

  it('reads poetry constraints: caret, tilde, bare, wildcard, space-separated, alternatives', () => {
    expect(describeRange(parsePoetryConstraint('^4.2')!)).toBe('>=4.2,<5');
    expect(describeRange(parsePoetryConstraint('^0.2.3')!)).toBe('>=0.2.3,<0.3');
    expect(describeRange(parsePoetryConstraint('~4.2')!)).toBe('>=4.2,<4.3');
    expect(describeRange(parsePoetryConstraint('3.2.25')!)).toBe('==3.2.25');
    expect(describeRange(parsePoetryConstraint('4.2.*')!)).toBe('>=4.2,<4.3');
    expect(describeRange(parsePoetryConstraint('>= 4.2 < 5.0')!)).toBe('>=4.2,<5.0');
    expect(describeRange(parsePoetryConstraint('^3.2 || ^4.2')!)).toBe('>=3.2,<5');
    expect(describeRange(parsePoetryConstraint('*')!)).toBe('any version');
  });

  it('reads PEP 508 requirement strings: extras, markers, parentheses, URLs', () => {
    expect(parsePep508('Django[argon2]==6.0.7')).toMatchObject({ name: 'django', extras: ['argon2'], spec: '==6.0.7' });
    expect(parsePep508('django >= 4.2, < 5.0 ; python_version >= "3.10"')).toMatchObject({ name: 'django', spec: '>=4.2,<5.0' });
    expect(parsePep508('Django (>=3.2)')).toMatchObject({ name: 'django', spec: '>=3.2' });
    expect(parsePep508('django @ git+https://github.com/django/django')?.range).toBeUndefined();
    expect(parsePep508('django-storages==1.14')?.name).toBe('django-storages');
  });
});

describe('djangoVersion', () => {
  it('requirements.txt pin, with file and line', () => {
    const v = version({ 'requirements.txt': '# web\ndjango-environ==0.11\nDjango==3.2.25\n' })!;
    expect(v.spec).toBe('==3.2.25');
    expect(v.location).toEqual({ file: 'requirements.txt', line: 3 });
    expect(describeDjangoVersion(v)).toBe('Django ==3.2.25 (requirements.txt:3)');
  });

  it('follows -r includes (also files the workspace does not collect), and hash-pinned continuation lines', () => {
    const v = version({
      'requirements.txt': '-r deps/base.pip\ngunicorn==22.0\n',
      'deps/base.pip': 'django==4.2.16 \\\n    --hash=sha256:abc \\\n    --hash=sha256:def\n',
    })!;
    expect(v.spec).toBe('==4.2.16');
    expect(v.location).toEqual({ file: 'deps/base.pip', line: 1 });
  });

  it('requirements/ folder and .in files: every declaration holds at once (intersection); the narrowest decides', () => {
    const v = version({ 'requirements/base.in': 'django<6.0\n', 'requirements/base.txt': 'django==5.2.8\n' })!;
    expect(v.spec).toBe('==5.2.8');
    expect(v.location.file).toBe('requirements/base.txt');
    const w = version({ 'requirements/base.in': 'Django~=4.2.7\n' })!;
    expect(describeRange(w.range)).toBe('>=4.2.7,<4.3');
  });

  it('leaves out dev/test requirement files and dev folders', () => {
    expect(version({ 'requirements-dev.txt': 'django==5.0\n', 'docs/requirements.txt': 'django==5.1\n' })).toBeUndefined();
    expect(version({ 'requirements/test.txt': 'django==5.0\n', 'requirements/production.txt': 'django==3.2.25\n' })!.spec).toBe('==3.2.25');
  });

  it('pyproject.toml: PEP 621 dependencies and production optional groups; dev groups ignored', () => {
    const v = version({
      'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "Django>=5.1",\n  "httpx",\n]\n[project.optional-dependencies]\ndev = ["Django==6.0.7"]\ndeploy = [\n  "Django==5.2.3",\n]\n',
    })!;
    expect(v.spec).toBe('==5.2.3');
    expect(v.location).toEqual({ file: 'pyproject.toml', line: 10 });
    expect(describeRange(v.range)).toBe('==5.2.3');
  });

  it('pyproject.toml: poetry dependencies (string and table forms)', () => {
    const v = version({ 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.10"\nDjango = { version = "^4.2", extras = ["argon2"] }\n' })!;
    expect(v.spec).toBe('^4.2');
    expect(v.location).toEqual({ file: 'pyproject.toml', line: 3 });
    expect(describeRange(v.range)).toBe('>=4.2,<5');
  });

  it('lock files win over manifests: poetry.lock, uv.lock, Pipfile.lock', () => {
    const poetry = version({
      'pyproject.toml': '[tool.poetry.dependencies]\ndjango = ">=3.2"\n',
      'poetry.lock': '[[package]]\nname = "asgiref"\nversion = "3.8.1"\n\n[[package]]\nname = "django"\nversion = "4.2.7"\ndescription = "x"\n',
    })!;
    expect(poetry).toMatchObject({ spec: '==4.2.7', locked: true, source: 'poetry.lock', location: { file: 'poetry.lock', line: 7 } });
    expect(describeDjangoVersion(poetry)).toBe('Django 4.2.7 (locked in poetry.lock:7)');
    const uv = version({ 'uv.lock': 'version = 1\n\n[[package]]\nname = "django"\nversion = "5.1.4"\nsource = { registry = "https://pypi.org/simple" }\n' })!;
    expect(uv).toMatchObject({ spec: '==5.1.4', location: { file: 'uv.lock', line: 5 } });
    const pipenv = version({
      'Pipfile': '[packages]\ndjango = "*"\n[dev-packages]\ndjango-debug-toolbar = "*"\n',
      'Pipfile.lock': JSON.stringify({ _meta: {}, default: { asgiref: { version: '==3.8.1' }, django: { hashes: [], version: '==3.2.25' } }, develop: { django: { version: '==5.0' } } }, null, 4),
    })!;
    expect(pipenv).toMatchObject({ spec: '==3.2.25', source: 'Pipfile.lock' });
    expect(pipenv.location.line).toBeGreaterThan(1);
  });

  it('Pipfile without a lock', () => {
    const v = version({ 'Pipfile': '[packages]\nDjango = "~=3.2"\n' })!;
    expect(v).toMatchObject({ spec: '~=3.2', location: { file: 'Pipfile', line: 2 } });
  });

  it('setup.cfg and setup.py install_requires', () => {
    const cfg = version({ 'setup.cfg': '[metadata]\nname = x\n\n[options]\npackages = find:\ninstall_requires =\n    requests\n    Django>=3.2,<4.0\n' })!;
    expect(cfg).toMatchObject({ spec: '>=3.2,<4.0', location: { file: 'setup.cfg', line: 8 } });
    const py = version({ 'setup.py': 'from setuptools import setup\nREQS = [\n    "Django~=3.2",\n]\nsetup(name="x", install_requires=REQS)\n' })!;
    expect(py).toMatchObject({ spec: '~=3.2', location: { file: 'setup.py', line: 3 } });
    const inline = version({ 'setup.py': 'from setuptools import setup\nsetup(\n    name="x",\n    install_requires=["django>=4.2"],\n)\n' })!;
    expect(inline).toMatchObject({ spec: '>=4.2', location: { file: 'setup.py', line: 4 } });
  });

  it('files that contradict each other: the span of every declaration, which production runs one of', () => {
    const v = version({ 'requirements.txt': 'django==3.2\n', 'requirements/base.txt': 'django==4.2\n' })!;
    expect(describeRange(v.range)).toBe('>=3.2,<=4.2');
    expect(v.spec).toBe('>=3.2,<=4.2');
    expect(admitsAtLeast(v.range, '4.2')).toBe(true);
    expect(admitsBelow(v.range, '4.0')).toBe(true);
    const old = version({ 'requirements.txt': 'Django==2.2.24\n', 'cleanup_utils/requirements.txt': 'Django==2.2.20\n' })!;
    expect(admitsAtLeast(old.range, '4.2')).toBe(false);
  });

  it('unknown when nothing names Django, a declaration is a URL, or an include cannot be read', () => {
    expect(version({ 'requirements.txt': 'requests\n' })).toBeUndefined();
    expect(version({ 'requirements.txt': '-r https://example.com/base.txt\nDjango>=3.2\n' })).toBeUndefined();
    expect(version({ 'requirements.txt': '-c constraints/missing.txt\nDjango>=3.2\n' })).toBeUndefined();
    expect(version({ 'requirements.txt': 'django @ git+https://github.com/django/django@main\n' })).toBeUndefined();
  });

  it('an exact pin holds beside an include that cannot be read: pip installs that version or fails (DocumentCloud)', () => {
    const v = version({ 'requirements.txt': 'Django==4.2.2\n', 'app/fn/requirements.txt': '-r cloud-requirements.txt\nfurl==2.1.0\n' });
    expect(v?.spec).toBe('==4.2.2');
    // a range beside the same include stays unknown: the include may narrow it
    expect(version({ 'requirements.txt': 'Django>=4.2,<5\n', 'app/fn/requirements.txt': '-r cloud-requirements.txt\n' })).toBeUndefined();
  });

  it('an unparseable pyproject is not a version', () => {
    expect(version({ 'pyproject.toml': '[project\ndependencies = ["django==3.2"]\n' })).toBeUndefined();
  });
});

describe('app servers', () => {
  function served(files: Record<string, string>) {
    const ctx = scan(project(files));
    return { servers: appServers(ctx, ctx.projects[0]), serving: servingInterface(ctx, ctx.projects[0]) };
  }

  it('nothing: none', () => {
    expect(served({}).serving.interface).toBe('none');
  });

  it('gunicorn in a Procfile: WSGI; with a uvicorn worker class: ASGI', () => {
    expect(served({ Procfile: 'web: gunicorn app.wsgi --workers 3\n' }).serving).toMatchObject({ interface: 'wsgi', evidence: { server: 'gunicorn', location: { file: 'Procfile', line: 1 } } });
    expect(served({ Procfile: 'release: python manage.py migrate\nweb: gunicorn app.asgi:application -k uvicorn.workers.UvicornWorker\n' }).serving).toMatchObject({
      interface: 'asgi',
      evidence: { server: 'gunicorn', location: { file: 'Procfile', line: 2 } },
    });
  });

  it('gunicorn with the worker class in gunicorn.conf.py: ASGI', () => {
    const s = served({ 'Dockerfile': 'FROM python:3.12\nCMD ["gunicorn", "-c", "gunicorn.conf.py", "app.asgi"]\n', 'gunicorn.conf.py': 'bind = "0.0.0.0:8000"\nworker_class = "uvicorn.workers.UvicornWorker"\n' });
    expect(s.serving.interface).toBe('asgi');
  });

  it('uvicorn, daphne, hypercorn, granian in commands: ASGI (Dockerfile, compose, systemd, supervisord, scripts)', () => {
    expect(served({ 'Dockerfile': 'FROM python\nCMD uvicorn app.asgi:application --host 0.0.0.0\n' }).serving).toMatchObject({ interface: 'asgi', evidence: { server: 'uvicorn', location: { file: 'Dockerfile', line: 2 } } });
    expect(served({ 'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: daphne -b 0.0.0.0 app.asgi:application\n' }).serving).toMatchObject({ interface: 'asgi', evidence: { server: 'daphne', location: { file: 'docker-compose.yml', line: 4 } } });
    expect(served({ 'deploy/app.service': '[Service]\nExecStart=/srv/venv/bin/hypercorn app.asgi:application\n' }).serving.evidence?.server).toBe('hypercorn');
    expect(served({ 'supervisord/server.conf': '[fcgi-program:uvicorn]\ncommand=%(ENV_HOME)s/wait.sh\n    python3 -m uvicorn\n        --fd 0\n        app.asgi:application\n' }).serving).toMatchObject({ interface: 'asgi', evidence: { location: { file: 'supervisord/server.conf', line: 2 } } });
    expect(served({ 'docker/entrypoint.sh': '#!/bin/sh\npython manage.py migrate\nexec uvicorn --proxy-headers umap.asgi:application\n' }).serving).toMatchObject({ interface: 'asgi', evidence: { location: { file: 'docker/entrypoint.sh', line: 3 } } });
    expect(served({ Procfile: 'web: granian --interface asgi app.asgi:application\n' }).serving.interface).toBe('asgi');
    expect(served({ Procfile: 'web: granian --interface wsgi app.wsgi:application\n' }).serving.interface).toBe('wsgi');
  });

  it('uwsgi ini and waitress: WSGI', () => {
    expect(served({ 'uwsgi.ini': '[uwsgi]\nmodule = app.wsgi\n' }).serving).toMatchObject({ interface: 'wsgi', evidence: { server: 'uwsgi', evidence: 'config' } });
    expect(served({ 'run.sh': 'waitress-serve --port=8000 app.wsgi:application\n' }).serving).toMatchObject({ interface: 'wsgi', evidence: { server: 'waitress' } });
  });

  it('commands decide over dependencies; dev files, dev services, --reload and installs do not count', () => {
    expect(served({ Procfile: 'web: gunicorn app.wsgi\n', 'requirements.txt': 'gunicorn\nuvicorn\n' }).serving.interface).toBe('wsgi');
    expect(served({ 'docker-compose.dev.yml': 'services:\n  web:\n    command: uvicorn app.asgi:application\n', 'Procfile': 'web: gunicorn app.wsgi\n' }).serving.interface).toBe('wsgi');
    expect(served({ 'start.sh': 'pip install uvicorn\nuvicorn app.asgi:application --reload\ngunicorn app.wsgi\n' }).serving.interface).toBe('wsgi');
    expect(served({ 'docker-compose.yml': 'services:\n  web:\n    profiles: [dev]\n    command: uvicorn app.asgi:application\n' }).serving.interface).toBe('none');
  });

  it('dependencies alone: one kind decides, both kinds are mixed; channels[daphne] is daphne', () => {
    expect(served({ 'requirements.txt': 'Django==4.2\nuvicorn[standard]==0.30\n' }).serving).toMatchObject({ interface: 'asgi', evidence: { server: 'uvicorn', evidence: 'dependency', location: { file: 'requirements.txt', line: 2 } } });
    expect(served({ 'requirements.txt': 'gunicorn==22\n' }).serving.interface).toBe('wsgi');
    expect(served({ 'requirements.txt': 'gunicorn==22\nuvicorn==0.30\n' }).serving.interface).toBe('mixed');
    expect(served({ 'requirements.txt': 'channels[daphne]==4.1\n' }).serving).toMatchObject({ interface: 'asgi', evidence: { server: 'daphne' } });
    expect(served({ 'requirements-dev.txt': 'uvicorn\n' }).serving.interface).toBe('none');
  });

  it('nginx upstream names and uwsgi_pass are not servers', () => {
    const s = served({ 'deploy/nginx.conf': 'upstream gunicorn {\n  server 127.0.0.1:8000;\n}\nserver {\n  location / { uwsgi_pass gunicorn; include uwsgi_params; }\n}\n' });
    expect(s.servers).toEqual([]);
  });

  it('unreadableIncludes() names the -r/-c lines whose target could not be read', () => {
    const ctx = scan(project({ 'requirements.txt': 'Django==4.2\n-r https://example.com/x.txt\n-r base.txt\n', 'base.txt': 'gunicorn\n' }));
    expect(unreadableIncludes(ctx, ctx.projects[0])).toEqual([{ file: 'requirements.txt', line: 2 }]);
    expect(requirements(ctx, ctx.projects[0]).map((r) => r.name)).toEqual(['django', 'gunicorn']);
  });

  it('requirements() lists production declarations with their file and line', () => {
    const ctx = scan(project({ 'requirements.txt': 'Django==4.2\n\ngunicorn==22.0  # app server\n' }));
    expect(requirements(ctx, ctx.projects[0]).map((x) => `${x.name}${x.spec} ${x.location.file}:${x.location.line}`)).toEqual(['django==4.2 requirements.txt:1', 'gunicorn==22.0 requirements.txt:3']);
  });
});
