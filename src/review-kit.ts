/**
 * What the review page (demo/) needs besides the element, as one small module
 * (`dist/review-kit.js`): its catalogue in both languages, and the core's formatting, names and
 * envelope rules, so the page words and reads recordings exactly as the player does.
 */
import type { Locale } from './i18n/locale.js';
import { reviewEn } from './i18n/review/review-en.js';
import type { ReviewMessages } from './i18n/review/review-messages.js';
import { reviewZhCN } from './i18n/review/review-zh-CN.js';

export function reviewMessages(locale: Locale): ReviewMessages {
  return locale === 'zh-CN' ? reviewZhCN : reviewEn;
}

export { resolveLocale, type Locale } from './i18n/locale.js';
export { ownerName } from './i18n/review/owner-name.js';
export type { ReviewMessages } from './i18n/review/review-messages.js';
export { formatClock, formatClockMs, formatClockTenths } from './core/format/clock.js';
export { unwrapEnvelope } from './core/recording/envelope.js';
export { schemeOf } from './core/recording/media-url.js';
