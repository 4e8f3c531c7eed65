/** Members' pages and the @-autocomplete: part of the Dutch catalogue (see nl.ts). */
export const nlMembers = {
  page: {
    party: 'Partij',
    municipality: 'Gemeente',
    role: 'Functie',
    noRole: 'Geen functie opgegeven',
    verified: 'geverifieerd door de moderatoren',
    since: 'Lid sinds',
  },
  suggest: {
    /** The listbox's accessible name. */
    label: 'Leden om te noemen',
    /** Said (politely) when the list opens or changes. */
    count: (n: number) => (n === 1 ? '1 lid gevonden. Kies met pijltje omlaag en Enter.' : `${n} leden gevonden. Kies met pijltjes omhoog en omlaag en Enter.`),
    none: 'Geen leden gevonden.',
  },
  /** The composer's help: how to mention and how to quote (the form the Citeren button writes). */
  composerHelp: 'Noem een lid met @ en de naam.',
  /** The line above a quote that links to the quoted post: "> [Anna schreef](/discussie/12#bericht-34):". */
  quoteAttribution: (name: string) => `${name} schreef`,
};
