/**
 * runPython: real processes. A non-zero exit is a result, not an exception; a missing interpreter is a
 * spawnError; a timeout or an abort kills the whole process group (grandchildren included).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helperPath, raised, runPython } from '../../src/django/python';
import { SYSTEM_PYTHON } from '../support/django';

/** Running (a zombie waiting for a reaper counts as gone: it runs nothing). */
const alive = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe.skipIf(!existsSync(SYSTEM_PYTHON))('runPython', () => {
  const base = { python: SYSTEM_PYTHON, cwd: process.cwd(), env: { PATH: process.env.PATH } };

  it('returns exit code, stdout and stderr of a failing script without throwing', async () => {
    const r = await runPython({ ...base, args: ['-c', 'import sys; print("out"); print("err", file=sys.stderr); sys.exit(3)'] });
    expect([r.code, r.stdout.trim(), r.stderr.trim(), r.timedOut, r.aborted, r.spawnError]).toEqual([3, 'out', 'err', false, false, undefined]);
  });

  it('reports a missing interpreter as spawnError ENOENT', async () => {
    const r = await runPython({ ...base, python: '/nonexistent/python3', args: ['-c', 'pass'] });
    expect(r.code).toBeNull();
    expect(r.spawnError?.code).toBe('ENOENT');
  });

  it('kills the process group on timeout, grandchildren included', async () => {
    const script = 'import subprocess, sys, time\np = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])\nprint(p.pid, flush=True)\ntime.sleep(60)\n';
    const started = Date.now();
    const r = await runPython({ ...base, args: ['-c', script], timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    const grandchild = Number(r.stdout.trim());
    expect(grandchild).toBeGreaterThan(0);
    await new Promise((res) => setTimeout(res, 200));
    expect(alive(grandchild)).toBe(false);
  });

  it('kills the process when the signal aborts', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const r = await runPython({ ...base, args: ['-c', 'import time; time.sleep(60)'], signal: ac.signal });
    expect(r.aborted).toBe(true);
    expect(r.timedOut).toBe(false);
  });

  it('finds helper.py next to the sources', () => {
    expect(helperPath()).toMatch(/src\/django\/helper\.py$/);
  });
});

describe('raised', () => {
  it('gives the exception line and the innermost frame under the root', () => {
    const tb = [
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3/dist-packages/django/conf/__init__.py", line 82, in __getattr__',
      '  File "/srv/app/proj/settings.py", line 12, in <module>',
      '    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
      '  File "<frozen os>", line 679, in __getitem__',
      "KeyError: 'DJANGO_SECRET_KEY'",
    ].join('\n');
    expect(raised(tb, 'KeyError', '/srv/app')).toBe("KeyError: 'DJANGO_SECRET_KEY' (at proj/settings.py:12)");
    expect(raised(tb, 'KeyError', '/elsewhere')).toBe("KeyError: 'DJANGO_SECRET_KEY'");
  });
});
