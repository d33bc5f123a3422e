// The server's clock: the only source of time for sessions (the rules never read it themselves).
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
