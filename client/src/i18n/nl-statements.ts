/** The accessibility statement (the privacy statement: nl-privacy.ts): part of the Dutch catalogue (see nl.ts), loaded with those pages only. */
export const nlStatements = {
  accessibility: {
    title: 'Toegankelijkheid',
    paragraphs: [
      'Plein wil voor iedereen bruikbaar zijn. We bouwen de site volgens de richtlijnen WCAG 2.1 op niveau AA, zoals dat voor Nederlandse overheidsorganisaties verplicht is.',
      'Alles werkt met alleen een toetsenbord; de focus is steeds zichtbaar. Na elke paginawissel staat de focus op de hoofdkop. Nieuwe reacties die live binnenkomen worden rustig voorgelezen door schermlezers, zonder dat de pagina verspringt.',
      'Elke pagina wordt automatisch getest met axe-core. De site werkt op een telefoon van 375 pixels breed en op een groot scherm, en houdt zich aan voldoende kleurcontrast.',
    ],
    contact: 'Loop je toch tegen een probleem aan? Laat het ons weten; we reageren binnen vijf werkdagen.',
  },
} as const;
