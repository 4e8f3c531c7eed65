/** The accessibility and privacy statements: part of the Dutch catalogue (see nl.ts), loaded with those pages only. */
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
  privacy: {
    title: 'Privacy',
    paragraphs: [
      'Plein bewaart alleen wat nodig is om het forum te laten werken.',
      'Van je account: je e-mailadres (om in te loggen), een versleutelde vorm van je wachtwoord (nooit het wachtwoord zelf), je naam, partij, gemeente en eventueel je rol. Andere leden zien je naam, partij, gemeente en rol; je e-mailadres zien alleen moderatoren.',
      'Van je berichten: de tekst, eerdere versies na een bewerking (zodat moderatoren misbruik kunnen nagaan) en welke berichten je gelezen hebt (voor de markering van nieuwe berichten).',
      'Voor meldingen en e-mail: welke discussies en categorieën je volgt of negeert, je keuzes voor e-mail, wanneer je voor het laatst op Plein was (zodat we je niet mailen over wat je al gezien hebt) en welke meldingen je gelezen hebt. Een e-mail die nog verstuurd moet worden staat kort in een wachtrij en wordt na verzending gewist. Onze e-mails bevatten geen trackers of externe afbeeldingen; afmelden kan met één klik, zonder in te loggen.',
      'Sessies: een cookie die je ingelogd houdt. We gebruiken geen cookies van anderen en geen trackers. Meldingen en moderatiebesluiten worden bewaard in een logboek dat niet gewijzigd kan worden.',
      'Om storingen op te sporen houdt de server een technisch logboek bij: welk soort verzoek er binnenkwam, wanneer, en of het lukte. Daarin staan geen IP-adressen, e-mailadressen, wachtwoorden, sessiecodes, berichtteksten of zoektermen. Dit logboek wordt na 30 dagen verwijderd.',
    ],
    contact: 'Wil je je gegevens inzien of laten verwijderen?',
  },
} as const;
