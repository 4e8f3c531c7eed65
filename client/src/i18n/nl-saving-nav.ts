/**
 * The header's word for /bewaard: the only text of nl-saving.ts that every page needs. Its own file, because the
 * layout is in the first download (under 100 KB of gzipped JavaScript) and importing nl-saving.ts there would bring
 * all of that file's texts along, where they now load with the thread, new-thread and bookmarks pages.
 */
export const nlSavingNav = { bookmarks: 'Bewaard' } as const;
