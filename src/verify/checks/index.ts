/** The nine live-site checks, in the order the README's table lists them, and every rule they report. */
import type { RuleMeta } from '../../finding';
import type { LiveCheck } from '../types';
import { adminCheck } from './admin';
import { certificateCheck } from './certificate';
import { cookiesCheck } from './cookies';
import { debugCheck } from './debug';
import { errorHeadersCheck } from './error-headers';
import { headersCheck } from './headers';
import { hstsCheck } from './hsts';
import { redirectCheck } from './redirect';
import { staticCheck } from './static';

export const LIVE_CHECKS: readonly LiveCheck[] = [redirectCheck, certificateCheck, hstsCheck, headersCheck, cookiesCheck, debugCheck, errorHeadersCheck, staticCheck, adminCheck];

export const VERIFY_RULES: readonly RuleMeta[] = LIVE_CHECKS.flatMap((c) => c.rules);
