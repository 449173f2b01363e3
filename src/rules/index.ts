/** Every code rule, in ID order. A new rule: add its file here, a fixture in test/rules/<ID>/, a page in docs/rules/<ID>.md. */
import type { Rule } from './rule';
import fileUnscannable from './file-unscannable';
import settingsUnreadable from './settings-unreadable';
import settingsModuleMissing from './settings-module-missing';
import settingsAmbiguous from './settings-ambiguous';
import settingsDynamic from './settings-dynamic';
import suppressionWithoutReason from './suppression-without-reason';
import suppressionUnused from './suppression-unused';
import debugEnabled from './debug-enabled';
import debugOnWhenSet from './debug-on-when-set';
import allowedHostsWildcard from './allowed-hosts-wildcard';
import allowedHostsEmpty from './allowed-hosts-empty';
import allowedHostsBlankFromEnv from './allowed-hosts-blank-from-env';
import secretKeyInDeployFile from './secret-key-in-deploy-file';
import secretKeyLiteral from './secret-key-literal';
import secretKeyLiteralDefault from './secret-key-literal-default';
import secretKeyInsecurePrefix from './secret-key-insecure-prefix';
import secretKeyGeneratedAtImport from './secret-key-generated-at-import';
import secretKeyFallbacksWeak from './secret-key-fallbacks-weak';
import secretKeyLiteralDev from './secret-key-literal-dev';
import sqliteInProduction from './sqlite-in-production';
import connMaxAgeZero from './conn-max-age-zero';
import runserverInProduction from './runserver-in-production';
import staticRootMissing from './static-root-missing';
import deprecatedStorageSettings from './deprecated-storage-settings';
import uploadsOnLocalDisk from './uploads-on-local-disk';
import slowWorkInView from './slow-work-in-view';
import noErrorMonitoring from './no-error-monitoring';
import tracesSampleRateFull from './traces-sample-rate-full';
import sentryDsnLiteral from './sentry-dsn-literal';
import securityMiddlewareMissing from './security-middleware-missing';
import hstsMissing from './hsts-missing';
import hstsSubdomains from './hsts-subdomains';
import hstsPreload from './hsts-preload';
import hstsShort from './hsts-short';
import sslRedirectOff from './ssl-redirect-off';
import sessionCookieInsecure from './session-cookie-insecure';
import csrfCookieInsecure from './csrf-cookie-insecure';
import csrfMiddlewareMissing from './csrf-middleware-missing';
import xFrameOptions from './x-frame-options';
import contentTypeNosniff from './content-type-nosniff';
import sslRedirectWithoutProxyHeader from './ssl-redirect-without-proxy-header';
import proxySslHeaderMalformed from './proxy-ssl-header-malformed';
import loginNotRateLimited from './login-not-rate-limited';
import csrfExempt from './csrf-exempt';
import unsafeHtml from './unsafe-html';
import sqlFromString from './sql-from-string';
import openRedirect from './open-redirect';
import httpWithoutTimeout from './http-without-timeout';
import unsafeDeserialization from './unsafe-deserialization';
import templateUnescaped from './template-unescaped';
import debugPropagateExceptions from './debug-propagate-exceptions';
import corsAllOriginsWithCredentials from './cors-all-origins-with-credentials';
import migrationDropsColumn from './migration-drops-column';
import migrationRenames from './migration-renames';
import migrationAltersColumn from './migration-alters-column';
import migrationNotNullColumn from './migration-not-null-column';
import migrationLocksTable from './migration-locks-table';
import migrationForeignKey from './migration-foreign-key';
import migrationIrreversible from './migration-irreversible';
import migrationImportsModels from './migration-imports-models';

export const RULES: readonly Rule[] = [
  fileUnscannable,
  settingsUnreadable,
  settingsModuleMissing,
  settingsAmbiguous,
  settingsDynamic,
  suppressionWithoutReason,
  suppressionUnused,
  debugEnabled,
  debugOnWhenSet,
  allowedHostsWildcard,
  allowedHostsEmpty,
  allowedHostsBlankFromEnv,
  secretKeyLiteral,
  secretKeyInDeployFile,
  secretKeyLiteralDefault,
  secretKeyInsecurePrefix,
  secretKeyGeneratedAtImport,
  secretKeyFallbacksWeak,
  secretKeyLiteralDev,
  sqliteInProduction,
  connMaxAgeZero,
  runserverInProduction,
  staticRootMissing,
  deprecatedStorageSettings,
  uploadsOnLocalDisk,
  slowWorkInView,
  noErrorMonitoring,
  tracesSampleRateFull,
  sentryDsnLiteral,
  securityMiddlewareMissing,
  hstsMissing,
  hstsSubdomains,
  hstsPreload,
  hstsShort,
  sslRedirectOff,
  sessionCookieInsecure,
  csrfCookieInsecure,
  csrfMiddlewareMissing,
  xFrameOptions,
  contentTypeNosniff,
  sslRedirectWithoutProxyHeader,
  proxySslHeaderMalformed,
  loginNotRateLimited,
  csrfExempt,
  unsafeHtml,
  sqlFromString,
  openRedirect,
  httpWithoutTimeout,
  unsafeDeserialization,
  templateUnescaped,
  debugPropagateExceptions,
  corsAllOriginsWithCredentials,
  migrationDropsColumn,
  migrationRenames,
  migrationAltersColumn,
  migrationNotNullColumn,
  migrationLocksTable,
  migrationForeignKey,
  migrationIrreversible,
  migrationImportsModels,
];
