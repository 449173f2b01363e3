#!/usr/bin/env node
// Runtime gates' wall time (issue 3: "total wall time of the four gates is within 15 % of the slowest one").
// Runs the CLI on test/fixtures/hardened with
//   --gates rules,deploy-checks,collectstatic,migrations,tests --format json --fail-on never
// and /usr/bin/python3 (Debian's Django 3.2), with the environment the fixture's production settings need
// (HARDENED_ENV of test/support/django.ts, read from that file) less its DB_* keys: no database is named, so
// the run starts its own throwaway PostgreSQL cluster (initdb + pg_ctl) as a user's CI without a database
// service would; migrations and tests hand their databases to Django through DB_*/DATABASE_URL/PG*, and
// deploy-checks/collectstatic get placeholder database variables (src/django/python.ts djangoEnv).
//
// Per round: one run with every gate, and one with `--gates rules` only (node start-up, scan, rules and
// output: the fixed cost around the runtime gates; the fastest of these counts). Printed: each gate's
// durationMs from the JSON report, the slowest, the wall time of the process and of the runtime gates
// (process minus the fixed cost), and total / slowest. Then each runtime gate alone, best of the rounds too
// (--no-solo skips it): what sharing the machine's cores with the other gates costs each one, and what
// running them one after another would take. Best round = the lowest process wall time.
// `--rounds N` (default 3), `--cli PATH` (default: a bundle of the current sources).
import { readFileSync, realpathSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchCli, int, pad, ROOT, roundsOf, runCli } from './cli.mjs';

const RUNTIME = ['deploy-checks', 'collectstatic', 'migrations', 'tests'];
const GATES = ['rules', ...RUNTIME];
const PYTHON = '/usr/bin/python3';
const FIXTURE = join(ROOT, 'test', 'fixtures', 'hardened');

/** HARDENED_ENV from test/support/django.ts (one source of truth) without its DB_* keys (see above). */
export function hardenedEnv() {
  const src = readFileSync(join(ROOT, 'test', 'support', 'django.ts'), 'utf8');
  const key = /STRONG_SECRET_KEY = '([^']+)'/.exec(src)?.[1];
  const block = /export const HARDENED_ENV[^=]*= \{([\s\S]*?)\n\};/.exec(src)?.[1];
  if (!key || !block) throw new Error('test/support/django.ts: STRONG_SECRET_KEY or HARDENED_ENV not found — update bench/gates.mjs');
  const env = {};
  for (const m of block.matchAll(/^\s*(\w+): (?:STRONG_SECRET_KEY|'([^']*)'),?$/gm)) env[m[1]] = m[2] ?? key;
  if (!env.DJANGO_SECRET_KEY || !env.DB_HOST) throw new Error('test/support/django.ts: HARDENED_ENV has an unexpected shape — update bench/gates.mjs');
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('DB_')));
}

/** The process environment without anything that would pick a Python path, settings or a database server. */
function cleanEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(PYTHONPATH|PYTHONHOME|VIRTUAL_ENV|DJANGO_SETTINGS_MODULE|DATABASE_URL|DB_\w+|PG\w+|POSTGRES_\w+|DLG_POSTGRES_BIN)$/.test(k)) delete env[k];
  }
  return env;
}

async function runGates(cli, gates, envArgs) {
  const r = await runCli(cli, [FIXTURE, '--gates', gates.join(','), '--format', 'json', '--fail-on', 'never', '--python', PYTHON, ...envArgs], { env: cleanEnv() });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    throw new Error(`the CLI printed no JSON report (exit ${r.code}):\n${r.stderr.slice(-2000)}`);
  }
  const gatesOut = report.gates.map((g) => ({ gate: g.gate, status: g.status, ms: g.durationMs, detail: g.detail }));
  const bad = gatesOut.filter((g) => g.status !== 'passed');
  if (bad.length) throw new Error(`gates did not pass, the figures would mean nothing:\n${bad.map((g) => `  ${g.gate}: ${g.status}: ${g.detail}`).join('\n')}`);
  return { wall: r.ms, gates: gatesOut };
}

function pct(a, b) {
  return `${Math.round((a / b) * 100)} %`;
}

