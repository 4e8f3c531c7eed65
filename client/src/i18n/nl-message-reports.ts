import type { MessageReportAction } from '../../../shared/api/conversations';

/** The moderation queue's section for reported messages in private conversations: staff only (vite.config.ts STAFF_CODE). */
export const nlMessageReports = {
  title: 'Gerapporteerde privéberichten',
  intro: 'Berichten uit privégesprekken die een deelnemer heeft gerapporteerd. Zolang een rapport openstaat, kun je het gesprek lezen; de deelnemers zien niet dat je meeleest.',
  empty: 'Er wachten geen gerapporteerde privéberichten.',
  list: 'Gerapporteerde privéberichten, oudste eerst',
  open: (subject: string) => `Gesprek „${subject}” lezen`,
  by: (name: string) => `Bericht van ${name}`,
  formerMember: 'een oud-lid',
  reportedBy: (name: string) => `gerapporteerd door ${name}`,
  reporterGone: 'gerapporteerd door een oud-lid',
  deleted: 'Dit bericht is al verwijderd.',
  actions: { delete_message: 'Bericht verwijderen', dismiss: 'Afwijzen' } satisfies Record<MessageReportAction, string>,
  resolved: { delete_message: 'Het bericht is verwijderd.', dismiss: 'Het rapport is afgewezen.' } satisfies Record<MessageReportAction, string>,
  confirmTitle: 'Bericht verwijderen',
  confirm: 'De tekst verdwijnt voor alle deelnemers; zij zien alleen dat er een bericht was. Het rapport is daarmee afgehandeld.',
} as const;
