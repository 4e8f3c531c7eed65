import type { JudgedThread } from './types.js';

/** Threads about the party itself: fusing, statutes, the members' meeting, the board, members and money. */
export const PARTY_THREADS: readonly JudgedThread[] = [
  {
    key: 'fusie-stappen',
    category: 'fuseren',
    title: 'Samengaan met de buurpartij: waar beginnen we?',
    body: 'Onze partij en een lokale partij uit het dorp naast ons praten over een fusie. Beide besturen zijn enthousiast, maar niemand weet welke stappen eerst komen. Wie heeft dit al eens gedaan?',
    replies: [
      'Begin met een werkgroep uit beide partijen en een tijdpad. Daarna de statuten naast elkaar leggen en pas dan naar de leden.',
      'Wij zijn vorig jaar gefuseerd. Tip: laat beide ALV\'s vroeg meepraten, anders voelen leden zich gepasseerd.',
    ],
  },
  {
    key: 'fusie-naam',
    category: 'fuseren',
    title: 'Welke naam kies je als twee partijen één worden?',
    body: 'Na maanden praten zijn we eruit: we gaan samen verder. Alleen de nieuwe partijnaam levert eindeloze discussie op. Houden jullie een van de oude namen aan of kies je iets nieuws?',
    replies: [
      'Wij kozen een nieuwe naam en een nieuw logo, zodat niemand zich de verliezer voelde.',
      'Let op: een nieuwe aanduiding moet je tijdig registreren voor de verkiezingen.',
    ],
  },
  {
    key: 'fusie-leden-tegen',
    category: 'fuseren',
    title: 'Een deel van de leden is tegen de fusie',
    body: 'Ons bestuur wil fuseren met een andere lokale partij, maar een luidruchtige groep leden is fel tegen. Volgens de statuten is een tweederdemeerderheid nodig. Hoe hebben jullie de leden meegekregen?',
    replies: [
      'Organiseer eerst een ledenraadpleging zonder stemming, dan hoor je de bezwaren voordat het erop aankomt.',
      'Bij ons haalde het voorstel de tweederdemeerderheid niet. Een jaar later wel, na betere uitleg.',
    ],
  },
  {
    key: 'fusie-notaris',
    category: 'fuseren',
    title: 'Notaris en akte bij het samenvoegen van verenigingen',
    body: 'Wat kost een notaris voor een juridische fusie van twee verenigingen? We hebben een fusievoorstel, en daarna volgt een statutenwijziging van de verkrijgende vereniging.',
    replies: [
      'Reken op enkele honderden euro\'s voor de akte, meer als de notaris ook de nieuwe statuten schrijft.',
      'Vraag drie offertes. Een fusieakte is standaardwerk voor de meeste notarissen.',
    ],
  },
  {
    key: 'statuten-wijzigen',
    category: 'bestuur-en-organisatie',
    title: 'Welke meerderheid is nodig om de statuten te wijzigen?',
    body: 'Wij willen de statuten aanpassen zodat de ALV ook digitaal kan vergaderen. In onze statuten staat een tweederdemeerderheid in een vergadering waar de helft van de leden aanwezig is. Klopt het dat daarna nog een notaris nodig is?',
    replies: [
      'Ja, een wijziging van de statuten wordt pas geldig met een notariële akte.',
      'Zet het voorstel letterlijk in de oproeping, anders is het besluit aanvechtbaar.',
    ],
  },
  {
    key: 'huishoudelijk-reglement',
    category: 'bestuur-en-organisatie',
    title: 'Wat zet je in het huishoudelijk reglement en wat in de statuten?',
    body: 'We schrijven een huishoudelijk reglement. Wat hoort erin: de procedure voor de kandidatenlijst, de taken van het bestuur, declaraties? En wat moet juist in de statuten blijven?',
    replies: ['Alles wat vaak verandert in het reglement, want dat wijzig je zonder notaris. Grondregels in de statuten.'],
  },
  {
    key: 'alv-online',
    category: 'bestuur-en-organisatie',
    title: 'Algemene ledenvergadering online houden',
    body: 'Veel leden komen niet meer naar de ledenvergadering in het buurthuis. Wie houdt de ALV online of hybride, en hoe regel je het stemmen dan betrouwbaar?',
    replies: [
      'Wij gebruiken een videogesprek en een stemtool met een persoonlijke code per lid.',
      'Check eerst of jullie statuten elektronisch stemmen toestaan.',
    ],
  },
  {
    key: 'alv-quorum',
    category: 'bestuur-en-organisatie',
    title: 'Quorum niet gehaald op de ledenvergadering',
    body: 'Op onze laatste ALV waren maar twaalf leden. Het quorum voor het besluit over de begroting van de vereniging werd niet gehaald. Wat nu?',
    replies: ['Meestal mag je een tweede vergadering bijeenroepen waar het quorum niet geldt. Staat dat in jullie statuten?'],
  },
  {
    key: 'bestuur-vacature',
    category: 'bestuur-en-organisatie',
    title: 'Nieuwe penningmeester gezocht, niemand meldt zich',
    body: 'Onze penningmeester stopt na acht jaar. Niemand wil het overnemen. Hoe maken jullie een bestuursfunctie aantrekkelijk?',
    replies: [
      'Knip de taak op: een boekhouder voor de administratie en een penningmeester voor het overzicht.',
      'Vraag leden persoonlijk. Een oproep in de nieuwsbrief levert nooit iets op.',
    ],
  },
  {
    key: 'kascommissie',
    category: 'bestuur-en-organisatie',
    title: 'Wat controleert de kascommissie precies?',
    body: 'Ik zit sinds kort in de kascommissie van onze afdeling. Wat moet ik controleren voordat de ALV de penningmeester decharge verleent?',
    replies: ['Bankafschriften tegen de boekhouding, bonnetjes van declaraties en of giften volgens de regels zijn geregistreerd.'],
  },
  {
    key: 'vog-bestuurders',
    category: 'bestuur-en-organisatie',
    title: 'Moeten bestuursleden een VOG hebben?',
    body: 'Een lid vraagt of ons bestuur een verklaring omtrent het gedrag moet overleggen. Is dat verplicht voor bestuurders van een politieke vereniging?',
    replies: ['Niet verplicht, maar het is wel een goede gewoonte. De gemeente vraagt het ook aan wethouders.'],
  },
  {
    key: 'contributie-hoogte',
    category: 'fondsenwerving',
    title: 'Hoe hoog is jullie contributie?',
    body: 'Wij vragen vijfentwintig euro per jaar. Het bestuur wil naar veertig. Wat betalen leden bij jullie, en hebben jullie een studententarief?',
    replies: ['Bij ons dertig euro, jongeren tot 27 betalen tien.', 'Een verhoging kost altijd een paar leden. Leg goed uit waar het geld heen gaat.'],
  },
  {
    key: 'donaties-regels',
    category: 'fondsenwerving',
    title: 'Regels voor giften en donaties aan een lokale partij',
    body: 'Een ondernemer wil onze partij vijfduizend euro geven. Mag dat zomaar? Ik las iets over de Wet financiering politieke partijen en een grens waarboven een gift openbaar moet.',
    replies: [
      'Lokale partijen vallen niet onder alle regels van die wet, maar wees open over grote donaties. Dat voorkomt gedoe.',
      'Leg in een reglement vast welke giften je aanneemt en publiceer ze op de website.',
    ],
  },
  {
    key: 'crowdfunding',
    category: 'fondsenwerving',
    title: 'Crowdfunding voor de campagne: ervaringen?',
    body: 'Onze kas is bijna leeg en de verkiezingen komen eraan. Wie heeft crowdfunding gebruikt voor fondsenwerving? Welk platform, en hoeveel haalde het op?',
    replies: ['Wij haalden 2.300 euro op met een actie van vier weken. Beloon donateurs met een bedankje op de website.'],
  },
  {
    key: 'sponsoring-bedrijven',
    category: 'fondsenwerving',
    title: 'Sponsoring door lokale ondernemers',
    body: 'Een garagebedrijf wil onze verkiezingsavond sponsoren in ruil voor een logo op de flyer. Doen jullie aan sponsoring, of is dat vragen om problemen?',
    replies: ['Een sponsor mag nooit iets terugverwachten van de fractie. Leg dat op papier vast.'],
  },
  {
    key: 'ledenwerving-ideeen',
    category: 'ledenwerving',
    title: 'Ideeën voor ledenwerving in een kleine gemeente',
    body: 'We hebben 60 leden in een gemeente van 15.000 inwoners. Wat werkt om nieuwe leden te werven? Een wervingsactie op de markt leverde vorig jaar drie aanmeldingen op.',
    replies: [
      'Persoonlijk vragen werkt het beste: elk lid neemt iemand mee naar een thema-avond.',
      'Laat zien wat de fractie bereikt heeft. Mensen worden lid van resultaten, niet van een folder.',
    ],
  },
  {
    key: 'jongeren-betrekken',
    category: 'ledenwerving',
    title: 'Hoe krijgen we jongeren bij de partij?',
    body: 'De gemiddelde leeftijd van onze leden is 64. Hoe bereiken jullie mensen onder de dertig, en hoe zorg je dat ze ook echt lid worden?',
    replies: [
      'Wij startten een jongerenafdeling met een eigen budget. Jongeren willen iets te doen hebben, geen vergadering.',
      'Een gratis lidmaatschap voor het eerste jaar hielp bij ons.',
    ],
  },
  {
    key: 'vrijwilligers-vasthouden',
    category: 'ledenwerving',
    title: 'Vrijwilligers vasthouden na de verkiezingen',
    body: 'Tijdens de campagne hadden we veertig vrijwilligers. Nu zijn er nog vijf over. Hoe houden jullie vrijwilligers betrokken tussen twee verkiezingen?',
    replies: ['Geef ze een vaste taak en bedank ze zichtbaar. Een jaarlijkse vrijwilligersavond doet wonderen.'],
  },
  {
    key: 'leden-opzeggen',
    category: 'ledenwerving',
    title: 'Veel opzeggingen na de gemeenteraadsverkiezingen',
    body: 'Sinds de uitslag hebben twintig mensen hun lidmaatschap opgezegd. Bellen jullie mensen die opzeggen, en wat vraag je dan?',
    replies: ['Wij bellen iedereen. Vaak is het geld of teleurstelling over een keuze van de fractie.'],
  },
  {
    key: 'welkomstpakket',
    category: 'ledenwerving',
    title: 'Nieuwe leden welkom heten',
    body: 'Als iemand zich aanmeldt sturen wij alleen een factuur voor de contributie. Hoe heten jullie nieuwe leden welkom?',
    replies: [
      'Een welkomstmail van de voorzitter en een uitnodiging voor een kennismakingsavond.',
      'Wij koppelen elk nieuw lid aan een maatje uit de fractie.',
    ],
  },
  {
    key: 'privacy-ledenlijst',
    category: 'bestuur-en-organisatie',
    title: 'AVG en de ledenadministratie',
    body: 'Onze ledenlijst staat in een spreadsheet die het halve bestuur heeft. Volgens een lid mag dat niet onder de privacywet. Wat moeten we regelen?',
    replies: [
      'Beperk wie de persoonsgegevens ziet, leg vast hoe lang je ze bewaart en sluit een verwerkersovereenkomst met je mailprogramma.',
      'Politieke voorkeur is een bijzonder persoonsgegeven. Wees er extra zuinig op.',
    ],
  },
  {
    key: 'privacy-nieuwsbrief',
    category: 'algemeen',
    title: 'Mag ik oud-leden nog een nieuwsbrief sturen?',
    body: 'We willen oud-leden en sympathisanten mailen. Heb ik daar toestemming voor nodig? Onze privacyverklaring zegt er niets over.',
    replies: ['Zonder toestemming niet voor sympathisanten. Voor leden is het lidmaatschap de grondslag, voor oud-leden niet meer.'],
  },
];