export async function main(argv = process.argv.slice(2)) {
  const rounds = roundsOf(argv);
  const solo = !argv.includes('--no-solo');
  const { cli, from } = benchCli(argv);
  const envArgs = Object.entries(hardenedEnv()).flatMap(([k, v]) => ['--env', `${k}=${v}`]);

  console.log(`\nruntime gates on test/fixtures/hardened (${PYTHON}, throwaway PostgreSQL; ${cpus().length} cores, node ${process.versions.node})`);
  console.log(`CLI: ${from}`);
  const runs = [];
  const alone = Object.fromEntries(RUNTIME.map((g) => [g, Infinity]));
  for (let i = 0; i < rounds; i++) {
    const base = await runGates(cli, ['rules'], envArgs);
    const full = await runGates(cli, GATES, envArgs);
    const runtime = full.gates.filter((g) => g.gate !== 'rules');
    const slowest = runtime.reduce((a, g) => (g.ms > a.ms ? g : a));
    runs.push({ full, base, runtime, slowest });
    if (solo) for (const g of RUNTIME) alone[g] = Math.min(alone[g], (await runGates(cli, [g], envArgs)).gates[0].ms);
  }

  // The fixed cost is best told by the fastest rules-only run (a busy machine only ever adds time).
  const fixed = Math.min(...runs.map((r) => r.base.wall));
  for (const r of runs) r.phase = r.full.wall - fixed;
  console.log(`\nround ${pad('', 2)}${RUNTIME.map((g) => pad(g, 14, true)).join('')} ${pad('slowest', 10, true)} ${pad('process', 9, true)} ${pad('rules-only', 11, true)} ${pad('gates wall', 11, true)} ${pad('gates/slowest', 14, true)} ${pad('process/slowest', 16, true)}`);
  runs.forEach((r, i) => {
    const ms = (name) => int(r.runtime.find((g) => g.gate === name).ms);
    console.log(
      `${pad(i + 1, 5)}   ${RUNTIME.map((g) => pad(ms(g), 14, true)).join('')} ${pad(int(r.slowest.ms), 10, true)} ${pad(int(r.full.wall), 9, true)} ${pad(int(r.base.wall), 11, true)} ${pad(int(r.phase), 11, true)} ${pad(pct(r.phase, r.slowest.ms), 14, true)} ${pad(pct(r.full.wall, r.slowest.ms), 16, true)}`,
    );
  });
  const best = runs.reduce((a, r) => (r.full.wall < a.full.wall ? r : a));
  console.log(`(ms; gates wall = process − the fastest rules-only run, ${int(fixed)} ms: node start-up, scan, rules and output are in both)`);
  console.log(
    `\nbest of ${rounds}: slowest gate ${best.slowest.gate} ${int(best.slowest.ms)} ms; runtime gates took ${int(best.phase)} ms of wall time = ${pct(best.phase, best.slowest.ms)} of the slowest` +
      ` (${best.phase <= best.slowest.ms * 1.15 ? 'within' : 'NOT within'} 15 %); the whole process ${int(best.full.wall)} ms = ${pct(best.full.wall, best.slowest.ms)}`,
  );

  if (solo) {
    console.log(`\neach runtime gate alone (--gates <gate>, best of ${rounds}) and with the others (best round):`);
    for (const g of RUNTIME) {
      const together = best.runtime.find((x) => x.gate === g).ms;
      console.log(`  ${pad(g, 14)} ${pad(int(alone[g]), 7, true)} ms alone, ${pad(int(together), 7, true)} ms with the others (${pct(together, alone[g])})`);
    }
    const slowestAlone = RUNTIME.reduce((a, g) => (alone[g] > alone[a] ? g : a));
    const sumAlone = RUNTIME.reduce((a, g) => a + alone[g], 0);
    console.log(
      `  slowest alone: ${slowestAlone} ${int(alone[slowestAlone])} ms; one after another: ${int(sumAlone)} ms; all four at once: ${int(best.phase)} ms of wall time = ${pct(best.phase, alone[slowestAlone])} of the slowest alone, ${pct(best.phase, sumAlone)} of one after another`,
    );
  }
}

if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) {
  try {
    await main();
  } catch (e) {
    console.error(`bench/gates: ${e.message}`);
    process.exitCode = 1;
  }
}
