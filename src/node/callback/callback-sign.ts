/**
 * The recording service signs each callback: `Sign = md5(CallbackKey + ExpireTime)` in lower-case
 * hex, `ExpireTime` in Unix seconds. A body whose Sign does not match, or whose time has passed,
 * is refused with the reason.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type SignCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function expectedSign(callbackKey: string, expireTime: string | number): string {
  return createHash('md5').update(`${callbackKey}${expireTime}`).digest('hex');
}

export function checkCallbackSign(body: Record<string, unknown>, callbackKey: string, nowS: number): SignCheck {
  const expireTime = body['ExpireTime'];
  const sign = body['Sign'];
  if (typeof sign !== 'string' || sign === '') return { ok: false, reason: 'no Sign in the body' };
  const expireText = typeof expireTime === 'number' && Number.isSafeInteger(expireTime) ? String(expireTime) : typeof expireTime === 'string' && /^\d+$/.test(expireTime) ? expireTime : undefined;
  if (expireText === undefined) return { ok: false, reason: 'no valid ExpireTime (Unix seconds) in the body' };

  const expected = Buffer.from(expectedSign(callbackKey, expireText));
  const given = Buffer.from(sign);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'Sign does not match md5(CallbackKey + ExpireTime)' };
  if (Number(expireText) < nowS) return { ok: false, reason: `expired: ExpireTime ${expireText} has passed` };
  return { ok: true };
}
