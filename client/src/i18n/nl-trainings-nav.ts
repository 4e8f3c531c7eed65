/**
 * The header's word for /trainingen: its own file, because the layout is in the first download (under 100 KB of
 * gzipped JavaScript) and importing nl-trainings.ts there would bring all of that file's texts along.
 */
export const nlTrainingsNav = { trainings: 'Trainingen' } as const;
