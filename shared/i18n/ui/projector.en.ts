// English UI texts of the projector (big screen).
export const projectorEn = {
  'projector.join': 'Join the game',
  'projector.qrLabel': 'QR code for {url}',
  'projector.joined': '{n} students have joined',
  'projector.decided': '{n} of {of} regions have decided',
  'projector.leaderboard': 'Leaderboard (promotion rule in force)',
  'projector.termScore': 'Score this term',
  'projector.total': 'Total output {total} after round {round}.',
  'projector.token.missing': 'This big-screen link is incomplete',
  'projector.token.wrong': 'This big-screen link is not valid',
  'projector.token.why':
    'The big screen needs the full link from the instructor console: it ends with a secret part after “#” that was cut off or mistyped.',
  'projector.token.step1': 'Open the instructor console of session {code} (the link you got when you created it).',
  'projector.token.step2': 'Go to the “Join & links” tab and copy the “Big-screen link”.',
  'projector.token.step3': 'Open that link on this computer.',
  'projector.token.students': 'Students join at {url}; this page is only for the projector.',
} as const;
