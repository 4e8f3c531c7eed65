/**
 * The header's "Berichten" link: the only texts of nl-conversations.ts every page needs, in a file of their own
 * because the header is in the first download (see nl-members-nav.ts).
 */
export const nlConversationsNav = {
  nav: 'Berichten',
  /** On a member page and under someone else's post: start a conversation with her. */
  sendMessage: 'Stuur een bericht',
  /** The link's accessible name while conversations have unread messages; it starts with the visible word. */
  unreadName: (n: number) => `Berichten, ${n === 1 ? '1 gesprek' : `${n} gesprekken`} met nieuwe berichten`,
} as const;
