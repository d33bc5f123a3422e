// Secrets: host, seat and projector tokens are random; only their SHA-256 hashes are stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

// Join codes avoid characters that are easy to confuse when read off a projector (0/O, 1/I/L, 5/S, 8/B, 2/Z).
const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

export function newJoinCode(): string {
  const bytes = randomBytes(CODE_LENGTH * 2);
  let out = '';
  for (let k = 0; out.length < CODE_LENGTH && k < bytes.length; k++) {
    const v = bytes[k] as number;
    // Rejection sampling keeps every character equally likely.
    if (v < 250) out += CODE_ALPHABET[v % CODE_ALPHABET.length];
  }
  return out.length === CODE_LENGTH ? out : newJoinCode();
}

export function normaliseCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s-]/g, '');
}
