/**
 * DJANGO_SETTINGS_MODULE evidence and the environment production always gets from deploy manifests, on real files in temporary repositories through the
 * real Workspace: one repository per manifest kind, with the tricky cases each kind has in real projects.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerCopies, productionEnvironment, settingsEvidence, type EnvAssignment, type SettingsEvidence } from '../../src/project/manifests';
import { Workspace } from '../../src/project/workspace';
import { deployTimeModule } from '../../src/project/settings-modules';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function repo(files: Record<string, string>): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'dlg-manifests-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return new Workspace(dir);
}

/** Evidence without the report phrase, for exact comparison. */
function facts(ws: Workspace): Array<Omit<SettingsEvidence, 'how'>> {
  return settingsEvidence(ws).map(({ how: _how, ...rest }) => rest);
}

function ev(module: string, kind: SettingsEvidence['kind'], file: string, line: number, dev = false, configuration?: string) {
  return { module, kind, file, line, dev, ...(configuration ? { configuration } : {}) };
}

describe('Dockerfile', () => {
  it('multi-stage: the final stage is production, a dev stage is not', () => {
    const ws = repo({
      'backend/Dockerfile': [
        'FROM python:3.12-slim AS base', //                     1
        'ENV PYTHONUNBUFFERED=1', //                             2
        '', //                                                   3
        'FROM base AS dev', //                                   4
        "ENV DJANGO_SETTINGS_MODULE='mysite.settings.dev'", //   5
        '', //                                                   6
        'FROM base AS local', //                                 7
        "ENV DJANGO_SETTINGS_MODULE='mysite.settings.base'", //  8
        'CMD ["gunicorn", "mysite.wsgi"]', //                    9
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('mysite.settings.dev', 'dockerfile', 'backend/Dockerfile', 5, true),
      ev('mysite.settings.base', 'dockerfile', 'backend/Dockerfile', 8, false),
    ]);
    expect(settingsEvidence(ws)[1].how).toBe('ENV in the final stage of backend/Dockerfile');
    expect(settingsEvidence(ws)[0].how).toContain('not the final stage');
  });

  it('ENV in a stage the final stage is built FROM (by name, transitively) is production', () => {
    const ws = repo({
      Dockerfile: [
        'FROM python:3.12 AS runtime', //                   1
        'ENV DJANGO_SETTINGS_MODULE=shop.settings.prod', //  2
        'FROM runtime AS app', //                           3
        'RUN pip install gunicorn', //                      4
        'FROM node:20 AS assets', //                        5
        'ENV DJANGO_SETTINGS_MODULE=shop.settings.build', // 6
        'FROM app', //                                      7
        'COPY --from=assets /dist /app/static', //          8
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('shop.settings.prod', 'dockerfile', 'Dockerfile', 2, false),
      ev('shop.settings.build', 'dockerfile', 'Dockerfile', 6, true),
    ]);
  });

  it('ARG defaults substituted into ENV (global ARG redeclared in the stage, ${VAR}, $VAR, ${VAR:-default})', () => {
    const ws = repo({
      Dockerfile: [
        'ARG FLAVOUR=production', //                                        1
        'FROM ubuntu:22.04', //                                             2
        'ARG FLAVOUR', //                                                   3
        'ARG CVAT_CONFIGURATION="production"', //                           4
        'ENV DJANGO_SETTINGS_MODULE="cvat.settings.${CVAT_CONFIGURATION}"', // 5
        'ENV DJANGO_SETTINGS_MODULE=cvat.settings.$FLAVOUR', //             6
        'ENV DJANGO_SETTINGS_MODULE=${UNSET_VAR:-cvat.settings.fallback}', // 7
        'ENV DJANGO_SETTINGS_MODULE=cvat.settings.${UNSET_VAR}', //         8 (unknown: not evidence)
        "ENV DJANGO_SETTINGS_MODULE='cvat.settings.${CVAT_CONFIGURATION}'", // 9 (single quotes: literal)
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('cvat.settings.production', 'dockerfile', 'Dockerfile', 5),
      ev('cvat.settings.production', 'dockerfile', 'Dockerfile', 6),
      ev('cvat.settings.fallback', 'dockerfile', 'Dockerfile', 7),
    ]);
  });

  it('legacy `ENV K V`, continuation lines with several variables, DJANGO_CONFIGURATION beside it', () => {
    const ws = repo({
      Dockerfile: [
        'FROM python:3.12', //                                1
        'ENV DJANGO_SETTINGS_MODULE mysite.settings.legacy', // 2
        'ENV LS_DIR=/label-studio \\', //                     3
        '    PYTHONUNBUFFERED=1 \\', //                       4
        '    # a comment inside the continuation', //         5
        '    DJANGO_SETTINGS_MODULE=core.settings.label_studio \\', // 6
        '    DJANGO_CONFIGURATION=Production', //             7
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('mysite.settings.legacy', 'dockerfile', 'Dockerfile', 2, false, 'Production'),
      ev('core.settings.label_studio', 'dockerfile', 'Dockerfile', 6, false, 'Production'),
    ]);
  });

  it('CMD/ENTRYPOINT app servers count; RUN and one-off commands do not; Dockerfile.dev is dev', () => {
    const ws = repo({
      Dockerfile: [
        'FROM python:3.12', //                                                               1
        'RUN DJANGO_SETTINGS_MODULE=mysite.settings.build python manage.py collectstatic', // 2
        'CMD ["sh", "-c", "python manage.py compilemessages --settings=mysite.settings.build && DJANGO_SETTINGS_MODULE=mysite.settings.prod gunicorn mysite.wsgi"]', // 3
      ].join('\n'),
      'Dockerfile.dev': ['FROM python:3.12', 'CMD python manage.py runserver --settings mysite.settings.dev'].join('\n'),
      'docker/Containerfile': ['FROM python:3.12', 'ENTRYPOINT gunicorn --env DJANGO_SETTINGS_MODULE=mysite.settings.podman mysite.wsgi'].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('mysite.settings.prod', 'dockerfile', 'Dockerfile', 3),
      ev('mysite.settings.dev', 'dockerfile', 'Dockerfile.dev', 2, true),
      ev('mysite.settings.podman', 'dockerfile', 'docker/Containerfile', 2),
    ]);
  });

  it('a CMD the final stage overrides is not what runs', () => {
    const ws = repo({
      Dockerfile: [
        'FROM python:3.12 AS base', //                                 1
        'CMD gunicorn --settings=mysite.settings.old mysite.wsgi', //  2
        'FROM base', //                                                3
        'CMD gunicorn --settings=mysite.settings.new mysite.wsgi', //  4
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('mysite.settings.old', 'dockerfile', 'Dockerfile', 2, true),
      ev('mysite.settings.new', 'dockerfile', 'Dockerfile', 4, false),
    ]);
  });

  it('a Dockerfile that does not parse as one, or sets nothing, gives no evidence', () => {
    const ws = repo({ Dockerfile: 'this is not\n a "dockerfile\\\n', 'x.dockerfile': 'FROM a\nENV A=1\n' });
    expect(facts(ws)).toEqual([]);
  });
});

describe('dockerCopies', () => {
  it('maps COPY/ADD sources to image paths: WORKDIR, directory destinations, JSON form; skips --from and URLs; a stage nothing uses is dev', () => {
    const ws = repo({
      'docker/config.py': 'DEBUG = False\n',
      'mysite/settings/__init__.py': '',
      'mysite/settings/base.py': '',
      'docker/Dockerfile': [
        'FROM node:20 AS lint', //                                               1
        'COPY package.json ./', //                                               2
        'FROM python:3.12 AS build', //                                          3
        'COPY requirements.txt /tmp/', //                                        4
        'FROM python:3.12', //                                                   5
        'WORKDIR /app', //                                                       6
        'COPY docker/config.py mysite/settings/config.py', //                    7
        'COPY --chown=app:app ./mysite/ ./mysite/', //                           8
        'COPY a.py b.py conf/', //                                               9
        'ADD ["docker/local.py", "/etc/app/local.py"]', //                       10
        'COPY --from=build /wheels /wheels', //                                  11
        'ADD https://example.com/x.tar.gz /opt/', //                             12
        'WORKDIR src', //                                                        13
        'COPY manage.py .', //                                                   14
      ].join('\n'),
    });
    expect(dockerCopies(ws)).toEqual([
      { source: 'package.json', dest: '/package.json', file: 'docker/Dockerfile', line: 2, dev: true },
      { source: 'requirements.txt', dest: '/tmp/requirements.txt', file: 'docker/Dockerfile', line: 4, dev: false },
      { source: 'docker/config.py', dest: '/app/mysite/settings/config.py', file: 'docker/Dockerfile', line: 7, dev: false },
      { source: 'mysite', dest: '/app/mysite', file: 'docker/Dockerfile', line: 8, dev: false },
      { source: 'a.py', dest: '/app/conf/a.py', file: 'docker/Dockerfile', line: 9, dev: false },
      { source: 'b.py', dest: '/app/conf/b.py', file: 'docker/Dockerfile', line: 9, dev: false },
      { source: 'docker/local.py', dest: '/etc/app/local.py', file: 'docker/Dockerfile', line: 10, dev: false },
      { source: 'manage.py', dest: '/app/src/manage.py', file: 'docker/Dockerfile', line: 14, dev: false },
    ]);
  });

  it('a stage the final stage copies from reaches the image; WORKDIR and known folders are inherited through FROM', () => {
    const ws = repo({
      Dockerfile: [
        'FROM python:3.12 AS builder', //                1
        'WORKDIR /src', //                              2
        'COPY settings_prod.py mysite/settings.py', //  3
        'FROM builder AS runtime', //                   4
        'COPY extra.py .', //                           5
        'COPY more.py /src/mysite', //                  6 (a folder an earlier COPY created)
        'COPY --chown=app local.py mysite/local_settings.py', // 7
        'FROM python:3.12', //                          8
        'COPY --from=runtime /src /app', //             9
      ].join('\n'),
    });
    expect(dockerCopies(ws)).toEqual([
      { source: 'settings_prod.py', dest: '/src/mysite/settings.py', file: 'Dockerfile', line: 3, dev: false },
      { source: 'extra.py', dest: '/src/extra.py', file: 'Dockerfile', line: 5, dev: false },
      { source: 'more.py', dest: '/src/mysite/more.py', file: 'Dockerfile', line: 6, dev: false },
      { source: 'local.py', dest: '/src/mysite/local_settings.py', file: 'Dockerfile', line: 7, dev: false },
    ]);
  });
});

describe('dockerCopies: RUN cp / mv of a file an earlier COPY brought in (taiga-back makes its settings module so)', () => {
  it('maps back to the repository file; globs, variables, unknown sources and network paths are not guessed at', () => {
    const ws = repo({
      'docker/config.py': 'DEBUG = False\n',
      'settings/__init__.py': '',
      'docker/Dockerfile': [
        'FROM python:3.12', //                                                                  1
        'WORKDIR /taiga-back', //                                                               2
        'COPY . .', //                                                                          3
        'RUN pip install -r requirements.txt; \\', //                                          4
        '    cp docker/config.py settings/config.py; \\', //                                  5
        '    cp docker/*.py /tmp/ && mv $HOME/x.py y.py; \\', //                              6
        '    cp /etc/hosts /tmp/hosts', //                                                      7
        'RUN mv -f docker/config.py /etc/taiga/', //                                            8
      ].join('\n'),
    });
    expect(dockerCopies(ws).filter((c) => c.via)).toEqual([
      { source: 'docker/config.py', dest: '/taiga-back/settings/config.py', file: 'docker/Dockerfile', line: 5, dev: false, via: 'RUN cp' },
      { source: 'docker/config.py', dest: '/etc/taiga/config.py', file: 'docker/Dockerfile', line: 8, dev: false, via: 'RUN mv' },
    ]);
  });

  it('the production module it makes is judged, named after the RUN line (was: the ENV dropped, the wsgi default judged)', () => {
    const ws = repo({
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.common")\n',
      'settings/__init__.py': '',
      'settings/common.py': 'SECRET_KEY = "a-literal-key-for-development-only-1234567890abcdef"\n',
      'docker/config.py': 'import os\nfrom .common import *\nSECRET_KEY = os.environ["TAIGA_SECRET_KEY"]\n',
      'docker/Dockerfile': ['FROM python:3.12', 'WORKDIR /app', 'COPY . .', 'RUN cp docker/config.py settings/config.py', 'ENV DJANGO_SETTINGS_MODULE=settings.config'].join('\n'),
    });
    const copies = dockerCopies(ws);
    expect(deployTimeModule(ws, '', 'settings.config', copies)).toMatchObject({
      resolved: { file: { rel: 'docker/config.py' }, module: 'settings.config' },
      how: 'created at build time by `RUN cp docker/config.py` in docker/Dockerfile (line 4)',
    });
  });
});

describe('compose', () => {
  it('environment as a map and as a list; ${VAR:-default} and ${VAR-default}; ${VAR} alone is not evidence', () => {
    const ws = repo({
      'docker-compose.yml': [
        'services:', //                                                            1
        '  web:', //                                                               2
        '    image: app', //                                                       3
        '    environment:', //                                                     4
        '      DJANGO_SETTINGS_MODULE: config.settings.production', //             5
        '      DJANGO_CONFIGURATION: Prod', //                                     6
        '  worker:', //                                                            7
        '    environment:', //                                                     8
        '      - DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.worker}', // 9
        '  beat:', //                                                              10
        '    environment:', //                                                     11
        '      - "DJANGO_SETTINGS_MODULE=${DSM-config.settings.beat}"', //          12
        '  other:', //                                                             13
        '    environment:', //                                                     14
        '      DJANGO_SETTINGS_MODULE: ${DJANGO_SETTINGS_MODULE}', //              15
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('config.settings.production', 'compose', 'docker-compose.yml', 5, false, 'Prod'),
      ev('config.settings.worker', 'compose', 'docker-compose.yml', 9),
      ev('config.settings.beat', 'compose', 'docker-compose.yml', 12),
    ]);
  });

  it('env_file relative to the compose file (string and list forms), read once; environment wins over env_file', () => {
    const ws = repo({
      'deploy/compose.yaml': [
        'services:', //                      1
        '  web:', //                         2
        '    env_file: prod.env', //         3
        '  worker:', //                      4
        '    env_file:', //                  5
        '      - path: ../.env', //          6
        '        required: false', //        7
        '  beat:', //                        8
        '    env_file: prod.env', //         9
        '    environment:', //               10
        '      - DJANGO_SETTINGS_MODULE', // 11 (pass-through: the host sets it, not prod.env)
      ].join('\n'),
      'deploy/prod.env': '# production\nDEBUG=0\nDJANGO_SETTINGS_MODULE="mysite.settings.production" # the real one\n',
      '.env': 'export DJANGO_SETTINGS_MODULE=mysite.settings.root\n',
    });
    expect(facts(ws)).toEqual([
      ev('mysite.settings.root', 'compose', '.env', 1),
      ev('mysite.settings.production', 'compose', 'deploy/prod.env', 3),
    ]);
    expect(settingsEvidence(ws)[1].how).toBe('env_file deploy/prod.env of service `web` in deploy/compose.yaml');
  });

  it('override and dev/local/test files, dev profiles, dev and cookiecutter folders are dev; anchors and merge keys keep their line', () => {
    const ws = repo({
      'docker-compose.override.yml': 'services:\n  web:\n    environment:\n      DJANGO_SETTINGS_MODULE: app.settings.dev\n',
      'docker-compose.local.yml': 'services:\n  web:\n    environment:\n      DJANGO_SETTINGS_MODULE: app.settings.local\n',
      'compose.prod.yaml': [
        'x-env: &env', //                                        1
        '  DJANGO_SETTINGS_MODULE: app.settings.prod', //        2
        'services:', //                                          3
        '  web:', //                                             4
        '    environment:', //                                   5
        '      <<: *env', //                                     6
        '  debugger:', //                                        7
        '    profiles: ["debug"]', //                            8
        '    environment:', //                                   9
        '      DJANGO_SETTINGS_MODULE: app.settings.debug', //   10
        '    command: gunicorn app.wsgi --settings=app.settings.cmd', // 11
      ].join('\n'),
      'dev-docker/docker-compose.yml': 'services:\n  web:\n    environment:\n      DJANGO_SETTINGS_MODULE: app.settings.docker\n',
      '{{ cookiecutter.slug }}/docker-compose.yml': 'services:\n  web:\n    environment:\n      DJANGO_SETTINGS_MODULE: app.settings.plugin\n',
    });
    expect(facts(ws)).toEqual([
      ev('app.settings.prod', 'compose', 'compose.prod.yaml', 2),
      ev('app.settings.debug', 'compose', 'compose.prod.yaml', 10, true),
      ev('app.settings.cmd', 'compose', 'compose.prod.yaml', 11, true),
      ev('app.settings.docker', 'compose', 'dev-docker/docker-compose.yml', 4, true),
      ev('app.settings.local', 'compose', 'docker-compose.local.yml', 4, true),
      ev('app.settings.dev', 'compose', 'docker-compose.override.yml', 4, true),
      ev('app.settings.plugin', 'compose', '{{ cookiecutter.slug }}/docker-compose.yml', 4, true),
    ]);
  });

  it("a service that runs runserver over a bind mount of the project, or starts through a dev-named script, is dev (djangoproject.com's local compose)", () => {
    const ws = repo({
      'docker-compose.yml': [
        'services:', //                                                                 1
        '  web:', //                                                                    2
        '    entrypoint: ./docker-entrypoint.dev.sh', //                                3
        '    environment:', //                                                          4
        '      DJANGO_SETTINGS_MODULE: app.settings.docker', //                         5
        '  live:', //                                                                   6
        '    command: python manage.py runserver 0.0.0.0:8000', //                      7
        '    volumes: [".:/usr/src/app/"]', //                                          8
        '    environment:', //                                                          9
        '      DJANGO_SETTINGS_MODULE: app.settings.live', //                           10
        '  app:', //                                                                    11
        '    command: ["gunicorn", "app.wsgi"]', //                                     12
        '    volumes: ["./media:/app/media"]', //                                       13
        '    environment:', //                                                          14
        '      DJANGO_SETTINGS_MODULE: app.settings.prod', //                           15
        '  plain:', //                                                                  16
        '    command: python manage.py runserver 0.0.0.0:8000', //                      17
        '    environment:', //                                                          18
        '      DJANGO_SETTINGS_MODULE: app.settings.plain', //                          19
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('app.settings.docker', 'compose', 'docker-compose.yml', 5, true),
      ev('app.settings.live', 'compose', 'docker-compose.yml', 10, true),
      ev('app.settings.prod', 'compose', 'docker-compose.yml', 15),
      // runserver without the source mounted is what the image runs: production evidence (launch.E050 reports it)
      ev('app.settings.plain', 'compose', 'docker-compose.yml', 19),
    ]);
  });

  it('command with --settings (string and list); a broken compose file gives nothing', () => {
    const ws = repo({
      'docker-compose.yml': [
        'services:', //                                                   1
        '  web:', //                                                      2
        '    command: >', //                                              3
        '      sh -c "python manage.py migrate &&', //                    4
        '      gunicorn mysite.wsgi --settings mysite.settings.prod"', // 5
        '  worker:', //                                                   6
        '    command: ["python", "manage.py", "rqworker", "--settings=mysite.settings.worker"]', // 7
      ].join('\n'),
      'docker-compose.prod.yml': 'services:\n  web: [unclosed\n    environment:\n      DJANGO_SETTINGS_MODULE: x.y\n',
    });
    expect(facts(ws)).toEqual([
      ev('mysite.settings.prod', 'compose', 'docker-compose.yml', 5),
      ev('mysite.settings.worker', 'compose', 'docker-compose.yml', 7),
    ]);
  });
});

describe('Procfile, scripts, env files', () => {
  it('Procfile: env prefix, --settings=, gunicorn --env, release lines; Procfile.dev is dev', () => {
    const ws = repo({
      Procfile: [
        '# processes', //                                                                       1
        'release: python manage.py migrate --settings=shop.settings.heroku', //                 2
        'web: DJANGO_SETTINGS_MODULE=shop.settings.heroku gunicorn shop.wsgi', //               3
        'worker: celery -A shop worker', //                                                     4
        'api: gunicorn --env DJANGO_SETTINGS_MODULE=shop.settings.api shop.wsgi', //            5
        'static: python manage.py collectstatic --settings=shop.settings.build', //             6
      ].join('\n'),
      'Procfile.dev': 'web: python manage.py runserver --settings shop.settings.dev\n',
    });
    expect(facts(ws)).toEqual([
      ev('shop.settings.heroku', 'procfile', 'Procfile', 2),
      ev('shop.settings.heroku', 'procfile', 'Procfile', 3),
      ev('shop.settings.api', 'procfile', 'Procfile', 5),
      ev('shop.settings.dev', 'procfile', 'Procfile.dev', 1, true),
    ]);
    expect(settingsEvidence(ws)[1].how).toBe('`web:` process in Procfile');
  });

  it('entrypoint scripts: export, prefix on exec, ${VAR:-default}, : ${VAR:=default}, variables set earlier, here-documents skipped; test/ci scripts are dev', () => {
    const ws = repo({
      'docker/entrypoint.sh': [
        '#!/bin/sh', //                                                                  1
        'set -e', //                                                                     2
        'export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-mysite.settings.prod}', // 3
        'FLAVOUR=docker', //                                                             4
        'export DJANGO_SETTINGS_MODULE="mysite.settings.$FLAVOUR"', //                   5
        'echo "export DJANGO_SETTINGS_MODULE=mysite.settings.echo"', //                  6
        'cat > /tmp/x <<EOF', //                                                         7
        'DJANGO_SETTINGS_MODULE=mysite.settings.heredoc', //                             8
        'EOF', //                                                                        9
        'DJANGO_SETTINGS_MODULE=mysite.settings.exec exec gunicorn mysite.wsgi \\', //   10
        '  --workers 3', //                                                              11
      ].join('\n'),
      'scripts/test-database.sh': 'export DJANGO_SETTINGS_MODULE=mysite.settings_test\n',
      'docker-entrypoint': '#!/bin/bash\nexport DJANGO_SETTINGS_MODULE=mysite.settings.bare\n',
      'bin/start.bash': 'set -e\n: "${DJANGO_SETTINGS_MODULE:=mysite.settings.colon}"\nexec gunicorn mysite.wsgi\n',
    });
    expect(facts(ws)).toEqual([
      ev('mysite.settings.colon', 'script', 'bin/start.bash', 2),
      ev('mysite.settings.bare', 'script', 'docker-entrypoint', 2),
      ev('mysite.settings.prod', 'script', 'docker/entrypoint.sh', 3),
      ev('mysite.settings.docker', 'script', 'docker/entrypoint.sh', 5),
      ev('mysite.settings.exec', 'script', 'docker/entrypoint.sh', 10),
      ev('mysite.settings_test', 'script', 'scripts/test-database.sh', 1, true),
    ]);
  });

  it('a module chosen under conditions: each literal candidate, no resolution invented', () => {
    const ws = repo({
      'deploy/supervisor/env.sh': [
        'if [[ "${DEV_MODE:-}" == "true" ]]; then', //                                           1
        "  DEFAULT_DJANGO_SETTINGS_MODULE='app.config.settings.dev'", //                          2
        'else', //                                                                               3
        "  DEFAULT_DJANGO_SETTINGS_MODULE='app.config.settings.base'", //                         4
        'fi', //                                                                                 5
        'export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-$DEFAULT_DJANGO_SETTINGS_MODULE}', // 6
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('app.config.settings.dev', 'script', 'deploy/supervisor/env.sh', 2),
      ev('app.config.settings.base', 'script', 'deploy/supervisor/env.sh', 4),
    ]);
    expect(settingsEvidence(ws)[0].how).toContain('set under a condition');
  });

  it('env files: .env is evidence, .env.example / .env.sample / .env.template / dev.env / .env.local are dev', () => {
    const ws = repo({
      '.env': '# settings\nDJANGO_SETTINGS_MODULE=mysite.settings.production\n',
      '.env.example': 'DJANGO_SETTINGS_MODULE=mysite.settings.example\n',
      '.env.sample': 'DJANGO_SETTINGS_MODULE=mysite.settings.sample\n',
      '.env.template': "DJANGO_SETTINGS_MODULE='mysite.settings.template'\n",
      '.env.local': 'DJANGO_SETTINGS_MODULE=mysite.settings.local\n',
      'deploy/dev.env': 'DJANGO_SETTINGS_MODULE=mysite.settings.dev\n',
      'deploy/production.env': 'A=1\n\nDJANGO_SETTINGS_MODULE = mysite.settings.prod\nDJANGO_CONFIGURATION=Prod\n',
      // its header says it is for local development (openciviwiki's committed .env)
      'web/.env': '# Note: these environment variables are only for local development.\n# Do not use them in production.\nDJANGO_SETTINGS_MODULE=mysite.settings.declared\n',
    });
    expect(facts(ws)).toEqual([
      ev('mysite.settings.production', 'env-file', '.env', 2),
      ev('mysite.settings.example', 'env-file', '.env.example', 1, true),
      ev('mysite.settings.local', 'env-file', '.env.local', 1, true),
      ev('mysite.settings.sample', 'env-file', '.env.sample', 1, true),
      ev('mysite.settings.template', 'env-file', '.env.template', 1, true),
      ev('mysite.settings.dev', 'env-file', 'deploy/dev.env', 1, true),
      ev('mysite.settings.prod', 'env-file', 'deploy/production.env', 3, false, 'Prod'),
      ev('mysite.settings.declared', 'env-file', 'web/.env', 3, true),
    ]);
  });
});

describe('gunicorn, uwsgi, systemd', () => {
  it('gunicorn config raw_env as a list, a string and appended; os.environ defaults; dev-named configs are dev', () => {
    const ws = repo({
      'gunicorn.conf.py': [
        'bind = "0.0.0.0:8000"', //                                      1
        'raw_env = [', //                                                2
        '    "DJANGO_CONFIGURATION=Production",', //                     3
        '    "DJANGO_SETTINGS_MODULE=mysite.settings.production",', //   4
        ']', //                                                          5
      ].join('\n'),
      'deploy/gunicorn_config.py': 'import os\nraw_env = "DJANGO_SETTINGS_MODULE=mysite.settings.string"\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.setdefault")\n',
      'config/gunicorn/local.py': 'raw_env = ["DJANGO_SETTINGS_MODULE=mysite.settings.local"]\n',
      'mysite/settings.py': 'raw_env = ["DJANGO_SETTINGS_MODULE=not.a.gunicorn.config"]\n',
    });
    expect(facts(ws)).toEqual([
      ev('mysite.settings.local', 'gunicorn', 'config/gunicorn/local.py', 1, true),
      ev('mysite.settings.string', 'gunicorn', 'deploy/gunicorn_config.py', 2),
      ev('mysite.settings.setdefault', 'gunicorn', 'deploy/gunicorn_config.py', 3),
      ev('mysite.settings.production', 'gunicorn', 'gunicorn.conf.py', 4, false, 'Production'),
    ]);
  });

  it('uwsgi: env = in [uwsgi] only (not pytest.ini)', () => {
    const ws = repo({
      'deploy/uwsgi.ini': '[uwsgi]\nmodule = mysite.wsgi\nenv = LANG=C.UTF-8\nenv = DJANGO_SETTINGS_MODULE=mysite.settings.uwsgi\n',
      'pytest.ini': '[pytest]\nDJANGO_SETTINGS_MODULE = mysite.settings.test\n',
      'setup.ini': '[other]\nenv = DJANGO_SETTINGS_MODULE=mysite.settings.other\n[uwsgi]\nmaster = true\n',
    });
    expect(facts(ws)).toEqual([ev('mysite.settings.uwsgi', 'uwsgi', 'deploy/uwsgi.ini', 4)]);
  });

  it('systemd: quoted Environment=, several per line, EnvironmentFile= matched by path suffix, ExecStart= --env', () => {
    const ws = repo({
      'deploy/systemd/mysite.service': [
        '[Unit]', //                                                                           1
        'Description=mysite', //                                                               2
        '[Service]', //                                                                        3
        'Environment="LANG=C.UTF-8" "DJANGO_SETTINGS_MODULE=mysite.settings.unit"', //         4
        'EnvironmentFile=-/etc/mysite/production.env', //                                     5
        'ExecStart=/srv/venv/bin/gunicorn \\', //                                              6
        '    --env DJANGO_SETTINGS_MODULE=mysite.settings.exec \\', //                         7
        '    mysite.wsgi', //                                                                  8
      ].join('\n'),
      'deploy/etc/mysite/production.env': 'DJANGO_SETTINGS_MODULE=mysite.settings.envfile\n',
      'other/production.env': 'DJANGO_SETTINGS_MODULE=mysite.settings.elsewhere\n',
      'deploy/systemd/mysite-dev.service': '[Service]\nEnvironment=DJANGO_SETTINGS_MODULE=mysite.settings.dev\n',
    });
    expect(facts(ws)).toEqual([
      ev('mysite.settings.envfile', 'systemd', 'deploy/etc/mysite/production.env', 1),
      ev('mysite.settings.dev', 'systemd', 'deploy/systemd/mysite-dev.service', 2, true),
      ev('mysite.settings.unit', 'systemd', 'deploy/systemd/mysite.service', 4),
      ev('mysite.settings.exec', 'systemd', 'deploy/systemd/mysite.service', 7),
      ev('mysite.settings.elsewhere', 'env-file', 'other/production.env', 1),
    ]);
  });
});

describe('supervisord', () => {
  it("environment= of each program (quoted values with commas, continued lines, %(ENV_X)s set but unknown), [supervisord]'s for every program, command= --env; a dev-named file is dev", () => {
    const ws = repo({
      'conf/site/site_supervisor.conf': [
        '[supervisord]', //                                                                       1
        'environment=LANG="C.UTF-8",SITE_NAME="Example, Inc."', //                               2
        '', //                                                                                    3
        '[program:engine]', //                                                                    4
        'user=www', //                                                                            5
        'environment=PATH="/home/www/bin:%(ENV_PATH)s",', //                                      6
        '            SECRET_KEY=%(ENV_SECRET_KEY)s,', //                                          7
        '            DJANGO_SETTINGS_MODULE=conf.run.site_settings', //                           8
        'command=/srv/bin/uwsgi /srv/conf/run/site_uwsgi.ini', //                                 9
        '', //                                                                                    10
        '[program:worker]', //                                                                    11
        'command=/srv/bin/gunicorn --env DJANGO_SETTINGS_MODULE=conf.run.worker_settings app.wsgi', // 12
      ].join('\n'),
      'deploy/supervisor-dev.conf': '[program:web]\nenvironment=DJANGO_SETTINGS_MODULE="app.settings.dev"\ncommand=python manage.py runserver\n',
      'deploy/pytest.ini': '[pytest]\nDJANGO_SETTINGS_MODULE = app.settings.test\n',
    });
    expect(facts(ws)).toEqual([
      ev('conf.run.site_settings', 'supervisor', 'conf/site/site_supervisor.conf', 8),
      ev('conf.run.worker_settings', 'supervisor', 'conf/site/site_supervisor.conf', 12),
      ev('app.settings.dev', 'supervisor', 'deploy/supervisor-dev.conf', 2, true),
    ]);
    const got = envFacts(ws).filter((e) => e.file === 'conf/site/site_supervisor.conf');
    expect(got).toEqual(expect.arrayContaining([
      env('LANG', 'C.UTF-8', 'supervisor', 'conf/site/site_supervisor.conf', 2),
      env('SITE_NAME', 'Example, Inc.', 'supervisor', 'conf/site/site_supervisor.conf', 2),
      env('SECRET_KEY', undefined, 'supervisor', 'conf/site/site_supervisor.conf', 7),
      env('DJANGO_SETTINGS_MODULE', 'conf.run.site_settings', 'supervisor', 'conf/site/site_supervisor.conf', 8),
    ]));
  });
});

describe('platform manifests', () => {
  it('app.json: env as a string and as { value }; Heroku CI test environment is dev', () => {
    const ws = repo({
      'app.json': JSON.stringify(
        {
          name: 'shop',
          env: {
            SECRET_KEY: { generator: 'secret' },
            DJANGO_SETTINGS_MODULE: { description: 'settings', value: 'shop.settings.heroku' },
          },
          environments: { test: { env: { DJANGO_SETTINGS_MODULE: 'shop.settings.test' } } },
        },
        null,
        2,
      ),
      'other/app.json': '{"env": {"DJANGO_SETTINGS_MODULE": "shop.settings.plain"}}',
      'broken/app.json': '{"env": {"DJANGO_SETTINGS_MODULE": ',
    });
    expect(facts(ws)).toEqual([
      ev('shop.settings.heroku', 'app.json', 'app.json', 7),
      ev('shop.settings.test', 'app.json', 'app.json', 15, true),
      ev('shop.settings.plain', 'app.json', 'other/app.json', 1),
    ]);
  });

  it('heroku.yml: setup.config, run commands (string and {command}), release', () => {
    const ws = repo({
      'heroku.yml': [
        'setup:', //                                                               1
        '  config:', //                                                            2
        '    DJANGO_SETTINGS_MODULE: shop.settings.heroku', //                     3
        'build:', //                                                               4
        '  docker:', //                                                            5
        '    web: Dockerfile', //                                                  6
        'release:', //                                                             7
        '  command:', //                                                           8
        '    - python manage.py migrate --settings=shop.settings.release', //      9
        'run:', //                                                                 10
        '  web: gunicorn shop.wsgi --env DJANGO_SETTINGS_MODULE=shop.settings.run', // 11
        '  worker:', //                                                            12
        '    command:', //                                                         13
        '      - DJANGO_SETTINGS_MODULE=shop.settings.worker celery -A shop worker', // 14
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('shop.settings.heroku', 'heroku.yml', 'heroku.yml', 3),
      ev('shop.settings.release', 'heroku.yml', 'heroku.yml', 9),
      ev('shop.settings.run', 'heroku.yml', 'heroku.yml', 11),
      ev('shop.settings.worker', 'heroku.yml', 'heroku.yml', 14),
    ]);
  });

  it('fly.toml [env] and processes', () => {
    const ws = repo({
      'fly.toml': [
        'app = "shop"', //                                                              1
        '[build]', //                                                                   2
        '  dockerfile = "Dockerfile"', //                                               3
        '[env]', //                                                                     4
        '  PORT = "8000"', //                                                           5
        '  DJANGO_SETTINGS_MODULE = "shop.settings.fly"', //                            6
        '[processes]', //                                                               7
        '  app = "gunicorn shop.wsgi --settings shop.settings.flyapp"', //              8
      ].join('\n'),
      'fly.broken.toml': '[env\nDJANGO_SETTINGS_MODULE = "x.y"\n',
    });
    expect(facts(ws)).toEqual([
      ev('shop.settings.fly', 'fly.toml', 'fly.toml', 6),
      ev('shop.settings.flyapp', 'fly.toml', 'fly.toml', 8),
    ]);
  });

  it('render.yaml envVars {key, value} and startCommand; generated values are not evidence', () => {
    const ws = repo({
      'render.yaml': [
        'services:', //                                                    1
        '  - type: web', //                                                2
        '    name: shop', //                                               3
        '    startCommand: gunicorn shop.wsgi', //                         4
        '    envVars:', //                                                 5
        '      - key: SECRET_KEY', //                                      6
        '        generateValue: true', //                                  7
        '      - key: DJANGO_SETTINGS_MODULE', //                          8
        '        value: shop.settings.render', //                          9
        '  - type: worker', //                                             10
        '    name: jobs', //                                               11
        '    startCommand: DJANGO_SETTINGS_MODULE=shop.settings.jobs celery -A shop worker', // 12
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('shop.settings.render', 'render.yaml', 'render.yaml', 8),
      ev('shop.settings.jobs', 'render.yaml', 'render.yaml', 12),
    ]);
  });

  it('DigitalOcean App Platform spec: envs {key, value} of the app and its services, run_command; the deploy button template counts (babybuddy)', () => {
    const ws = repo({
      '.do/deploy.template.yaml': [
        'spec:', //                                                        1
        '  name: shop', //                                                 2
        '  envs:', //                                                      3
        '    - key: DJANGO_SETTINGS_MODULE', //                            4
        '      value: shop.settings.app', //                               5
        '  services:', //                                                  6
        '    - name: web', //                                              7
        '      run_command: gunicorn shop.wsgi', //                        8
        '      envs:', //                                                  9
        '        - key: SECRET_KEY', //                                    10
        '          type: SECRET', //                                       11
        '        - key: DJANGO_SETTINGS_MODULE', //                        12
        '          scope: RUN_AND_BUILD_TIME', //                          13
        '          value: "shop.settings.base"', //                        14
        '  workers:', //                                                   15
        '    - name: jobs', //                                             16
        '      run_command: celery -A shop worker --settings shop.settings.jobs', // 17
      ].join('\n'),
      // a spec at the top level, as `.do/app.yaml` is written (not App Engine's app.yaml)
      '.do/app.yaml': 'name: shop\nservices:\n  - name: web\n    envs:\n      - key: DJANGO_SETTINGS_MODULE\n        value: shop.settings.spec\n',
    });
    expect(facts(ws)).toEqual([
      ev('shop.settings.spec', 'do-app', '.do/app.yaml', 5),
      ev('shop.settings.app', 'do-app', '.do/deploy.template.yaml', 4),
      ev('shop.settings.base', 'do-app', '.do/deploy.template.yaml', 12),
      ev('shop.settings.jobs', 'do-app', '.do/deploy.template.yaml', 17),
    ]);
  });

  it('App Engine app.yaml env_variables and entrypoint', () => {
    const ws = repo({
      'app.yaml': [
        'runtime: python312', //                                                    1
        'entrypoint: gunicorn -b :$PORT shop.wsgi --env DJANGO_SETTINGS_MODULE=shop.settings.gae_entry', // 2
        'env_variables:', //                                                        3
        '  DJANGO_SETTINGS_MODULE: "shop.settings.gae"', //                         4
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([
      ev('shop.settings.gae_entry', 'app.yaml', 'app.yaml', 2),
      ev('shop.settings.gae', 'app.yaml', 'app.yaml', 4),
    ]);
  });
});

describe('Kubernetes / Helm', () => {
  it('Deployment container env, ConfigMap data, Helm values; test values are dev', () => {
    const ws = repo({
      'k8s/deployment.yaml': [
        'apiVersion: apps/v1', //                          1
        'kind: Deployment', //                             2
        'spec:', //                                        3
        '  template:', //                                  4
        '    spec:', //                                    5
        '      containers:', //                            6
        '        - name: web', //                          7
        '          env:', //                               8
        '            - name: DEBUG', //                    9
        '              value: "0"', //                     10
        '            - name: DJANGO_SETTINGS_MODULE', //   11
        '              value: shop.settings.k8s', //       12
        '            - name: DJANGO_CONFIGURATION', //     13
        '              valueFrom: {configMapKeyRef: {name: cfg, key: conf}}', // 14
        '---', //                                          15
        'apiVersion: v1', //                               16
        'kind: ConfigMap', //                              17
        'data:', //                                        18
        '  DJANGO_SETTINGS_MODULE: shop.settings.configmap', // 19
      ].join('\n'),
      'charts/shop/values.yaml': 'env:\n  DJANGO_SETTINGS_MODULE: shop.settings.helm\n',
      'charts/shop/test.values.yaml': 'extraEnv:\n  - name: DJANGO_SETTINGS_MODULE\n    value: shop.settings.testing\n',
      'values-dev.yaml': 'env:\n  DJANGO_SETTINGS_MODULE: shop.settings.dev\n',
    });
    expect(facts(ws)).toEqual([
      ev('shop.settings.testing', 'kubernetes', 'charts/shop/test.values.yaml', 2, true),
      ev('shop.settings.helm', 'kubernetes', 'charts/shop/values.yaml', 2),
      ev('shop.settings.k8s', 'kubernetes', 'k8s/deployment.yaml', 11),
      ev('shop.settings.configmap', 'kubernetes', 'k8s/deployment.yaml', 19),
      ev('shop.settings.dev', 'kubernetes', 'values-dev.yaml', 2, true),
    ]);
  });

  it('a Helm template that is not YAML: line scan; a templated value is not evidence', () => {
    const ws = repo({
      'charts/shop/templates/deployment.yaml': [
        '{{- if .Values.web.enabled }}', //                          1
        'apiVersion: apps/v1', //                                    2
        'kind: Deployment', //                                       3
        'spec:', //                                                  4
        '  template:', //                                            5
        '    spec:', //                                              6
        '      containers:', //                                      7
        '        - name: web', //                                    8
        '          env:', //                                         9
        '            - name: DJANGO_SETTINGS_MODULE', //             10
        '              value: {{ .Values.settingsModule }}', //      11
        '            - name: DJANGO_SETTINGS_MODULE', //             12
        '              value: "shop.settings.chart"', //             13
        '{{- end }}', //                                             14
      ].join('\n'),
    });
    expect(facts(ws)).toEqual([ev('shop.settings.chart', 'kubernetes', 'charts/shop/templates/deployment.yaml', 12)]);
  });

  it('a deployment folder inside a Python package is the app\'s data, not a deploy; a package deployment folder is', () => {
    const env = 'env:\n  - name: DJANGO_SETTINGS_MODULE\n    value: shop.settings.';
    const ws = repo({
      'shop/__init__.py': '',
      // Mozilla Experimenter's `experimenter/features/manifests/*.yaml`: feature manifests the app loads
      'shop/features/manifests/desktop.yaml': `${env}feature\n`,
      'shop/features/__init__.py': '',
      // model-my-watershed's `deployment/` is itself a package (its Ansible roles below it): still a deploy
      'deployment/__init__.py': '',
      'deployment/k8s/web.yaml': `${env}k8s\n`,
      'manifests/web.yaml': `${env}root\n`,
    });
    expect(facts(ws).map((e) => e.file)).toEqual(['deployment/k8s/web.yaml', 'manifests/web.yaml']);
    expect(ws.deployFiles().map((f) => f.rel)).not.toContain('shop/features/manifests/desktop.yaml');
  });
});

describe('robustness', () => {
  it('never throws on malformed manifests; nothing that is not a dotted module is evidence', () => {
    const ws = repo({
      Dockerfile: 'FROM x\nENV DJANGO_SETTINGS_MODULE="unterminated\nENV DJANGO_SETTINGS_MODULE=$(cat /x)\nCMD ["unterminated\n',
      'docker-compose.yml': ':\n  - [\n',
      'Procfile': 'web: gunicorn --settings\nweb2: DJANGO_SETTINGS_MODULE="a b" gunicorn\n',
      'start.sh': 'export DJANGO_SETTINGS_MODULE=${\nexport DJANGO_SETTINGS_MODULE=my-site.settings\n',
      'fly.toml': '[env]\nDJANGO_SETTINGS_MODULE = 3\n',
      'render.yaml': 'services: 3\n',
      'app.json': '[1, 2]',
      'gunicorn.conf.py': 'raw_env = [f"DJANGO_SETTINGS_MODULE={x}"\n',
      'x.service': 'Environment="DJANGO_SETTINGS_MODULE=%i.settings"\n',
      'k8s/a.yaml': '- name: DJANGO_SETTINGS_MODULE\n  value: {{ x }}\n',
    });
    expect(() => settingsEvidence(ws)).not.toThrow();
    expect(facts(ws)).toEqual([]);
    expect(() => dockerCopies(ws)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// productionEnvironment: what the manifests always set (fake values only: no real secret in fixtures)

/** Assignments without the report phrase, for exact comparison. */
function envFacts(ws: Workspace): Array<Omit<EnvAssignment, 'how'>> {
  return productionEnvironment(ws).map(({ how: _how, ...rest }) => rest);
}

/** `value` undefined: provided, its value not in the repository. */
function env(name: string, value: string | undefined, kind: EnvAssignment['kind'], file: string, line: number, dev = false) {
  return { name, ...(value !== undefined ? { value } : {}), file, line, kind, dev };
}

describe('productionEnvironment: compose', () => {
  it("a service that runs another project's published image (its settings package not in the repository) is not this project's; a missing module of ours still is", () => {
    const ws = repo({
      'app/__init__.py': '',
      'app/settings.py': 'DEBUG = False\n',
      'docker-compose.yml': [
        'services:', //                                                          1
        '  web:', //                                                             2
        '    image: example/app', //                                             3
        '    environment:', //                                                   4
        '      DJANGO_SETTINGS_MODULE: app.settings_prod', //                    5
        '      WORKERS: 3', //                                                   6
        '  directory:', //                                                       7
        '    image: example/directory:1.4', //                                   8
        '    environment:', //                                                   9
        '      DJANGO_SETTINGS_MODULE: directory.conf.docker', //                10
        '      WORKERS: 5', //                                                   11
        '  built:', //                                                           12
        '    build: ./directory', //                                             13
        '    environment:', //                                                   14
        '      DJANGO_SETTINGS_MODULE: directory.conf.docker', //                15
        '      WORKERS: 7', //                                                   16
      ].join('\n'),
    });
    expect(envFacts(ws)).toEqual([
      env('DJANGO_SETTINGS_MODULE', 'app.settings_prod', 'compose', 'docker-compose.yml', 5),
      env('WORKERS', '3', 'compose', 'docker-compose.yml', 6),
      env('DJANGO_SETTINGS_MODULE', 'directory.conf.docker', 'compose', 'docker-compose.yml', 15),
      env('WORKERS', '7', 'compose', 'docker-compose.yml', 16),
    ]);
    expect(facts(ws).map((e) => e.module)).toEqual(['app.settings_prod', 'directory.conf.docker']);
  });

  it('substitution: a literal, ${VAR:-x} and ${VAR-x} give a value, ${VAR:?msg} and prefix${VAR} are provided; ${VAR}, ${VAR:-}, empty and pass-through are not always set', () => {
    const ws = repo({
      'docker-compose.yml': [
        'x-app-env: &app-env', //                                                1
        '  SECRET_KEY: ${SECRET_KEY:-compose-fallback-key}', //                   2
        'services:', //                                                          3
        '  api:', //                                                             4
        '    image: app', //                                                     5
        '    environment:', //                                                   6
        '      <<: *app-env', //                                                 7
        '      DEBUG: "0"', //                                                   8
        '      WORKERS: 3', //                                                   9
        '      REGION: ${REGION-eu}', //                                         10
        '      DATABASE_URL: ${DATABASE_URL:?set DATABASE_URL}', //              11
        '      SITE_URL: https://${DOMAIN}', //                                  12
        '      ALLOWED_HOSTS: ${ALLOWED_HOSTS}', //                              13
        '      SENTRY_DSN: ${SENTRY_DSN:-}', //                                  14
        '      EMPTY: ""', //                                                    15
        '      FROM_HOST:', //                                                   16
        '      COST: $$5', //                                                    17
        '  worker:', //                                                          18
        '    environment:', //                                                   19
        '      - CELERY_CONCURRENCY=${CELERY_CONCURRENCY:-2}', //                20
        '      - BROKER_URL=${BROKER_URL:?}', //                                  21
        '      - REDIS_HOST', //                                                 22
        '      - TIMEZONE=${TZ}', //                                             23
        '      - OPTIONAL=${OPTIONAL:+yes}', //                                  24
      ].join('\n'),
    });
    expect(envFacts(ws)).toEqual([
      env('SECRET_KEY', 'compose-fallback-key', 'compose', 'docker-compose.yml', 2),
      env('DEBUG', '0', 'compose', 'docker-compose.yml', 8),
      env('WORKERS', '3', 'compose', 'docker-compose.yml', 9),
      env('REGION', 'eu', 'compose', 'docker-compose.yml', 10),
      env('DATABASE_URL', undefined, 'compose', 'docker-compose.yml', 11),
      env('SITE_URL', undefined, 'compose', 'docker-compose.yml', 12),
      env('COST', '$5', 'compose', 'docker-compose.yml', 17),
      env('CELERY_CONCURRENCY', '2', 'compose', 'docker-compose.yml', 20),
      env('BROKER_URL', undefined, 'compose', 'docker-compose.yml', 21),
    ]);
    expect(productionEnvironment(ws)[0].how).toBe('environment of service `api` in docker-compose.yml');
  });

  it('env_file: read relative to the compose file, interpolated from earlier lines; environment: replaces it, even with a value that may be unset; the env file is not reported again on its own', () => {
    const ws = repo({
      'deploy/compose.yaml': [
        'services:', //                               1
        '  web:', //                                  2
        '    env_file:', //                           3
        '      - base.env', //                        4
        '      - prod.env', //                        5
        '    environment:', //                        6
        '      SECRET_KEY: ${SECRET_KEY}', //         7 may be empty: replaces prod.env's
        '      DEBUG: "false"', //                    8 replaces base.env's
        '      DOMAIN:', //                           9 pass-through from the host: replaces prod.env's
      ].join('\n'),
      'deploy/base.env': 'DEBUG=1\nTIME_ZONE=UTC\nLANGUAGE_CODE=\n',
      'deploy/prod.env': "# production\nDOMAIN=shop.example\nSITE_URL=https://${DOMAIN}/\nSECRET_KEY='fixture-not-a-secret'\nTIME_ZONE=Europe/Paris # local time\n",
    });
    expect(envFacts(ws)).toEqual([
      env('DEBUG', 'false', 'compose', 'deploy/compose.yaml', 8),
      env('SITE_URL', 'https://shop.example/', 'compose', 'deploy/prod.env', 3),
      env('TIME_ZONE', 'Europe/Paris', 'compose', 'deploy/prod.env', 5),
    ]);
    expect(productionEnvironment(ws)[1].how).toBe('env_file deploy/prod.env of service `web` in deploy/compose.yaml');
  });

  it('command prefixes stand alone; dev overrides, dev profiles and dev services are dev; production overlays are not', () => {
    const ws = repo({
      'docker-compose.yml': 'services:\n  web:\n    command: sh -c "WEB_CONCURRENCY=4 gunicorn app.wsgi"\n',
      'docker-compose.override.yml': 'services:\n  web:\n    environment:\n      DEBUG: "1"\n',
      'docker-compose.prod.yml': 'services:\n  web:\n    environment:\n      DEBUG: "0"\n  debugger:\n    profiles: ["debug"]\n    environment:\n      DEBUG: "1"\n',
      'compose.production.yaml': 'services:\n  web:\n    environment:\n      SECURE_SSL_REDIRECT: "1"\n',
      'docker-compose.https.yml': 'services:\n  web:\n    environment:\n      USE_HTTPS: "1"\n',
    });
    expect(envFacts(ws)).toEqual([
      env('SECURE_SSL_REDIRECT', '1', 'compose', 'compose.production.yaml', 4),
      env('USE_HTTPS', '1', 'compose', 'docker-compose.https.yml', 4),
      env('DEBUG', '1', 'compose', 'docker-compose.override.yml', 4, true),
      env('DEBUG', '0', 'compose', 'docker-compose.prod.yml', 4),
      env('DEBUG', '1', 'compose', 'docker-compose.prod.yml', 8, true),
      env('WEB_CONCURRENCY', '4', 'compose', 'docker-compose.yml', 3),
    ]);
  });
});

describe('productionEnvironment: Dockerfile, Procfile, scripts', () => {
  it('Dockerfile: the final stage and its parents (a later ENV replaces an earlier one), ARG defaults, a build arg without default is not set; other stages are dev; CMD prefixes', () => {
    const ws = repo({
      Dockerfile: [
        'ARG PY=3.12', //                                               1
        'FROM python:${PY}-slim AS base', //                            2
        'ENV PYTHONUNBUFFERED=1 DEBUG=1', //                            3
        'FROM base AS dev', //                                          4
        'ENV DEV_TOOLS=1', //                                           5
        'FROM base', //                                                 6
        'ARG VERSION=2.4.1', //                                         7
        'ARG SECRET_KEY', //                                            8
        'ENV APP_VERSION=$VERSION \\', //                               9
        '    SECRET_KEY=${SECRET_KEY} \\', //                           10
        '    PATH=/app/bin:$PATH', //                                   11
        'ENV DEBUG=0', //                                               12
        'CMD ["sh", "-c", "GUNICORN_CMD_ARGS=--workers=3 exec gunicorn app.wsgi"]', // 13
      ].join('\n'),
    });
    expect(envFacts(ws)).toEqual([
      env('PYTHONUNBUFFERED', '1', 'dockerfile', 'Dockerfile', 3),
      env('DEV_TOOLS', '1', 'dockerfile', 'Dockerfile', 5, true),
      env('APP_VERSION', '2.4.1', 'dockerfile', 'Dockerfile', 9),
      env('PATH', undefined, 'dockerfile', 'Dockerfile', 11),
      env('DEBUG', '0', 'dockerfile', 'Dockerfile', 12),
      env('GUNICORN_CMD_ARGS', '--workers=3', 'dockerfile', 'Dockerfile', 13),
    ]);
    expect(productionEnvironment(ws).find((e) => e.name === 'DEBUG')?.how).toBe('ENV in the final stage of Dockerfile');
  });

  it('Procfile: `VAR=x cmd` and `env VAR=x cmd` per process; one-off commands and plain shell variables are not; Procfile.dev is dev', () => {
    const ws = repo({
      Procfile: [
        'web: WEB_CONCURRENCY=3 gunicorn shop.wsgi', //                                 1
        'worker: env CELERY_POOL=solo celery -A shop worker', //                        2
        'static: STATIC_ROOT=/tmp/static python manage.py collectstatic --noinput', //  3
        'clock: TZ=UTC; python manage.py clock', //                                     4
      ].join('\n'),
      'Procfile.dev': 'web: DEBUG=1 python manage.py runserver\n',
    });
    expect(envFacts(ws)).toEqual([
      env('WEB_CONCURRENCY', '3', 'procfile', 'Procfile', 1),
      env('CELERY_POOL', 'solo', 'procfile', 'Procfile', 2),
      env('DEBUG', '1', 'procfile', 'Procfile.dev', 1, true),
    ]);
  });

  it('scripts: only what every run sets — exports inside if/case/functions or after && / || are not; a later conditional export makes an earlier one uncertain', () => {
    const ws = repo({
      'docker/entrypoint.sh': [
        '#!/bin/sh', //                                                        1
        'set -e', //                                                           2
        'export DEBUG=0', //                                                   3
        'export ALLOWED_HOSTS="${ALLOWED_HOSTS:-shop.example}"', //            4
        'if [ -n "$DEV" ]; then', //                                           5
        '  export DEBUG_TOOLBAR=1', //                                         6
        'fi', //                                                               7
        'case "$MODE" in', //                                                  8
        '  web) export WEB_ONLY=1 ;;', //                                      9
        'esac', //                                                             10
        '[ -f /run/key ] && export FROM_FILE=1', //                            11
        'test -n "$X" || export FALLBACK=1', //                                12
        'setup() {', //                                                        13
        '  export IN_FUNCTION=1', //                                           14
        '}', //                                                                15
        'export LOG_LEVEL=info', //                                            16
        'if [ "$VERBOSE" = 1 ]; then export LOG_LEVEL=debug; fi', //           17
        'export SECRET_KEY="${SECRET_KEY:-}"', //                              18
        'export MEDIA_ROOT=$MEDIA_DIR', //                                     19
        'export VERSION=$(cat /app/VERSION)', //                               20
        'exec gunicorn shop.wsgi', //                                          21
      ].join('\n'),
    });
    expect(envFacts(ws)).toEqual([
      env('DEBUG', '0', 'script', 'docker/entrypoint.sh', 3),
      env('ALLOWED_HOSTS', 'shop.example', 'script', 'docker/entrypoint.sh', 4),
    ]);
    expect(productionEnvironment(ws)[0].how).toBe('set in script docker/entrypoint.sh');
  });

  it('scripts: a plain assignment exported later or under set -a, : "${VAR:?}" makes VAR provided, prefixes on exec; scripts in ci/ and tests/ folders are dev', () => {
    const ws = repo({
      'bin/start.sh': [
        '#!/bin/bash', //                                         1
        'WORKERS=4', //                                           2
        'NOT_EXPORTED=1', //                                      3
        'export WORKERS', //                                      4
        'set -a', //                                              5
        'TIME_ZONE=UTC', //                                       6
        'set +a', //                                              7
        'LATE=1', //                                              8
        ': "${DATABASE_URL:?DATABASE_URL is required}"', //       9
        'WORKERS=1 python manage.py migrate', //                  10 for that command only
        'GUNICORN_CMD_ARGS="--timeout 60" exec gunicorn shop.wsgi', // 11
      ].join('\n'),
      'ci/deploy.sh': 'export DEPLOY_ENV=staging\n',
      'tests/run.sh': 'export DJANGO_DEBUG=1\n',
    });
    expect(envFacts(ws)).toEqual([
      env('WORKERS', '4', 'script', 'bin/start.sh', 2),
      env('TIME_ZONE', 'UTC', 'script', 'bin/start.sh', 6),
      env('DATABASE_URL', undefined, 'script', 'bin/start.sh', 9),
      env('WORKERS', '1', 'script', 'bin/start.sh', 10),
      env('GUNICORN_CMD_ARGS', '--timeout 60', 'script', 'bin/start.sh', 11),
      env('DEPLOY_ENV', 'staging', 'script', 'ci/deploy.sh', 1, true),
      env('DJANGO_DEBUG', '1', 'script', 'tests/run.sh', 1, true),
    ]);
  });

  it('env files on their own: every line that sets a value; .env.example is dev', () => {
    const ws = repo({
      'deploy/production.env': 'export DEBUG=off\nEMPTY=\nQUOTED="a b"\nHOST=${HOST:-0.0.0.0}\n',
      '.env.example': 'SECRET_KEY=change-me\n',
    });
    expect(envFacts(ws)).toEqual([
      env('SECRET_KEY', 'change-me', 'env-file', '.env.example', 1, true),
      env('DEBUG', 'off', 'env-file', 'deploy/production.env', 1),
      env('QUOTED', 'a b', 'env-file', 'deploy/production.env', 3),
      env('HOST', '0.0.0.0', 'env-file', 'deploy/production.env', 4),
    ]);
  });
});

describe('productionEnvironment: gunicorn, uwsgi, systemd', () => {
  it('gunicorn: raw_env and os.environ at module level; under if or in a hook they are not always set', () => {
    const ws = repo({
      'gunicorn.conf.py': [
        'import os', //                                                    1
        'raw_env = ["LANG=C.UTF-8", "DJANGO_DEBUG=0"]', //                 2
        'raw_env.append("TZ=UTC")', //                                     3
        'os.environ.setdefault("WEB_CONCURRENCY", "3")', //                4
        'os.environ["FROM_CODE"] = compute()', //                          5
        'if os.getenv("PROFILE"):', //                                     6
        '    raw_env.append("PROFILING=1")', //                            7
        'def post_fork(server, worker):', //                               8
        '    os.environ["WORKER_ID"] = "1"', //                            9
      ].join('\n'),
    });
    expect(envFacts(ws)).toEqual([
      env('LANG', 'C.UTF-8', 'gunicorn', 'gunicorn.conf.py', 2),
      env('DJANGO_DEBUG', '0', 'gunicorn', 'gunicorn.conf.py', 2),
      env('TZ', 'UTC', 'gunicorn', 'gunicorn.conf.py', 3),
      env('WEB_CONCURRENCY', '3', 'gunicorn', 'gunicorn.conf.py', 4),
    ]);
  });

  it('uwsgi env = in [uwsgi]; systemd Environment= (no $ expansion), EnvironmentFile= over it, ExecStart= env prefix', () => {
    const ws = repo({
      'deploy/uwsgi.ini': '[uwsgi]\nmodule = shop.wsgi\nenv = LANG=C.UTF-8\nenv = DJANGO_DEBUG="0"\n',
      'pytest.ini': '[pytest]\nenv = DEBUG=1\n',
      'deploy/shop.service': [
        '[Service]', //                                                               1
        'Environment="DEBUG=1" "PRICE=$5" ALLOWED_HOSTS=shop.example', //              2
        'EnvironmentFile=/etc/shop/shop.env', //                                      3
        'ExecStart=/usr/bin/env WEB_CONCURRENCY=2 /srv/venv/bin/gunicorn shop.wsgi', // 4
      ].join('\n'),
      'deploy/etc/shop/shop.env': 'DEBUG=0\n',
    });
    expect(envFacts(ws)).toEqual([
      env('DEBUG', '0', 'systemd', 'deploy/etc/shop/shop.env', 1),
      env('PRICE', '$5', 'systemd', 'deploy/shop.service', 2),
      env('ALLOWED_HOSTS', 'shop.example', 'systemd', 'deploy/shop.service', 2),
      env('LANG', 'C.UTF-8', 'uwsgi', 'deploy/uwsgi.ini', 3),
      env('DJANGO_DEBUG', '0', 'uwsgi', 'deploy/uwsgi.ini', 4),
    ]);
  });
});

describe('productionEnvironment: platform manifests', () => {
  it('app.json: a value, a generated secret and a required variable are set; an optional one without value is not; the CI test environment is dev', () => {
    const ws = repo({
      'app.json': JSON.stringify(
        {
          name: 'shop',
          env: {
            DISABLE_COLLECTSTATIC: '1',
            SECRET_KEY: { description: 'signing key', generator: 'secret' },
            WEB_CONCURRENCY: { description: 'workers', value: '2' },
            ALLOWED_HOSTS: { description: 'your app host' },
            SENTRY_DSN: { description: 'optional', required: false },
          },
          environments: { test: { env: { DEBUG: '1' } } },
        },
        null,
        2,
      ),
    });
    expect(envFacts(ws)).toEqual([
      env('DISABLE_COLLECTSTATIC', '1', 'app.json', 'app.json', 4),
      env('SECRET_KEY', undefined, 'app.json', 'app.json', 5),
      env('WEB_CONCURRENCY', '2', 'app.json', 'app.json', 9),
      env('ALLOWED_HOSTS', undefined, 'app.json', 'app.json', 13),
      env('DEBUG', '1', 'app.json', 'app.json', 24, true),
    ]);
  });

  it('heroku.yml setup.config (build.config is build time only), fly.toml [env], App Engine env_variables', () => {
    const ws = repo({
      'heroku.yml': 'setup:\n  config:\n    DEBUG: "0"\nbuild:\n  docker:\n    web: Dockerfile\n  config:\n    BUILD_ONLY: "1"\nrun:\n  web: WEB_CONCURRENCY=2 gunicorn shop.wsgi\n',
      'fly.toml': 'app = "shop"\n[env]\n  PORT = 8000\n  ALLOWED_HOSTS = "shop.fly.dev"\n  EMPTY = ""\n',
      'app.yaml': 'runtime: python312\nenv_variables:\n  DJANGO_DEBUG: "False"\n  GS_BUCKET: shop-media\n',
    });
    expect(envFacts(ws)).toEqual([
      env('DJANGO_DEBUG', 'False', 'app.yaml', 'app.yaml', 3),
      env('GS_BUCKET', 'shop-media', 'app.yaml', 'app.yaml', 4),
      env('PORT', '8000', 'fly.toml', 'fly.toml', 3),
      env('ALLOWED_HOSTS', 'shop.fly.dev', 'fly.toml', 'fly.toml', 4),
      env('DEBUG', '0', 'heroku.yml', 'heroku.yml', 3),
      env('WEB_CONCURRENCY', '2', 'heroku.yml', 'heroku.yml', 10),
    ]);
  });

  it('render.yaml: value; generateValue, fromDatabase, fromService and sync: false are provided; fromGroup and env groups', () => {
    const ws = repo({
      'render.yaml': [
        'services:', //                                    1
        '  - type: web', //                                2
        '    name: shop', //                               3
        '    envVars:', //                                 4
        '      - key: SECRET_KEY', //                      5
        '        generateValue: true', //                  6
        '      - key: DATABASE_URL', //                    7
        '        fromDatabase:', //                        8
        '          name: shop-db', //                      9
        '          property: connectionString', //         10
        '      - key: REDIS_URL', //                       11
        '        fromService: {type: redis, name: cache, property: connectionString}', // 12
        '      - key: STRIPE_KEY', //                      13
        '        sync: false', //                          14
        '      - key: WEB_CONCURRENCY', //                 15
        '        value: 4', //                             16
        '      - key: UNSET', //                           17
        '      - fromGroup: shared', //                    18
        'envVarGroups:', //                                19
        '  - name: shared', //                             20
        '    envVars:', //                                 21
        '      - key: DEBUG', //                           22
        '        value: "0"', //                           23
      ].join('\n'),
    });
    expect(envFacts(ws)).toEqual([
      env('SECRET_KEY', undefined, 'render.yaml', 'render.yaml', 5),
      env('DATABASE_URL', undefined, 'render.yaml', 'render.yaml', 7),
      env('REDIS_URL', undefined, 'render.yaml', 'render.yaml', 11),
      env('STRIPE_KEY', undefined, 'render.yaml', 'render.yaml', 13),
      env('WEB_CONCURRENCY', '4', 'render.yaml', 'render.yaml', 15),
      env('DEBUG', '0', 'render.yaml', 'render.yaml', 22),
    ]);
  });
});

describe('productionEnvironment: Azure Bicep', () => {
  it("an App Service site's appSettings (object and siteConfig list): literals have their value, expressions are provided, empty is not; App Service sets WEBSITE_HOSTNAME", () => {
    const ws = repo({
      'infra/web.bicep': [
        "module web 'core/host/appservice.bicep' = {", //                          1
        '  params: {', //                                                        2
        '    appSettings: {', //                                                 3
        "      RUNNING_IN_PRODUCTION: 'true' // the production branch", //       4
        '      POSTGRES_HOST: dbserverDomainName', //                            5
        "      SECRET_KEY: '@Microsoft.KeyVault(VaultName=${vault};SecretName=SECRETKEY)'", // 6
        "      SITE_URL: 'https://${name}.azurewebsites.net'", //               7
        "      EMPTY: ''", //                                                    8
        '      NESTED: {', //                                                    9
        "        INNER: 'x'", //                                                 10
        '      }', //                                                            11
        "      QUOTE: 'it\\'s'", //                                            12
        '    }', //                                                              13
        '  }', //                                                                14
        '}', //                                                                  15
      ].join('\n'),
      'infra/core/host/appservice.bicep': [
        "resource appService 'Microsoft.Web/sites@2022-03-01' = {", //           1
        '  properties: {', //                                                    2
        '    siteConfig: {', //                                                  3
        '      appSettings: [', //                                               4
        '        {', //                                                          5
        "          name: 'WEBSITES_PORT'", //                                    6
        "          value: '8000'", //                                            7
        '        }', //                                                          8
        '        {', //                                                          9
        "          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'", //                   10
        '          value: string(scmDoBuild)', //                                11
        '        }', //                                                          12
        '      ]', //                                                            13
        '    }', //                                                              14
        '  }', //                                                                15
        '}', //                                                                  16
      ].join('\n'),
    });
    expect(envFacts(ws)).toEqual([
      env('WEBSITE_HOSTNAME', undefined, 'bicep', 'infra/core/host/appservice.bicep', 1),
      env('WEBSITES_PORT', '8000', 'bicep', 'infra/core/host/appservice.bicep', 5),
      env('SCM_DO_BUILD_DURING_DEPLOYMENT', undefined, 'bicep', 'infra/core/host/appservice.bicep', 9),
      env('RUNNING_IN_PRODUCTION', 'true', 'bicep', 'infra/web.bicep', 4),
      env('POSTGRES_HOST', undefined, 'bicep', 'infra/web.bicep', 5),
      env('SECRET_KEY', undefined, 'bicep', 'infra/web.bicep', 6),
      env('SITE_URL', undefined, 'bicep', 'infra/web.bicep', 7),
      env('QUOTE', "it's", 'bicep', 'infra/web.bicep', 12),
    ]);
  });
});

describe('productionEnvironment: Kubernetes / Helm', () => {
  it('container env value and valueFrom (optional refs are not always set), ConfigMap data, Helm values env maps and lists; test values are dev', () => {
    const ws = repo({
      'k8s/deployment.yaml': [
        'apiVersion: apps/v1', //                                  1
        'kind: Deployment', //                                     2
        'spec:', //                                                3
        '  template:', //                                          4
        '    spec:', //                                            5
        '      containers:', //                                    6
        '        - name: web', //                                  7
        '          env:', //                                       8
        '            - name: DEBUG', //                            9
        '              value: "0"', //                             10
        '            - name: SECRET_KEY', //                       11
        '              valueFrom:', //                             12
        '                secretKeyRef: {name: shop, key: secret}', // 13
        '            - name: SENTRY_DSN', //                       14
        '              valueFrom:', //                             15
        '                secretKeyRef: {name: shop, key: dsn, optional: true}', // 16
        '            - name: POD_IP', //                           17
        '              valueFrom: {fieldRef: {fieldPath: status.podIP}}', // 18
        '            - name: EMPTY', //                            19
        '              value: ""', //                              20
        '---', //                                                  21
        'apiVersion: v1', //                                       22
        'kind: ConfigMap', //                                      23
        'metadata:', //                                            24
        '  name: shop-config', //                                  25
        'data:', //                                                26
        '  ALLOWED_HOSTS: shop.example', //                        27
        '  nginx.conf: "server {}"', //                            28
      ].join('\n'),
      'charts/shop/values.yaml': 'env:\n  TIME_ZONE: UTC\nenvironment:\n  - name: LANGUAGE_CODE\n    value: en-us\nimage:\n  tag: latest\n',
      'charts/shop/values-test.yaml': 'extraEnv:\n  - name: DEBUG\n    value: "1"\n',
    });
    expect(envFacts(ws)).toEqual([
      env('DEBUG', '1', 'kubernetes', 'charts/shop/values-test.yaml', 2, true),
      env('TIME_ZONE', 'UTC', 'kubernetes', 'charts/shop/values.yaml', 2),
      env('LANGUAGE_CODE', 'en-us', 'kubernetes', 'charts/shop/values.yaml', 4),
      env('DEBUG', '0', 'kubernetes', 'k8s/deployment.yaml', 9),
      env('SECRET_KEY', undefined, 'kubernetes', 'k8s/deployment.yaml', 11),
      env('POD_IP', undefined, 'kubernetes', 'k8s/deployment.yaml', 17),
      env('ALLOWED_HOSTS', 'shop.example', 'kubernetes', 'k8s/deployment.yaml', 27),
    ]);
  });

  it('a Helm template that is not YAML: line scan of env lists; a templated value is provided only under `required`; a variable inside {{ if }} in the list is not always set', () => {
    const ws = repo({
      'charts/shop/templates/deployment.yaml': [
        '{{- if .Values.web.enabled }}', //                                    1
        'apiVersion: apps/v1', //                                              2
        'kind: Deployment', //                                                 3
        'spec:', //                                                            4
        '  template:', //                                                      5
        '    spec:', //                                                        6
        '      containers:', //                                                7
        '        - name: web', //                                              8
        '          env:', //                                                   9
        '            - name: DEBUG', //                                        10
        '              value: "0"', //                                         11
        '            - name: SECRET_KEY', //                                   12
        '              value: {{ required "secretKey" .Values.secretKey | quote }}', // 13
        '            - name: SITE_URL', //                                     14
        '              value: {{ .Values.siteUrl | quote }}', //               15
        '            - name: DATABASE_URL', //                                 16
        '              valueFrom:', //                                         17
        '                secretKeyRef:', //                                    18
        '                  name: {{ .Release.Name }}-db', //                   19
        '                  key: uri', //                                       20
        '            {{- if .Values.sentry.enabled }}', //                     21
        '            - name: SENTRY_DSN', //                                   22
        '              valueFrom:', //                                         23
        '                secretKeyRef: {name: sentry, key: dsn}', //           24
        '            - name: SENTRY_ENVIRONMENT', //                           25
        '              value: production', //                                  26
        '            {{- end }}', //                                           27
        '            - name: TIME_ZONE', //                                    28
        '              value: UTC', //                                         29
        '{{- end }}', //                                                       30
      ].join('\n'),
    });
    expect(envFacts(ws)).toEqual([
      env('DEBUG', '0', 'kubernetes', 'charts/shop/templates/deployment.yaml', 10),
      env('SECRET_KEY', undefined, 'kubernetes', 'charts/shop/templates/deployment.yaml', 12),
      env('DATABASE_URL', undefined, 'kubernetes', 'charts/shop/templates/deployment.yaml', 16),
      env('TIME_ZONE', 'UTC', 'kubernetes', 'charts/shop/templates/deployment.yaml', 28),
    ]);
  });
});

describe('productionEnvironment: across manifests, dev folders, robustness', () => {
  it('several manifests with different values: each is kept; the same manifest in demo/, demos/, sandbox/, playground/, .github/ folders is dev', () => {
    const ws = repo({
      'extras/docker/production/Dockerfile': 'FROM python:3.12\nENV DJANGO_SETTINGS_MODULE=settings.main DEBUG=False\n',
      'extras/docker/demo/Dockerfile': 'FROM python:3.12\nENV DJANGO_SETTINGS_MODULE=settings.demo DEBUG=True\n',
      'demos/Dockerfile': 'FROM python:3.12\nENV DEBUG=True\n',
      'sandbox/docker-compose.yml': 'services:\n  web:\n    environment:\n      DEBUG: "True"\n',
      'playground/Procfile': 'web: DEBUG=True gunicorn app.wsgi\n',
      '.github/workflows/deploy.sh': 'export DEBUG=True\n',
      'fly.toml': '[env]\n  DEBUG = "0"\n',
    });
    expect(envFacts(ws)).toEqual([
      env('DEBUG', 'True', 'script', '.github/workflows/deploy.sh', 1, true),
      env('DEBUG', 'True', 'dockerfile', 'demos/Dockerfile', 2, true),
      env('DJANGO_SETTINGS_MODULE', 'settings.demo', 'dockerfile', 'extras/docker/demo/Dockerfile', 2, true),
      env('DEBUG', 'True', 'dockerfile', 'extras/docker/demo/Dockerfile', 2, true),
      env('DJANGO_SETTINGS_MODULE', 'settings.main', 'dockerfile', 'extras/docker/production/Dockerfile', 2),
      env('DEBUG', 'False', 'dockerfile', 'extras/docker/production/Dockerfile', 2),
      env('DEBUG', '0', 'fly.toml', 'fly.toml', 2),
      env('DEBUG', 'True', 'procfile', 'playground/Procfile', 1, true),
      env('DEBUG', 'True', 'compose', 'sandbox/docker-compose.yml', 4, true),
    ]);
    // settings evidence: the demo image is no longer a production candidate of the same rank (wger)
    expect(facts(ws)).toEqual([
      ev('settings.demo', 'dockerfile', 'extras/docker/demo/Dockerfile', 2, true),
      ev('settings.main', 'dockerfile', 'extras/docker/production/Dockerfile', 2),
    ]);
  });

  it('never throws on malformed manifests; a file that cannot be parsed gives nothing', () => {
    const ws = repo({
      Dockerfile: 'FROM x\nENV A="unterminated\nENV B=${\n',
      'docker-compose.yml': 'services:\n  web: [unclosed\n    environment:\n      DEBUG: "0"\n',
      'render.yaml': 'services: 3\n',
      'app.json': '{"env": {"A": [1]}, ',
      'fly.toml': '[env\nA = 1\n',
      'gunicorn.conf.py': 'raw_env = [f"A={x}"\n',
      'k8s/a.yaml': 'env:\n  - name: A\n    valueFrom: {{ x }}\n',
      'start.sh': 'export A=${\nexport B="unterminated\n',
    });
    expect(() => productionEnvironment(ws)).not.toThrow();
    expect(envFacts(ws)).toEqual([]);
  });
});
