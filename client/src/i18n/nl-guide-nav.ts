/** The header's word for /wegwijzer: its own file, so the layout (in the first download) takes no other texts along. */
export const nlGuideNav = { guide: 'Wegwijzer' } as const;
