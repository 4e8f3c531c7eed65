/** Forum-like Dutch text for the corpus, so post sizes and search terms resemble real use. */
export const SAMPLE_TITLES = [
  'Hoe organiseren jullie de ledenvergadering',
  'Fusie met de buurpartij: ervaringen gezocht',
  'Flyeren in de regen, tips voor de campagne',
  'Kandidatenlijst op tijd bij de Kiesraad',
  'Begroting lezen als nieuw raadslid',
  'Donaties boven de meldgrens',
  'Vrijwilligers vasthouden na de verkiezingen',
  'Motie over het zwembad, wie heeft een voorbeeld',
  'Statuten wijzigen bij de notaris',
  'Social media beleid voor kandidaten',
  'Debat op de lokale omroep voorbereiden',
  'Verkiezingsprogramma schrijven met de leden',
];

export const SAMPLE_BODIES = [
  'Wij hebben de **ledenvergadering** vorig jaar in het dorpshuis gehouden. De opkomst was goed toen we vooraf een agenda rondstuurden.',
  'Bij onze fusie hebben we eerst de statuten naast elkaar gelegd. Daarna een gezamenlijke werkgroep:\n\n- naam\n- kandidatenlijst\n- financien',
  'Flyeren werkt het best op zaterdagochtend bij de supermarkt. Neem een kraam mee en zorg voor koffie, dan blijven mensen staan.',
  'Let op de termijnen van de Kiesraad: de ondersteuningsverklaringen moeten op tijd binnen zijn. Zie [de handreiking](https://www.kiesraad.nl).',
  'De begroting is in het begin overweldigend. Begin bij de programmabegroting en vraag de griffie om een technische sessie.',
  'Giften boven de grens moeten openbaar gemaakt worden. Wij houden een spreadsheet bij met datum, bedrag en gever.',
  'Na de verkiezingen vallen veel vrijwilligers weg. Wij organiseren elk kwartaal een borrel en sturen een korte nieuwsbrief.',
  'Onze motie over het zwembad kreeg steun van drie fracties. Het hielp dat we vooraf met de wethouder hadden gesproken.',
  'Een statutenwijziging kost bij ons ongeveer vierhonderd euro bij de notaris, plus een extra ALV met een gekwalificeerde meerderheid.',
  'Spreek met kandidaten af wat ze wel en niet delen op social media. Een korte gedragscode voorkomt veel gedoe tijdens de campagne.',
  '> Hoe bereiden jullie een debat voor?\n\nWij oefenen met drie stellingen en een tegenstander die expres lastige vragen stelt.',
  'Het verkiezingsprogramma schreven we in avonden per thema: wonen, verkeer, zorg en groen. Leden konden online amendementen indienen.',
  'Goede vraag. Bij ons regelt de penningmeester dit, maar de kascommissie controleert het jaarlijks.',
  'Eens met de vorige reactie. Wij hebben ook goede ervaringen met een vaste vergaderavond in de maand.',
  'Kun je een voorbeeld delen? Wij lopen tegen hetzelfde probleem aan in onze gemeente.',
  'Dank voor de tip, dat gaan we bij de volgende campagne zeker proberen.',
];
