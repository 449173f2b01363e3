/**
 * The project model the code and deploy-file rules stand on (ruff's "semantic model" in our terms): which
 * files count as production code, Python module/import resolution inside the scanned tree, which functions
 * are views and how urls.py routes reach them, the Django version and app servers the project declares.
 *
 * Everything is static and conservative: a name that cannot be resolved is simply not matched, so rules
 * built on it miss rather than invent findings. Nothing here runs at import time; indexes are built on
 * first use and cached per ScanContext (WeakMap), so the model can be loaded lazily.
 *
 * Split by concern:
 *   files.ts         paths: tests, migrations, dev names/folders, owning project, production Python files
 *   syntax.ts        tree-sitter helpers over definitions (decorators, params, bases, methods, bodies)
 *   modules.ts       PyIndex: module names, imports, definitions, qualified-name resolution
 *   views.ts         views, route calls, view unwrapping
 *   sentry.ts        sentry_sdk.init calls
 *   deploy-commands.ts  the commands deploy files run (Procfile, Dockerfile, compose, systemd, supervisord, scripts)
 *   dependencies.ts  the Django version the project pins; the app servers that serve it (WSGI/ASGI)
 *   volumes.ts       persistent storage the deploy files mount for the app (compose volumes, PVCs)
 */
export * from './files';
export * from './syntax';
export * from './modules';
export * from './views';
export * from './sentry';
export * from './deploy-commands';
export * from './dependencies';
export * from './volumes';
