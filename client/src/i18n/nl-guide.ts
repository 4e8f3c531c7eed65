/** The Wegwijzer as members read it (/wegwijzer) and its links among the search results. */
export const nlGuide = {
  title: 'Wegwijzer',
  intro:
    'Betrouwbare bronnen voor lokale partijen, bijgehouden door het kenniscentrum: wet- en regelgeving, de Kiesraad, handreikingen en opleiders. De links openen websites buiten Plein.',
  empty: 'De Wegwijzer is nog leeg. Het kenniscentrum vult hem binnenkort.',
  emptySection: 'Nog geen links in dit onderwerp.',
  /** Said after a link's text, for whoever cannot see the arrow: it leaves Plein. */
  external: '(externe website)',
  search: {
    heading: 'In de Wegwijzer',
    intro: 'Links die het kenniscentrum heeft verzameld.',
    section: (name: string) => `Onderwerp: ${name}`,
    all: 'Naar de hele Wegwijzer',
    /** For the search's live region, after what it says of the discussions. */
    announce: (n: number) => (n === 1 ? '1 link in de Wegwijzer.' : `${n} links in de Wegwijzer.`),
    noDiscussions: 'Geen discussies gevonden.',
  },
} as const;
