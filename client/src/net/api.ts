// HTTP calls to the game server, with replies parsed by the shared schemas.
import { z } from 'zod';
import {
  CreateSessionReplySchema,
  JoinReplySchema,
  NetworkInfoSchema,
  SessionInfoSchema,
  type CreateSessionReply,
  type JoinReply,
  type NetworkInfo,
  type SessionInfo,
} from '../../../shared/protocol/http.js';
import { saveBlob } from '../ui/files.js';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

const ErrorReplySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.string()).optional() }),
});

async function call<T>(schema: z.ZodType<T>, path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } });
  } catch {
    throw new ApiError('TIMEOUT', 'network error');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ErrorReplySchema.safeParse(body);
    if (err.success) throw new ApiError(err.data.error.code, err.data.error.message, err.data.error.details ?? []);
    throw new ApiError(res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', `HTTP ${res.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('INTERNAL', 'unexpected reply from the server');
  return parsed.data;
}

export function sessionInfo(code: string): Promise<SessionInfo> {
  return call(SessionInfoSchema, `/api/sessions/${encodeURIComponent(code)}`);
}

/** Joins; `cmdId` makes a retry (here after a network error, or the user's next try) answer the same seat. */
export function joinSession(code: string, name: string, cmdId: string, tries = 3): Promise<JoinReply> {
  return call(JoinReplySchema, `/api/sessions/${encodeURIComponent(code)}/join`, {
    method: 'POST',
    body: JSON.stringify({ name, cmdId }),
  }).catch((e: unknown) => {
    if (tries > 1 && e instanceof ApiError && e.code === 'TIMEOUT') return joinSession(code, name, cmdId, tries - 1);
    throw e;
  });
}

export function createSession(body: {
  preset?: string;
  config?: Record<string, unknown>;
  seed?: string;
}): Promise<CreateSessionReply> {
  return call(CreateSessionReplySchema, '/api/sessions', { method: 'POST', body: JSON.stringify(body) });
}

/** Where phones in the room can reach the server (PUBLIC_URL; LAN addresses when asked from the machine itself). */
export function fetchNetwork(): Promise<NetworkInfo> {
  return call(NetworkInfoSchema, '/api/network');
}

/** Downloads an export with the host token (header, not URL) and saves it as a file. */
export async function downloadExport(code: string, hostToken: string, path: string, filename: string): Promise<void> {
  const res = await fetch(`/api/sessions/${encodeURIComponent(code)}/${path}`, {
    headers: { authorization: `Bearer ${hostToken}` },
  });
  if (!res.ok) throw new ApiError(res.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL', `HTTP ${res.status}`);
  saveBlob(await res.blob(), filename);
}

/** Fetches an export as JSON (for the debrief view). */
export async function fetchExportJson(code: string, hostToken: string): Promise<unknown> {
  const res = await fetch(`/api/sessions/${encodeURIComponent(code)}/export.json`, {
    headers: { authorization: `Bearer ${hostToken}` },
  });
  if (!res.ok) throw new ApiError(res.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL', `HTTP ${res.status}`);
  return res.json();
}
