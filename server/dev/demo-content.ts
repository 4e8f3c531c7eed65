/** A handful of realistic discussions, so a fresh forum shows what it is for. */
export const DEMO_MEMBERS = [
  { displayName: 'Anouk Visser', party: 'Gemeentebelangen Zeist', municipality: 'Zeist', representativeRole: 'raadslid' },
  { displayName: 'Henk Bakker', party: 'Lokaal Alkmaar', municipality: 'Alkmaar', representativeRole: 'wethouder' },
  { displayName: 'Fatima el Amrani', party: 'Leefbaar Tilburg', municipality: 'Tilburg', representativeRole: 'bestuurslid' },
  { displayName: 'Jeroen de Boer', party: 'Dorpsbelangen Westerveld', municipality: 'Westerveld', representativeRole: 'commissielid' },
] as const;

/** The kenniscentrum's team member of the demo: announces the trainings, keeps the Wegwijzer, answers the helpdesk. */
export const DEMO_CENTRE_MEMBER = { displayName: 'Sanne de Wit', party: 'Kenniscentrum lokale partijen', municipality: 'Utrecht' } as const;

export const DEMO_THREADS = [
  {
    category: 'fuseren',
    title: 'Fusie met een andere lokale partij: waar begin je?',
    body: 'Onze partij praat met een andere lokale partij over samengaan. Welke stappen hebben jullie gezet?\n\n- statuten\n- ledenvergadering\n- nieuwe naam',
    replies: ['Begin met een gezamenlijke werkgroep en een tijdpad tot de ALV. Laat beide ledenvergaderingen apart besluiten.', 'Let op de registratie van de partijnaam bij de Kiesraad: die moet op tijd binnen zijn voor de verkiezingen.'],
  },
  {
    category: 'kandidaatstelling',
    title: 'Hoe screenen jullie kandidaten voor de kandidatenlijst?',
    body: 'Wij willen onze kandidaten beter screenen voordat ze op de lijst komen. Gebruiken jullie een vragenlijst of een VOG?',
    replies: ['Wij vragen een VOG en voeren een integriteitsgesprek met twee bestuursleden.', 'Een vaste vragenlijst helpt: nevenfuncties, sociale media, financiële situatie.'],
  },
  {
    category: 'campagne',
    title: 'Campagne met een klein budget',
    body: 'Met €2.000 campagnebudget: waar halen jullie het meeste uit? Flyers, social media of huis-aan-huis?',
    replies: ['Huis-aan-huis in de wijken waar je kandidaten wonen werkt bij ons het best.'],
  },
  {
    category: 'ledenwerving',
    title: 'Jongeren betrekken bij de partij',
    body: 'Hoe krijgen jullie jongeren actief in de vereniging? Een jongerenafdeling of juist niet?',
    replies: [],
  },
] as const;
