/**
 * The header's word for /leden: the only text of nl-members.ts that every page needs. Its own file, because the layout
 * is in the first download (under 100 KB of gzipped JavaScript) and importing nl-members.ts there would bring the
 * texts of the member pages along.
 */
export const nlMembersNav = { members: 'Leden' } as const;
