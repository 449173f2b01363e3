// Module hooks that run the TypeScript sources (src/**/*.ts) on Node 20 without a build step and without
// a new dependency: TypeScript itself (a devDependency) strips the types, one file at a time
// (ts.transpileModule: no type checking — `npm run typecheck` does that).
//
//   node --import ./scripts/realworld-ts-hooks.mjs src/index.ts <args>
//
// Registers itself when imported with --import; the resolve/load hooks below run on Node's loader thread.
// Resolution follows tsconfig's "moduleResolution": "Bundler" for relative imports: `./finding` is tried
// as ./finding.ts, ./finding/index.ts (then as written). Package imports are left to Node.
import { readFileSync, statSync } from 'node:fs';
import { createRequire, isBuiltin, register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

// Main thread (the --import): register this same file as the hooks module; on the loader thread, where
// it is evaluated again, only the exported hooks matter.
if (isMainThread) register(import.meta.url);

let ts;
function typescript() {
  if (!ts) ts = createRequire(import.meta.url)('typescript');
  return ts;
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (parent && parent.startsWith('file:') && parent.endsWith('.ts') && (specifier.startsWith('./') || specifier.startsWith('../')) && !isBuiltin(specifier)) {
    const base = new URL(specifier, parent);
    const path = fileURLToPath(base);
    for (const candidate of [`${path}.ts`, `${path}/index.ts`, path.replace(/\.js$/, '.ts')]) {
      if (candidate !== path && isFile(candidate)) return { url: pathToFileURL(candidate).href, format: 'module', shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.ts')) {
    const file = fileURLToPath(url);
    const t = typescript();
    const out = t.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: {
        module: t.ModuleKind.ESNext,
        target: t.ScriptTarget.ES2022,
        esModuleInterop: true,
        isolatedModules: true,
        sourceMap: false,
        inlineSourceMap: true,
      },
    });
    return { format: 'module', source: out.outputText, shortCircuit: true };
  }
  return nextLoad(url, context);
}
