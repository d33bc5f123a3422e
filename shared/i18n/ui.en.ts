// English UI texts (screens, labels, reform explanations). Keys are grouped by screen.
export const uiEn = {
  'app.title': 'Promotion Race',
} as const;
