/**
 * Class-based settings: a settings class whose attributes (and `@property` values) become the module's
 * settings — exported by a loader function (`setattr(sys.modules[__name__], name, getattr(obj, name))`
 * for each name of an instance) or selected by django-configurations (`class Prod(Configuration)`,
 * chosen by DJANGO_CONFIGURATION, with `values.BooleanValue(False)` & co. reading `DJANGO_<NAME>`).
 * What cannot be modelled (an unknown class choice, a `setup()` hook) makes those names unknown.
 */
import { callParts, type SyntaxNode, walk } from '../python';
import { UNKNOWN, bool, str, type Value } from '../values';
import { evalExpr } from './expressions';
import { isSettingName, loc, markDynamic, type Entry, type Frame, type Scope } from './frame';
import { canonical, castValue, databaseFromUrl, isSet } from './libraries';
import { blockOf, execBlock } from './statements';

const PRODUCTION_CLASS = /^(prod|production|live|deploy|deployment|release|server)(config|configuration|settings)?$/i;
const DEV_CLASS = /^(dev|devel|develop|development|local|test|tests|testing|ci|debug)(config|configuration|settings)?$/i;

/** A django-configurations class named for development or tests (`Development`, `LocalConfig`, `Test`). */
export function isDevConfiguration(name: string): boolean {
  return DEV_CLASS.test(name);
}

function baseNames(cls: SyntaxNode): string[] {
  const args = cls.childForFieldName('superclasses');
  if (!args) return [];
  return args.namedChildren.filter((n) => n.type === 'identifier' || n.type === 'attribute').map((n) => n.text);
}

/** Attributes a class body defines (its bases' first, in reverse MRO order), evaluated in the module scope. */
function classAttributes(frame: Frame, cls: SyntaxNode, scope: Scope, seen = new Set<number>(), configurations = false): Scope {
  const out: Scope = new Map();
  // by id: the same class asked for twice may come as two node objects (src/project/python.ts withoutNodeCache)
  if (seen.has(cls.id)) return out;
  seen.add(cls.id);
  for (const b of [...baseNames(cls)].reverse()) {
    const base = frame.classes.get(b);
    if (base) for (const [k, v] of classAttributes(frame, base, scope, seen, configurations)) out.set(k, v);
  }
  const body = blockOf(cls.childForFieldName('body'));
  const classScope: Scope = new Map([...scope, ...out]);
  const child: Frame = { ...frame, functions: new Map(), classes: new Map(frame.classes), reads: new Set() };
  for (const st of body) {
    const assign = st.type === 'expression_statement' ? st.namedChildren[0] : undefined;
    const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : undefined;
    const right = assign?.type === 'assignment' ? assign.childForFieldName('right') : undefined;
    if (configurations && left?.type === 'identifier' && right?.type === 'call' && isConfigValue(frame, right)) {
      child.reads = new Set();
      const value = configValue(child, left.text, right, classScope);
      const entry: Entry = { value, location: loc(frame, st), envVars: child.reads };
      classScope.set(left.text, entry);
      out.set(left.text, entry);
      continue;
    }
    const def = st.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
    if (def?.type === 'function_definition') {
      const name = def.childForFieldName('name')?.text ?? '';
      const isProperty = st.type === 'decorated_definition' && st.namedChildren.some((d) => d.type === 'decorator' && /^@\s*property\b/.test(d.text));
      if (isProperty && isSettingName(name)) {
        const entry: Entry = { value: propertyValue(child, def, classScope), location: loc(frame, st), envVars: new Set() };
        classScope.set(name, entry);
        out.set(name, entry);
      } else if (configurations && /^(setup|pre_setup|post_setup)$/.test(name)) {
        markDynamic(frame, def, out, `the configuration class's ${name}() may change any setting`, true);
      }
      continue;
    }
    const before = new Map(classScope);
    execBlock(child, [st], classScope);
    for (const [k, v] of classScope) if (before.get(k) !== v) out.set(k, v);
  }
  return out;
}

/** A `@property` whose body is one `return <expr>`: that expression; anything else is unknown. */
function propertyValue(frame: Frame, def: SyntaxNode, scope: Scope): Value {
  const body = blockOf(def.childForFieldName('body')).filter((s) => !(s.type === 'expression_statement' && s.namedChildren[0]?.type === 'string'));
  if (body.length !== 1 || body[0].type !== 'return_statement') return UNKNOWN;
  const expr = body[0].namedChildren[0];
  return expr ? evalExpr(frame, expr, scope) : UNKNOWN;
}

// ---------------------------------------------------------------------------------------------
// Loader functions that export a settings class onto the module

/**
 * `def load(): s = Settings(); for name in dir(s): setattr(sys.modules[__name__], name, getattr(s, name))`
 * called at module level: the class's settings become module settings. Returns false when the function is
 * not of this shape (the caller then treats it as dynamic).
 */
