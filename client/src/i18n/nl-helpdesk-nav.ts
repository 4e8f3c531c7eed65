/**
 * The header's "Kenniscentrum" link (trainings, the Wegwijzer and the helpdesk under one item): its own file, because
 * the layout is in the first download and importing nl-helpdesk.ts there would bring all of that file's texts along.
 */
export const nlHelpdeskNav = {
  nav: 'Kenniscentrum',
  /** The link's accessible name while answers wait unread; it starts with the visible word. */
  unreadName: (n: number) => `Kenniscentrum, ${n === 1 ? '1 vraag' : `${n} vragen`} met een nieuw antwoord`,
} as const;
