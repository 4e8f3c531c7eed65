import type { CategoryWatchLevel, MailFrequency, MailKind, ThreadWatchLevel } from '../../../shared/constants';
import { FIELD_LABELS } from '../../../shared/field-labels';

/**
 * Following threads and categories, and the mail preferences on the account page: part of the Dutch catalogue (see
 * nl.ts), loaded with the thread, category and account pages only.
 */
export const nlWatching = {
  thread: {
    /** The disclosure's summary, with the level in force: "Meldingen over deze discussie: Normaal". */
    summary: 'Meldingen over deze discussie',
    legend: 'Wat wil je horen over deze discussie?',
    levels: { watching: 'Volgen', normal: 'Normaal', ignoring: 'Negeren' } satisfies Record<ThreadWatchLevel, string>,
    explain: {
      watching: 'Je krijgt een melding bij elke nieuwe reactie.',
      normal: 'Je krijgt alleen een melding als iemand op je bericht reageert, je citeert of je noemt.',
      ignoring: 'Je krijgt geen enkele melding uit deze discussie, ook niet als iemand je noemt.',
    } satisfies Record<ThreadWatchLevel, string>,
    saved: {
      watching: 'Opgeslagen: je volgt deze discussie.',
      normal: 'Opgeslagen: je hoort alleen van reacties op je berichten, citaten en vermeldingen.',
      ignoring: 'Opgeslagen: je negeert deze discussie.',
    } satisfies Record<ThreadWatchLevel, string>,
  },
  category: {
    summary: 'Meldingen over deze categorie',
    legend: 'Wil je horen van nieuwe discussies in deze categorie?',
    levels: { watching: 'Volgen', normal: 'Normaal' } satisfies Record<CategoryWatchLevel, string>,
    explain: {
      watching: 'Je krijgt een melding bij elke nieuwe discussie in deze categorie.',
      normal: 'Je krijgt geen melding van nieuwe discussies; wel van discussies die je zelf volgt.',
    } satisfies Record<CategoryWatchLevel, string>,
    saved: {
      watching: 'Opgeslagen: je hoort van elke nieuwe discussie in deze categorie.',
      normal: 'Opgeslagen: je hoort niet meer van nieuwe discussies in deze categorie.',
    } satisfies Record<CategoryWatchLevel, string>,
  },
  busy: 'Bezig met opslaan…',
  settings: {
    title: 'Meldingen en e-mail',
    intro: 'Wat je in het forum hoort zie je bij Meldingen. Hier kies je hoe vaak je daarover ook een e-mail krijgt.',
    autoWatch: FIELD_LABELS.autoWatch,
    autoWatchHint: 'Je krijgt dan een melding bij elke nieuwe reactie in een discussie die je begint of waarin je reageert. Per discussie kun je dat altijd nog wijzigen.',
    mailLegend: 'E-mail over',
    mailHint: 'Direct: binnen een paar minuten, als je niet op het forum bent. Dagelijks en wekelijks: één overzicht.',
    kinds: {
      replies: FIELD_LABELS['mail.replies'],
      mentions: FIELD_LABELS['mail.mentions'],
      watching: FIELD_LABELS['mail.watching'],
      categories: FIELD_LABELS['mail.categories'],
      messages: FIELD_LABELS['mail.messages'],
    } satisfies Record<MailKind, string>,
    frequencies: { direct: 'Direct', daily: 'Dagelijks', weekly: 'Wekelijks', never: 'Nooit' } satisfies Record<MailFrequency, string>,
    save: 'Instellingen opslaan',
    saving: 'Bezig met opslaan…',
    saved: 'Je instellingen voor meldingen en e-mail zijn opgeslagen.',
    unchanged: 'Je hebt niets gewijzigd.',
  },
} as const;
