import type { RetentionDays } from '../../../shared/api/site';

/** The AVG parts: data export, account deletion, the privacy statement. Part of the Dutch catalogue (see nl.ts). */

const days = (n: number) => (n === 1 ? '1 dag' : n % 365 === 0 ? (n === 365 ? '1 jaar' : `${n / 365} jaar`) : `${n} dagen`);

export const nlPrivacy = {
  exports: {
    title: 'Mijn gegevens downloaden',
    intro:
      'Download alles wat Plein over je bewaart: je profiel, je berichten met eerdere versies, je meldingen, bladwijzers, concepten en meer, in één bestand (JSON). We zetten het voor je klaar; je krijgt bericht als het klaarstaat.',
    request: 'Gegevens opvragen',
    confirmTitle: 'Je gegevens opvragen',
    confirmText: 'Vul je wachtwoord in. Het bestand blijft 7 dagen te downloaden en wordt daarna verwijderd.',
    requested: 'Gevraagd. We zetten je gegevens klaar.',
    listLabel: 'Opgevraagde gegevens',
    status: { pending: 'Wordt klaargezet…', ready: 'Klaar', failed: 'Mislukt. Vraag ze opnieuw op.' } as const,
    askedOn: (date: string) => `Gevraagd op ${date}`,
    download: 'Downloaden',
    downloadLabel: (date: string) => `Downloaden: gegevens van ${date}`,
    until: (date: string) => `Te downloaden tot ${date}.`,
  },
  deletion: {
    title: 'Account verwijderen',
    intro:
      'Verwijder je account en alles wat Plein over je bewaart. Je e-mailadres, wachtwoord, profielfoto, meldingen, bladwijzers, concepten, reacties en instellingen worden verwijderd. Dit kan niet ongedaan worden gemaakt.',
    start: 'Account verwijderen…',
    choiceLegend: 'Wat gebeurt er met je berichten?',
    keep: 'Laat ze staan, zonder mijn naam, partij en gemeente: als „Oud-lid”',
    remove: 'Verwijder ook de tekst; er blijft „Dit bericht is verwijderd op verzoek van de schrijver” staan',
    keepHint: 'Zo blijven discussies te volgen voor anderen.',
    warning: 'Let op: je account is daarna meteen weg, op alle apparaten. Wil je eerst je gegevens bewaren? Download ze dan hierboven.',
    confirmTitle: 'Je account definitief verwijderen',
    confirm: 'Definitief verwijderen',
    code: 'Code uit je app',
    codeHint: 'Tweestapsverificatie staat aan: vul ook de code uit je app in.',
    codeEmpty: 'Vul de code uit je app in.',
  },
  deleted: {
    title: 'Je account is verwijderd',
    text: 'Je account en je gegevens zijn verwijderd, en je bent overal uitgelogd. Je berichten staan er nog zoals je koos: als „Oud-lid”, of als verwijderd bericht.',
    home: 'Naar de startpagina',
  },
  moderator: {
    /** Short: the members table must fit beside the other buttons; the accessible name says whose account. */
    button: 'Wissen',
    buttonLabel: (name: string) => `Wissen: account van ${name}`,
    confirm: 'Account verwijderen',
    title: (name: string) => `Account verwijderen: ${name}`,
    reasonLabel: 'Op wiens verzoek en hoe (komt in het logboek)',
    templates: ['Op verzoek van het lid per e-mail', 'Op verzoek van het lid via het kenniscentrum'],
    removeText: 'Ook de tekst van haar berichten verwijderen (zoals het lid vroeg)',
    done: (name: string) => `Het account van ${name} is verwijderd.`,
  },
  statement: {
    title: 'Privacyverklaring',
    intro:
      'Plein is het ledenforum voor lokale politieke partijen. Omdat je lidmaatschap van een partij iets zegt over je politieke voorkeur, is dat een bijzonder persoonsgegeven. We bewaren daarom alleen wat nodig is om het forum te laten werken, en niet langer dan nodig.',
    controller: (name: string | null) =>
      `Verantwoordelijk voor je gegevens (verwerkingsverantwoordelijke): ${name ?? 'de organisatie die dit forum beheert'}.`,
    tableCaption: 'Welke gegevens, waarvoor en hoe lang',
    columns: { kind: 'Gegevens', purpose: 'Waarvoor', retention: 'Hoe lang' },
    rows: (d: RetentionDays) => [
      {
        kind: 'Je account: e-mailadres, versleuteld wachtwoord, naam, partij, gemeente en functie',
        purpose: 'Inloggen, en aan andere leden laten zien wie je bent. Je e-mailadres zien alleen moderatoren. Partij en gemeente kun je verbergen.',
        retention: 'Tot je je account verwijdert.',
      },
      { kind: 'Je profielfoto', purpose: 'Naast je naam tonen.', retention: 'Tot je hem verwijdert of je account verwijdert.' },
      {
        kind: 'Je berichten en discussies, met eerdere versies na een bewerking',
        purpose: 'Het forum zelf; eerdere versies zodat moderatoren misbruik kunnen nagaan.',
        retention: 'Zolang het forum bestaat. Verwijder je je account, dan blijven ze staan als „Oud-lid” zonder naam, partij of gemeente, of verwijderen we ook de tekst als je dat kiest.',
      },
      { kind: 'Je reacties (bedankt, nuttig), bladwijzers, concepten en wat je volgt', purpose: 'Het forum voor jou bijhouden.', retention: 'Tot je ze weghaalt of je account verwijdert.' },
      { kind: 'Tot waar je een discussie gelezen hebt', purpose: 'Nieuwe berichten markeren.', retention: `${days(d.readMarkers)} nadat je de discussie voor het laatst las.` },
      { kind: 'Je meldingen', purpose: 'Je laten weten wat er voor jou gebeurde.', retention: `Gelezen meldingen ${days(d.readNotifications)}.` },
      {
        kind: 'E-mail aan jou en je e-mailvoorkeuren, en wanneer je voor het laatst op Plein was',
        purpose: 'Je mailen zoals je wilt, en niet over wat je al zag. Onze mails hebben geen trackers.',
        retention: `Een mail staat in de wachtrij tot hij verstuurd is (na ${days(d.unsentMail)} geven we het op); wanneer we je over een discussie mailden: ${days(d.mailLog)}.`,
      },
      {
        kind: 'Sessies (een cookie die je ingelogd houdt)',
        purpose: 'Ingelogd blijven. Geen cookies van anderen, geen trackers.',
        retention: `Tot je uitlogt, na ${days(d.sessionIdle)} zonder bezoek, of uiterlijk ${days(d.sessionAbsolute)} na het inloggen.`,
      },
      { kind: 'Links in mails (wachtwoord herstellen, e-mailadres bevestigen)', purpose: 'Je account veilig herstellen of bevestigen.', retention: `${days(d.accountTokens)} nadat ze gebruikt zijn of verlopen.` },
      {
        kind: 'Tweestapsverificatie: de sleutel van je app en herstelcodes',
        purpose: 'Je account extra beveiligen.',
        retention: `Tot je het uitzet; gebruikte herstelcodes ${days(d.usedRecoveryCodes)}.`,
      },
      {
        kind: 'Meldingen die je over berichten doet, en moderatiebesluiten',
        purpose: 'Het forum netjes houden. Wie een bericht meldde, ziet de schrijver nooit.',
        retention: 'Het moderatielogboek blijft bewaard; na het verwijderen van een account noemt het die naam niet meer.',
      },
      { kind: 'Je gegevens om te downloaden', purpose: 'Je inzage geven in alles wat we bewaren.', retention: `${days(d.exports)}.` },
      {
        kind: 'Technisch logboek van de server',
        purpose: 'Storingen opsporen. Zonder IP-adressen, e-mailadressen, wachtwoorden, sessiecodes, berichtteksten of zoektermen.',
        retention: '30 dagen.',
      },
    ],
    rightsTitle: 'Je rechten',
    rights: [
      'Inzien: download al je gegevens bij Mijn account („Mijn gegevens downloaden”).',
      'Aanpassen: je naam, partij, gemeente en voorkeuren wijzig je zelf bij Mijn account.',
      'Verwijderen: verwijder je account bij Mijn account, of vraag het een moderator.',
      'Ben je het niet eens met hoe we met je gegevens omgaan? Neem contact met ons op, of dien een klacht in bij de Autoriteit Persoonsgegevens.',
    ],
    contact: 'Vragen over je gegevens?',
  },
} as const;
