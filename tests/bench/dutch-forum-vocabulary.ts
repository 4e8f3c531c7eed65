/**
 * The words and sentences of the generated forum text (dutch-forum-text.ts): per subject its nouns (most important
 * first), titles and sentences, and the general material every thread draws on.
 */

/** A noun with its article, so sentences read "de fusie" and "het fusieproces". */
export type Noun = readonly [article: 'de' | 'het', word: string];

export interface Topic {
  category: string;
  /** Most important first (picked most often). */
  nouns: readonly Noun[];
  titles: readonly string[];
  /** Sentences only this subject has. */
  sentences: readonly string[];
}

const n = (spec: string): Noun[] =>
  spec.split(',').map((s) => {
    const [article, ...word] = s.trim().split(' ');
    return [article as 'de' | 'het', word.join(' ')];
  });

export const TOPICS: readonly Topic[] = [
  {
    category: 'fuseren',
    nouns: n(
      'de fusie, het fusieproces, de fusiepartner, de statuten, de ALV, de nieuwe naam, de werkgroep, de ledenraadpleging, de notaris, de fusieakte, de partijnaam, de stemverhouding, het fusiebesluit, de registratie, de buurpartij, het tijdpad, de fusiegesprekken, de kascommissie, de oude vereniging, het liquidatiesaldo',
    ),
    titles: [
      'Fusie met {partij}: waar begin je?',
      'Ervaringen met een fusie van twee lokale partijen',
      'Fusie afgeblazen, wat nu?',
      'Nieuwe partijnaam na de fusie',
      'Statuten samenvoegen bij een fusie',
      'Fusiegesprekken met de buurpartij in {gemeente}',
      'Leden tegen de fusie',
    ],
    sentences: [
      'De fusie moet door beide ALV\'s worden goedgekeurd, en bij ons was een tweederdemeerderheid nodig.',
      'We hebben een gezamenlijke werkgroep ingesteld met drie mensen van elke partij.',
      'De notaris heeft de fusieakte opgesteld nadat beide ledenvergaderingen akkoord waren.',
      'Vergeet niet de nieuwe partijnaam op tijd te registreren bij de Kiesraad.',
      'Sommige leden waren bang dat hun dorp ondersneeuwt in een grotere partij.',
      'Na de fusie hebben we de kas van beide verenigingen samengevoegd.',
      'Een juridische fusie is duurder dan opheffen en opnieuw beginnen, maar je houdt je geschiedenis.',
      'Bij de fusies in onze regio ging het vaak mis op de verdeling van bestuursfuncties.',
    ],
  },
  {
    category: 'campagne',
    nouns: n(
      'de campagne, de flyers, de posters, het campagnebudget, de lijsttrekker, de verkiezingsborden, de social media, het debat, de campagneleider, de markt, het huis-aan-huis, de advertentie, het persbericht, de campagnekraam, het filmpje, de canvasronde, de campagneavond, het stemadvies, de doelgroep, de slogan',
    ),
    titles: [
      'Campagne met een klein budget',
      'Flyeren in de regen, tips voor de campagne',
      'Huis-aan-huis of social media?',
      'Verkiezingsborden: wie plakt bij jullie?',
      'Debat op de lokale omroep voorbereiden',
      'Campagneplanning voor de gemeenteraadsverkiezingen',
      'Advertenties op Facebook voor de campagne in {gemeente}',
    ],
    sentences: [
      'Flyeren werkt het best op zaterdagochtend bij de supermarkt.',
      'Neem een kraam mee naar de markt en zorg voor koffie, dan blijven mensen staan.',
      'Ons campagnebudget was nog geen tweeduizend euro, dus we deden veel huis-aan-huis.',
      'De lijsttrekker moet in elk filmpje hetzelfde verhaal vertellen.',
      'Plan de campagne terug vanaf de verkiezingsdag, week voor week.',
      'Advertenties op sociale media leverden bij ons weinig op, de deurgesprekken juist veel.',
      'We hebben de posters laten drukken bij een drukker uit het dorp zelf.',
      'Voor het lijsttrekkersdebat hebben we drie keer geoefend met lastige vragen.',
    ],
  },
  {
    category: 'kandidaatstelling',
    nouns: n(
      'de kandidatenlijst, de kandidaatstelling, de kandidaten, de screening, de VOG, het integriteitsgesprek, de lijstvolgorde, de lijsttrekker, de ondersteuningsverklaringen, de Kiesraad, de instemmingsverklaring, de selectiecommissie, de waarborgsom, de lijstduwer, de voorkeurstemmen, de kandidaatstellingscommissie, het profiel, de vragenlijst, de nevenfuncties, de inleverdag',
    ),
    titles: [
      'Kandidatenlijst op tijd bij de Kiesraad',
      'Hoe screenen jullie kandidaten?',
      'Lijstvolgorde: wie bepaalt dat?',
      'Ondersteuningsverklaringen verzamelen in {gemeente}',
      'Kandidaatstelling: VOG verplicht stellen?',
      'Een lijstduwer vragen, goed idee?',
      'Selectiecommissie samenstellen voor de kandidatenlijst',
    ],
    sentences: [
      'De ondersteuningsverklaringen moeten op tijd binnen zijn, anders mag je niet meedoen.',
      'Alle kandidaten vullen bij ons een vragenlijst in over nevenfuncties en sociale media.',
      'Wij vragen van elke kandidaat een VOG en voeren een integriteitsgesprek.',
      'De selectiecommissie stelt de lijstvolgorde voor en de ALV beslist.',
      'Let op de instemmingsverklaring: zonder handtekening telt de kandidaat niet mee.',
      'Een bekende lijstduwer trekt voorkeurstemmen, maar zit zelf niet in de raad.',
      'De waarborgsom betaal je alleen als je nog geen zetel hebt.',
      'Op de dag van de kandidaatstelling stonden we met vier mensen bij het stembureau van de gemeente.',
    ],
  },
  {
    category: 'ledenwerving',
    nouns: n(
      'de ledenwerving, de nieuwe leden, de jongeren, de vrijwilligers, de ledenavond, het welkomstpakket, de opzeggingen, de contributie, de ledenadministratie, de nieuwsbrief, de open avond, het ledenbestand, de jongerenafdeling, de ambassadeurs, de wervingsactie, het ledental, de proeflidmaatschappen, de inloopavond, de buddy, het ledenblad',
    ),
    titles: [
      'Jongeren betrekken bij de partij',
      'Ledenwerving na de verkiezingen',
      'Vrijwilligers vasthouden, hoe doen jullie dat?',
      'Welkomstpakket voor nieuwe leden',
      'Ledenaantal loopt terug in {gemeente}',
      'Open avond organiseren voor nieuwe leden',
    ],
    sentences: [
      'Na de verkiezingen vallen veel vrijwilligers weg, daar moet je op voorbereid zijn.',
      'Elk nieuw lid krijgt bij ons een buddy uit de fractie.',
      'We organiseren elk kwartaal een borrel voor leden en belangstellenden.',
      'De ledenwerving liep pas goed toen we mensen persoonlijk gingen vragen.',
      'Jongeren willen vooral iets doen, niet vergaderen.',
      'Met een proeflidmaatschap van een jaar kwamen er dertig nieuwe leden bij.',
      'De ledenadministratie doen we in een gedeelde spreadsheet, met oog voor de AVG.',
    ],
  },
  {
    category: 'verkiezingsprogramma',
    nouns: n(
      'het verkiezingsprogramma, de programmacommissie, de speerpunten, de woningbouw, het verkeer, de zorg, het groen, de duurzaamheid, de amendementen, de inwoners, de enquête, de thema-avond, de bibliotheek, het zwembad, de windmolens, de zonnepanelen, het fietspad, de sporthal, het parkeerbeleid, de dorpskernen',
    ),
    titles: [
      'Verkiezingsprogramma schrijven met de leden',
      'Hoe lang is jullie verkiezingsprogramma?',
      'Speerpunten kiezen: wonen of verkeer?',
      'Inwonersenquête voor het verkiezingsprogramma',
      'Programma over windmolens in {gemeente}',
      'Amendementen op het concept-verkiezingsprogramma',
    ],
    sentences: [
      'We schreven het verkiezingsprogramma in avonden per thema: wonen, verkeer, zorg en groen.',
      'Leden konden online amendementen indienen op het concept.',
      'Een programma van veertig pagina\'s leest niemand, houd het kort.',
      'De enquête onder inwoners leverde meer op dan we dachten, vooral over het zwembad.',
      'Over de windmolens was de partij verdeeld, dus we hebben een open formulering gekozen.',
      'Elk speerpunt moet je in een zin kunnen uitleggen aan de deur.',
      'Woningbouw voor starters en ouderen stond bij ons bovenaan.',
    ],
  },
  {
    category: 'fondsenwerving',
    nouns: n(
      'de fondsenwerving, de donaties, de giften, de sponsoren, de contributie, de meldgrens, de crowdfunding, de penningmeester, de kascommissie, de jaarrekening, de begroting, de subsidie, de fractievergoeding, het giftenregister, de donateurs, de loterij, de veiling, het sponsordiner, de Wfpp, de ANBI-status',
    ),
    titles: [
      'Donaties boven de meldgrens',
      'Fondsenwerving voor een lokale partij',
      'Crowdfunding voor de campagne, ervaringen?',
      'Giftenregister bijhouden: hoe doen jullie dat?',
      'Sponsoren uit het bedrijfsleven in {gemeente}',
      'Fractievergoeding gebruiken voor de partij?',
    ],
    sentences: [
      'Giften boven de meldgrens moeten openbaar gemaakt worden.',
      'Wij houden een giftenregister bij met datum, bedrag en gever.',
      'De fractievergoeding mag je niet zomaar aan de partij overmaken, vraag het na bij de griffie.',
      'Met een sponsordiner haalden we in een avond meer op dan met een jaar donaties.',
      'De kascommissie controleert elk jaar de jaarrekening van de penningmeester.',
      'Crowdfunding werkte bij ons alleen voor een concreet doel, zoals de verkiezingsborden.',
      'Contributie is bij de meeste lokale partijen tussen de twintig en vijftig euro per jaar.',
    ],
  },
  {
    category: 'bestuur-en-organisatie',
    nouns: n(
      'de ALV, het bestuur, de voorzitter, de secretaris, de penningmeester, het huishoudelijk reglement, de statuten, de notulen, de agenda, het quorum, de stemming, de bestuursverkiezing, de vereniging, de KvK, de AVG, de ledenvergadering, het jaarverslag, de machtiging, de vacature, het bestuursreglement',
    ),
    titles: [
      'Hoe organiseren jullie de ALV?',
      'Statuten wijzigen bij de notaris',
      'Nieuwe voorzitter gezocht',
      'Quorum niet gehaald op de ledenvergadering',
      'Huishoudelijk reglement: voorbeeld gezocht',
      'Bestuur en fractie gescheiden houden',
      'ALV digitaal of in het dorpshuis van {gemeente}?',
    ],
    sentences: [
      'De ALV hielden we in het dorpshuis, de opkomst was goed toen we vooraf een agenda rondstuurden.',
      'Een statutenwijziging kost bij de notaris al snel een paar honderd euro.',
      'Het quorum staat in de statuten, dus lees die eerst goed na.',
      'Bestuur en fractie moeten van elkaar gescheiden zijn, anders controleert niemand de fractie.',
      'De secretaris stuurt de notulen binnen twee weken rond.',
      'Voor de bestuursverkiezing hadden we eindelijk weer twee kandidaten per functie.',
      'Denk aan de AVG bij het delen van de ledenlijst met de fractie.',
    ],
  },
  {
    category: 'fractie-en-raadswerk',
    nouns: n(
      'de wethouder, de motie, het amendement, de begroting, de gemeenteraad, de fractie, de commissie, de griffie, de coalitie, de oppositie, het collegeakkoord, het raadsvoorstel, de schriftelijke vragen, de burgemeester, de raadsvergadering, de interpellatie, de raadsinformatiebrief, de voorjaarsnota, de fractievoorzitter, het wethoudersoverleg',
    ),
    titles: [
      'Motie over het zwembad, wie heeft een voorbeeld?',
      'Begroting lezen als nieuw raadslid',
      'Wethouder leveren vanuit een kleine fractie',
      'Schriftelijke vragen of een motie?',
      'Samenwerken in de coalitie in {gemeente}',
      'Amendement op de voorjaarsnota',
      'Onze wethouder stapt op, wat nu?',
    ],
    sentences: [
      'Onze motie over het zwembad kreeg steun van drie fracties.',
      'Het hielp dat we vooraf met de wethouder hadden gesproken.',
      'De begroting is in het begin overweldigend, begin bij de programmabegroting.',
      'Vraag de griffie om een technische sessie voordat de commissie vergadert.',
      'Als kleine fractie een wethouder leveren vraagt veel van de partij.',
      'Schriftelijke vragen zijn een goed middel als je eerst informatie nodig hebt.',
      'In de oppositie kun je met goede amendementen meer bereiken dan je denkt.',
      'Het collegeakkoord gaf weinig ruimte, dus we hebben een eigen motie ingediend.',
    ],
  },
  {
    category: 'algemeen',
    nouns: n(
      'de website, de nieuwsbrief, het logo, de huisstijl, de lokale omroep, de krant, de vergaderapp, het kennisnetwerk, de cursus, de training, de bijeenkomst, het forum, de provincie, de regio, het samenwerkingsverband, de landelijke partijen, de ervaringen, de tips, het voorbeeld, de handreiking',
    ),
    titles: [
      'Welke vergaderapp gebruiken jullie?',
      'Nieuwe website voor de partij',
      'Training voor nieuwe raadsleden',
      'Samenwerking met andere lokale partijen in de regio',
      'Contact met de lokale krant in {gemeente}',
      'Cursus debatteren, aanraders?',
    ],
    sentences: [
      'Onze website draait op WordPress en wordt bijgehouden door een vrijwilliger.',
      'De lokale omroep belt ons vaker sinds we een vaste woordvoerder hebben.',
      'Het kennisnetwerk organiseert twee keer per jaar een bijeenkomst voor lokale partijen.',
      'Een nieuwe huisstijl hebben we laten maken door een student van de kunstacademie.',
      'In de regio werken vijf lokale partijen samen in een vast overleg.',
    ],
  },
];

