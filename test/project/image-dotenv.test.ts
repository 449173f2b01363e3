/**
 * The `.env` a production image holds for python-decouple: read as decouple reads it, and found only where
 * decouple looks (the settings' folder or one above it, in the image).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { decoupleValues, imageDotenv } from '../../src/project/image-dotenv';
import { Workspace } from '../../src/project/workspace';

function workspace(files: Record<string, string>): Workspace {
  const dir = tempDir('dlg-dotenv-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return new Workspace(dir);
}

describe("decouple's .env format", () => {
  it('strips keys, values and one pair of matching quotes; skips comments, blanks and lines without =; interpolates nothing', () => {
    const v = decoupleValues('# comment\n\nDEBUG = True\nKEY="a b"\nQ=\'x\'\nMIXED="y\'\nURL=${OTHER}/x\nnot a pair\nEQ=a=b\n');
    expect([...v]).toEqual([
      ['DEBUG', 'True'],
      ['KEY', 'a b'],
      ['Q', 'x'],
      ['MIXED', '"y\''],
      ['URL', '${OTHER}/x'],
      ['EQ', 'a=b'],
    ]);
  });
});

describe('the .env a production image holds', () => {
  const base = { 'app/settings.py': 'from decouple import config\nDEBUG = config("DEBUG", False, cast=bool)\n', '.env-dist': 'DEBUG=True\n' };

  it('found when a COPY puts it at or above the folder the settings land in (Firefox Relay)', () => {
    const ws = workspace({ ...base, Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . /app\nCOPY .env-dist /app/.env\n' });
    const d = imageDotenv(ws, 'app/settings.py');
    expect(d?.values.get('DEBUG')).toBe('True');
    expect(d?.where).toBe('Dockerfile:4 copies .env-dist to /app/.env');
  });

  it('not found in a folder decouple never looks in, beside the settings, or in a development Dockerfile', () => {
    expect(imageDotenv(workspace({ ...base, Dockerfile: 'FROM python:3.12\nCOPY . /app\nCOPY .env-dist /etc/app/.env\n' }), 'app/settings.py')).toBeUndefined();
    expect(imageDotenv(workspace({ ...base, Dockerfile: 'FROM python:3.12\nCOPY . /app\nCOPY .env-dist /app/other/.env\n' }), 'app/settings.py')).toBeUndefined();
    expect(imageDotenv(workspace({ ...base, 'Dockerfile.dev': 'FROM python:3.12\nCOPY . /app\nCOPY .env-dist /app/.env\n' }), 'app/settings.py')).toBeUndefined();
  });

  it('not found when the image does not hold the settings at all, or the copied file is not in the repository', () => {
    expect(imageDotenv(workspace({ ...base, Dockerfile: 'FROM python:3.12\nCOPY .env-dist /app/.env\n' }), 'app/settings.py')).toBeUndefined();
    expect(imageDotenv(workspace({ ...base, Dockerfile: 'FROM python:3.12\nCOPY . /app\nCOPY missing.env /app/.env\n' }), 'app/settings.py')).toBeUndefined();
  });
});