export function exportClassFromLoader(frame: Frame, call: SyntaxNode, def: SyntaxNode, scope: Scope): boolean {
  void call;
  const body = def.childForFieldName('body');
  if (!body) return false;
  let exports = false;
  const referenced = new Set<string>();
  walk(body, (n) => {
    if (n.type === 'call') {
      const { callee, args } = callParts(n);
      if (callee === 'setattr' && args[0] && /sys\.modules|\bmodule\b|globals\(\)/.test(args[0].text)) exports = true;
      if (callee && frame.classes.has(callee)) referenced.add(callee);
      if ((callee === 'dir' || callee === 'vars') && args[0]?.type === 'identifier' && frame.classes.has(args[0].text)) referenced.add(args[0].text);
    } else if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      if (left?.type === 'subscript' && /^globals\(\)$/.test(left.childForFieldName('value')?.text.replace(/\s+/g, '') ?? '')) exports = true;
    }
    return true;
  });
  if (!exports || referenced.size !== 1) return false;
  const cls = frame.classes.get([...referenced][0])!;
  for (const [k, v] of classAttributes(frame, cls, scope)) if (isSettingName(k)) scope.set(k, v);
  return true;
}

// ---------------------------------------------------------------------------------------------
// django-configurations

function isConfigurationClass(frame: Frame, cls: SyntaxNode, seen = new Set<number>()): boolean {
  if (seen.has(cls.id)) return false;
  seen.add(cls.id);
  return baseNames(cls).some((b) => {
    const c = canonical(frame, b);
    if (c === 'configurations.Configuration' || c === 'configurations.base.Configuration' || b === 'Configuration' || c === 'env_config.Environment') return true;
    const base = frame.classes.get(b);
    return base ? isConfigurationClass(frame, base, seen) : false;
  });
}

function isConfigValue(frame: Frame, call: SyntaxNode): boolean {
  const c = canonical(frame, callParts(call).callee) ?? '';
  return /^configurations\.values\.\w*Value$/.test(c) || /^configurations\.\w*Value$/.test(c);
}

/** `values.BooleanValue(False)` as the attribute `name`: the environment variable DJANGO_<NAME> with that default. */
function configValue(frame: Frame, name: string, call: SyntaxNode, scope: Scope): Value {
  const { callee, args, kwargs } = callParts(call);
  const type = (callee ?? '').split('.').pop() ?? 'Value';
  const kw = (k: string): Value | undefined => (kwargs.has(k) ? evalExpr(frame, kwargs.get(k)!, scope) : undefined);
  const dflt = kwargs.has('default') ? kw('default') : args[0] ? evalExpr(frame, args[0], scope) : undefined;
  const environ = kw('environ');
  const prefixV = kw('environ_prefix');
  const nameV = kw('environ_name');
  const prefix = prefixV?.kind === 'str' ? prefixV.value : prefixV?.kind === 'none' ? '' : 'DJANGO';
  const envName = nameV?.kind === 'str' ? (prefix ? `${prefix}_${nameV.value}` : nameV.value) : prefix ? `${prefix}_${name}` : name;
  const required = type === 'SecretValue' || (kw('environ_required')?.kind === 'bool' && (kw('environ_required') as { value: boolean }).value);
  const isDb = type === 'DatabaseURLValue';
  const alias = kw('alias');
  const dbKey = alias?.kind === 'str' ? alias.value : 'default';
  const typed = (v: Value | undefined): Value => {
    if (!v) return UNKNOWN;
    if (isDb) return { kind: 'dict', entries: [[dbKey, databaseFromUrl(v)]] };
    if (type === 'BooleanValue') return castValue(v, 'bool');
    if (type === 'IntegerValue' || type === 'PositiveIntegerValue' || type === 'FloatValue') return castValue(v, 'float');
    return v;
  };
  if (environ?.kind === 'bool' && environ.value === false) return typed(dflt);
  frame.reads.add(envName);
  if (isSet(frame, envName)) {
    if (isDb) return typed({ kind: 'env', name: envName });
    return ['Value', 'SecretValue', 'EmailValue', 'URLValue', 'PathValue', 'RegexValue'].includes(type) ? { kind: 'env', name: envName } : UNKNOWN;
  }
  if (required) return { kind: 'raise', reason: `django-configurations: ${envName} is required` };
  if (dflt === undefined) return type === 'BooleanValue' ? bool(false) : type === 'Value' ? str('', true) : UNKNOWN;
  return typed(dflt);
}

/**
 * A module that imports from django-configurations and defines a class whose base comes from another module
 * (OWASP Nest's `class Production(Base)`, Base a Configuration in settings/base.py): its settings are that
 * class's attributes and its bases', which this evaluator reads only within one module — so any setting may be
 * set there, and none is reported missing (it was: ALLOWED_HOSTS and MIDDLEWARE, set on Base).
 */
function inheritedConfigurations(frame: Frame, scope: Scope): void {
  if (![...frame.aliases.values()].some((t) => t === 'configurations' || t.startsWith('configurations.'))) return;
  for (const [name, cls] of frame.classes) {
    const imported = baseNames(cls).find((b) => !frame.classes.has(b) && b !== 'object');
    if (!imported) continue;
    markDynamic(frame, cls, scope, `django-configurations class \`${name}\` inherits \`${imported}\` from another module, whose settings the scan does not read: it may set any setting`, true);
  }
}