/** Words every post uses; make sure common query words (gemeente, partij, leden) match a large share of posts. */
export const COMMON_NOUNS = n(
  'de gemeente, de partij, de leden, het bestuur, de raad, de fractie, de verkiezingen, de ervaring, het idee, de vraag, de tijd, het jaar, de avond, de vergadering, het dorp, de stad, de inwoners, de mensen, het plan, de afspraak',
);
export const ISSUES = 'zwembad,bibliotheek,windmolens,zonnepark,azc,sporthal,fietspad,parkeergarage,rotonde,woningbouw,starterswoningen,jeugdzorg,WMO,afvalinzameling,kermis,dorpshuis,speeltuin,ringweg,busverbinding,glasvezel,hondenbelasting,ozb,bomenkap,stikstof,huisartsenpost'.split(',');
export const FIRST = 'Anouk,Henk,Fatima,Jeroen,Sanne,Pieter,Mohamed,Inge,Kees,Lotte,Ahmed,Marieke,Bram,Ellen,Joost,Yvonne,Ruud,Nadia,Gert,Esther,Willem,Sevda,Dirk,Hanneke,Tom,Priya,Bas,Karin,Erik,Mirjam,Stefan,Zeynep,Jan,Annemiek,Hugo,Loes,Rik,Wendy,Arjen,Ilse'.split(',');
export const LAST = 'de Vries,Jansen,Bakker,Visser,Smit,Meijer,de Boer,Mulder,de Groot,Bos,Vos,Peters,Hendriks,van Leeuwen,Dekker,Brouwer,de Wit,Dijkstra,Smits,de Graaf,van der Meer,el Amrani,Yilmaz,Kok,Jacobs,Vermeulen,van den Berg,Kuipers,Hoekstra,Postma'.split(',');
export const PARTY_FORMS = ['Lokaal {g}', 'Gemeentebelangen {g}', 'Leefbaar {g}', 'Dorpsbelangen {g}', 'Stadspartij {g}', '{g} Centraal', 'Onafhankelijk {g}', 'Samen {g}'];
export const MONTHS = 'januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december'.split(',');
export const DAYS = 'maandag,dinsdag,woensdag,donderdag,vrijdag,zaterdag,zondag'.split(',');
export const NUMBERS = 'twee,drie,vier,vijf,zes,tien,twaalf,twintig,dertig,vijftig,honderd'.split(',');
export const ROLES = 'raadslid,wethouder,burgemeester,commissielid,bestuurslid,fractievoorzitter,penningmeester,secretaris,voorzitter,campagneleider'.split(',');
export const ADJECTIVES = 'goed,lastig,belangrijk,nieuw,oud,groot,klein,duidelijk,verstandig,handig,moeilijk,spannend,lokaal,eerlijk,snel,zwaar,mooi,praktisch,nuttig,verrassend'.split(',');
// Compounds: the long tail of real Dutch ("campagneteam", "ledenvergaderingsbesluit" …).
export const HEADS = 'campagne,leden,fractie,partij,raads,bestuurs,verkiezings,kandidaten,fusie,begrotings,programma,wijk,dorps,jongeren,vrijwilligers,pers,zorg,woon,verkeers,sport'.split(',');
export const TAILS = 'team,plan,overleg,avond,budget,commissie,brief,besluit,nota,groep,lijst,gesprek,kalender,vergadering,werk,ronde,strategie,agenda,moment,evaluatie'.split(',');

