// English UI texts of the projector (big screen).
export const projectorEn = {
  'projector.join': 'Join the game',
  'projector.qrLabel': 'QR code for {url}',
  'projector.joined': '{n} students have joined',
  'projector.decided': '{n} of {of} regions have decided',
  'projector.leaderboard': 'Leaderboard (promotion rule in force)',
  'projector.termScore': 'Score this term',
  'projector.total': 'Total output {total} after round {round}.',
} as const;