/**
 * A settings module that defines no configuration class but imports some by name (Mozilla's donate-wagtail:
 * its settings package imports `Production`, `Staging`, `Development`… from one module each, and
 * DJANGO_CONFIGURATION picks one): production's settings are the attributes of the class selected, defined in
 * another module — not followed across modules, so any setting may be set there, and none is reported missing
 * (ALLOWED_HOSTS and MIDDLEWARE were, set on the classes' common base).
 */
function importedConfigurations(frame: Frame, scope: Scope): void {
  const imported = frame.importedConfigurations ?? [];
  if (imported.length === 0) return;
  const shown = imported.slice(0, 3).map((c) => `\`${c.name}\` (${c.file})`).join(', ');
  const names = imported.length > 3 ? `${shown} and ${imported.length - 3} more` : shown;
  markDynamic(frame, imported[0].at, scope, `imports the django-configurations class${imported.length > 1 ? 'es' : ''} ${names}, whose attributes are production's settings when DJANGO_CONFIGURATION selects ${imported.length > 1 ? 'one' : 'it'}: the scan does not follow a configuration class into the module that imports it, so any setting may be set there`, true);
}

/**
 * After a module of the repository ran: the names of the django-configurations classes it defines — a
 * Configuration subclass, or a subclass of one another module of the repository defines and this one imports
 * (CodaLab's `class Dev(DevBase)` in default.py, DevBase from base.py). Recorded in the world's state by module.
 */
export function recordConfigurationClasses(frame: Frame): void {
  const names = new Set<string>();
  for (const [name, cls] of frame.classes) {
    const imported = baseNames(cls).some((b) => {
      const q = frame.aliases.get(b);
      const dot = q ? q.lastIndexOf('.') : -1;
      return !!q && dot > 0 && frame.state.configurationClasses.get(q.slice(0, dot))?.has(q.slice(dot + 1)) === true;
    });
    if (imported || isConfigurationClass(frame, cls)) names.add(name);
  }
  if (names.size) frame.state.configurationClasses.set(frame.src.module, names);
}

/**
 * After the settings module ran: when it defines django-configurations classes, its settings are the
 * attributes of the one production selects (`opts.configuration`, else the one named like production).
 * When that choice is unknown, every name those classes set is unknown.
 */
export function applyConfigurations(frame: Frame, scope: Scope): string | undefined {
  const classes = [...frame.classes.entries()].filter(([, c]) => isConfigurationClass(frame, c));
  if (classes.length === 0) {
    importedConfigurations(frame, scope);
    inheritedConfigurations(frame, scope);
    return undefined;
  }
  const named = frame.opts.configuration ? classes.find(([n]) => n === frame.opts.configuration) : undefined;
  const prod = classes.filter(([n]) => PRODUCTION_CLASS.test(n));
  const nonDev = classes.filter(([n]) => !DEV_CLASS.test(n));
  const chosen = named ?? (prod.length === 1 ? prod[0] : nonDev.length === 1 && !frame.opts.configuration ? nonDev[0] : undefined);
  if (!chosen) {
    const names = classes.map(([n]) => n).join(', ');
    for (const [, c] of classes) for (const k of classAttributes(frame, c, scope, new Set(), true).keys()) {
      if (isSettingName(k)) scope.set(k, { value: UNKNOWN, location: loc(frame, c), envVars: new Set(), conditional: true });
    }
    markDynamic(frame, classes[0][1], scope, `DJANGO_CONFIGURATION selects one of ${names}; which one production uses is not known (name it in the environment or a deploy file)`, false);
    return undefined;
  }
  // A base from another module beside Configuration (`class Production(Base, Secure, Configuration)`, Mozilla's
  // donate-wagtail): its attributes are settings too, not read here — any setting may be set there.
  const imported = importedBase(frame, chosen[1]);
  if (imported) markDynamic(frame, chosen[1], scope, `django-configurations class \`${chosen[0]}\` inherits \`${imported}\` from another module, whose settings the scan does not read: it may set any setting`, true);
  for (const [k, v] of classAttributes(frame, chosen[1], scope, new Set(), true)) if (isSettingName(k)) scope.set(k, v);
  return chosen[0];
}

/** A base of the class, or of its bases in this module, that comes from another module (not Configuration, not object). */
function importedBase(frame: Frame, cls: SyntaxNode, seen = new Set<number>()): string | undefined {
  if (seen.has(cls.id)) return undefined;
  seen.add(cls.id);
  for (const b of baseNames(cls)) {
    const c = canonical(frame, b);
    if (b === 'object' || b === 'Configuration' || c === 'configurations.Configuration' || c === 'configurations.base.Configuration' || c === 'env_config.Environment') continue;
    const local = frame.classes.get(b);
    const found = local ? importedBase(frame, local, seen) : b;
    if (found) return found;
  }
  return undefined;
}