export const GENERAL = [
  'Hoe hebben jullie {x} aangepakt?',
  'Bij ons in {gemeente} speelde {x} vorig jaar ook.',
  'Wij zijn in {maand} begonnen met {x} en dat was achteraf te laat.',
  'Ik ben {rol} in {gemeente} en we lopen tegen hetzelfde aan.',
  'Heeft iemand een voorbeeld van {x} dat we mogen gebruiken?',
  'Het belangrijkste is dat {x} op tijd geregeld is.',
  'Wij hebben {x} besproken op de ledenavond van {dag}.',
  '{X} kost meer tijd dan je denkt, reken op {getal} avonden.',
  'Dat {x} {adj} is, merkten we pas toen {y} aan de orde kwam.',
  'Onze {rol} heeft goede ervaringen met {x}.',
  'Kun je iets meer vertellen over {x} bij jullie?',
  'Wij doen {x} samen met {partij}, dat scheelt veel werk.',
  'Vorige week hebben we {x} en {y} op de agenda gezet.',
  'In {gemeente} hebben ze {x} heel {adj} geregeld.',
  '{naam} van {partij} weet hier veel van, stuur haar of hem een bericht.',
  'Let op de regels rond {x}, die zijn sinds {jaar} veranderd.',
  'Wij hadden {getal} mensen nodig voor {x}.',
  'Volgens mij hangt {x} sterk af van de grootte van je gemeente.',
  'Er was discussie over {x}, maar uiteindelijk stemde de vergadering in.',
  'Voor {x} hebben we een {compound} opgezet.',
  'Het {compound} van {partij} is een {adj} voorbeeld.',
  'Bij de vorige verkiezingen ging het mis met {x}.',
  'Sinds {jaar} hebben we een vaste {compound} in {maand}.',
  'Wat ons hielp: {x} eerst klein proberen en daarna uitbreiden.',
  'Ook in onze gemeente was {issue} een groot onderwerp.',
  'De discussie over {issue} heeft ons veel nieuwe leden opgeleverd.',
  'Misschien kun je {x} koppelen aan het debat over {issue}.',
  'Wij zijn een kleine partij met {getal} leden, dus {x} doen we met weinig mensen.',
  'Ik zou {x} niet uitstellen tot na de zomer.',
  'Mijn advies: maak iemand verantwoordelijk voor {x}.',
  '{X} stond ook op de agenda van de regiobijeenkomst in {gemeente}.',
  'Het bestuur wilde eerst weten wat {x} zou kosten.',
  'Uiteindelijk hebben we {x} uitbesteed, dat was de beste keuze.',
  'Met {y} erbij werd {x} een stuk eenvoudiger.',
  'Ik heb het stuk over {x} doorgestuurd naar onze {rol}.',
];
export const OPENERS = ['Goede vraag.', 'Herkenbaar!', 'Dank voor het delen.', 'Eens met {naam}.', 'Interessant onderwerp.', 'Wij hebben hetzelfde meegemaakt.', 'Hoi allemaal,', '@{naam}: precies dit.', 'Aanvulling op het vorige bericht:'];
export const CLOSERS = ['Succes ermee!', 'Groet, {naam}', 'Wie heeft hier ervaring mee?', 'Laat weten hoe het afloopt.', 'Bel gerust als je vragen hebt.', 'Ik hoor graag hoe anderen dit doen.', 'Groeten uit {gemeente}.'];
export const SHORT = ['Eens!', 'Dank voor de tip, dat gaan we zeker proberen.', 'Goed punt.', 'Dit gaan wij ook doen.', 'Heel herkenbaar.', 'Top, dank je wel {naam}.', 'Wij ook, zelfde ervaring.', 'Mooi voorbeeld.', 'Zie mijn bericht hierboven.'];
