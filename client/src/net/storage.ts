// Tokens kept on this device so that a refresh, a closed tab or a sleeping phone returns to the same seat.

type Kind = 'seat' | 'host' | 'projector';

function key(kind: Kind, code: string): string {
  return `pr.${kind}.${code.toUpperCase()}`;
}

export function saveToken(kind: Kind, code: string, token: string): void {
  try {
    localStorage.setItem(key(kind, code), token);
  } catch {
    sessionMemory.set(key(kind, code), token);
  }
}

export function loadToken(kind: Kind, code: string): string | null {
  try {
    return localStorage.getItem(key(kind, code)) ?? sessionMemory.get(key(kind, code)) ?? null;
  } catch {
    return sessionMemory.get(key(kind, code)) ?? null;
  }
}

export function forgetToken(kind: Kind, code: string): void {
  try {
    localStorage.removeItem(key(kind, code));
  } catch {
    // ignore
  }
  sessionMemory.delete(key(kind, code));
}

/** The last session this device joined as a student (to offer "rejoin"). */
export function lastStudentCode(): string | null {
  try {
    return localStorage.getItem('pr.lastCode');
  } catch {
    return null;
  }
}

export function rememberStudentCode(code: string): void {
  try {
    localStorage.setItem('pr.lastCode', code.toUpperCase());
  } catch {
    // ignore
  }
}

const sessionMemory = new Map<string, string>();

/** Reads a token from the URL fragment (#token), stores it, and removes it from the address bar. */
export function takeTokenFromHash(kind: Kind, code: string): string | null {
  const raw = location.hash.replace(/^#/, '');
  if (raw.length >= 16) {
    saveToken(kind, code, raw);
    history.replaceState(null, '', location.pathname + location.search);
    return raw;
  }
  return loadToken(kind, code);
}
