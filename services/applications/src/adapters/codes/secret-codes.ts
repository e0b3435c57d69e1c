import { randomInt } from 'node:crypto';
import { CROCKFORD } from '../../domain/licence';
import type { SecretCodes } from '../../usecases/handling.ports';

/**
 * Codes people are handed, from the operating system's CSPRNG (crypto.randomInt draws without modulo bias): a
 * licence verification code of 12 Crockford base32 characters (60 bits: not guessable, not enumerable) and a
 * 6-digit pickup code (checked together with the case, at the window, by a clerk).
 */
export const cryptoCodes: SecretCodes = {
  verificationCode: () => Array.from({ length: 12 }, () => CROCKFORD[randomInt(32)]).join(''),
  pickupCode: () => String(randomInt(1_000_000)).padStart(6, '0'),
};
