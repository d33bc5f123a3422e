// English UI texts of the projector screens.
export const projectorEn = {
} as const;
