// Socket.IO room names: one per role of a session, one per region (its students share one view), one per seat.
export const rooms = {
  host: (code: string) => `${code}|host`,
  projector: (code: string) => `${code}|proj`,
  region: (code: string, world: number, region: string) => `${code}|w${world}|${region}`,
  seat: (code: string, seatId: string) => `${code}|seat|${seatId}`,
};

/** Protocol version 2 sockets get patches: they wait in rooms of their own beside the version 1 rooms. */
export function roomFor(room: string, protocol: 1 | 2): string {
  return protocol === 2 ? `${room}|v2` : room;
}
