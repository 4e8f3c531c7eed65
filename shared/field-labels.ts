/**
 * The Dutch names of the API's input fields: the one source for the server's validation messages
 * (server/http/validation-messages.ts) and the labels of the client's forms (the i18n catalogue takes them from here),
 * so "„Titel” is te kort" always names the field as the form beside it does.
 *
 * A plain table keyed by field name rather than `title` annotations on the TypeBox schemas: the client imports this
 * small file without pulling a schema into its bundle, one name per field is the rule, and the few routes where a
 * name means something else say so in ROUTE_LABELS. Nested fields are keyed by their dotted path ("mail.replies"),
 * without the index of a list's item.
 */
export const FIELD_LABELS = {
  // Account
  email: 'E-mailadres',
  password: 'Wachtwoord',
  currentPassword: 'Huidig wachtwoord',
  newPassword: 'Nieuw wachtwoord',
  displayName: 'Naam',
  party: 'Partij',
  municipality: 'Gemeente',
  province: 'Provincie',
  representativeRole: 'Functie',
  role: 'Rol',
  showAffiliation: 'Toon mijn partij en gemeente aan andere leden',
  token: 'Code in de link',
  code: 'Code uit je app',
  recoveryCode: 'Herstelcode',
  secret: 'Sleutel',
  setupToken: 'Koppeling met je app',
  removeText: 'Ook de tekst van de berichten verwijderen',
  // Forum
  categorySlug: 'Categorie',
  title: 'Titel',
  body: 'Je bericht',
  replyToPostId: 'Bericht waarop je reageert',
  postId: 'Bericht',
  reason: 'Reden',
  note: 'Toelichting',
  remindAt: 'Herinnering',
  level: 'Volgen',
  // Private conversations
  subject: 'Onderwerp',
  participantIds: 'Deelnemers',
  userIds: 'Deelnemers',
  messageId: 'Bericht',
  // Categories (admins)
  name: 'Naam',
  description: 'Omschrijving',
  color: 'Kleur',
  icon: 'Pictogram',
  access: 'Wie mag erin',
  expectsAnswers: 'Vragen met een beste antwoord (Opgelost)',
  archived: 'Gearchiveerd',
  ids: 'Volgorde',
  // Wegwijzer (the kenniscentrum's staff)
  sectionId: 'Onderwerp',
  url: 'Webadres',
  position: 'Plaats in de lijst',
  // Moderation
  action: 'Actie',
  locked: 'Gesloten',
  pinned: 'Vastgezet',
  suspendDays: 'Duur van de schorsing in dagen',
  days: 'Duur van de schorsing in dagen',
  verified: 'Functie bevestigd',
  moderatorId: 'Moderator',
  userId: 'Lid',
  centreTeam: 'In het team van het kenniscentrum',
  // Notifications and mail
  all: 'Alles gelezen',
  autoWatch: 'Volg discussies waarin ik schrijf',
  mail: 'E-mail',
  'mail.replies': 'Reacties op mijn berichten',
  'mail.mentions': 'Vermeldingen en citaten',
  'mail.watching': 'Discussies die ik volg',
  'mail.categories': 'Nieuwe discussies in categorieën die ik volg',
  'mail.messages': 'Privéberichten en antwoorden van het kenniscentrum',
  'List-Unsubscribe': 'Afmelden',
  // Search
  q: 'Zoekterm',
  terms: 'Woorden of uitdrukkingen',
  category: 'Categorie',
  author: 'Schrijver',
  from: 'Vanaf',
  to: 'Tot en met',
  thread: 'Discussie',
  threadId: 'Discussie',
  // Trainings (kenniscentrum)
  kind: 'Soort',
  startsAt: 'Begint',
  endsAt: 'Eindigt',
  location: 'Locatie',
  meetingUrl: 'Link naar de online bijeenkomst',
  linkVisibleMinutes: 'Link zichtbaar vanaf (minuten voor het begin)',
  capacity: 'Aantal plaatsen',
  signupDeadline: 'Aanmelden kan tot',
  entryCriteria: 'Voor wie',
  categoryId: 'Categorie',
  period: 'Periode',
  // Helpdesk (Vraag het het kenniscentrum)
  internal: 'Interne notitie',
  showName: 'Met mijn naam',
  assigneeId: 'Behandelaar',
  question: 'Vraag',
  answer: 'Antwoord',
  view: 'Overzicht',
  // Lists and pages
  cursor: 'Vervolgpagina',
  limit: 'Aantal per pagina',
  status: 'Status',
  sort: 'Volgorde',
  filter: 'Filter',
  tab: 'Tabblad',
  start: 'Beginpunt',
  after: 'Vanaf bericht',
  before: 'Berichten vóór',
  v: 'Versie van de foto',
} as const;

export type FieldName = keyof typeof FIELD_LABELS;

/** The parts of a URL path (`/api/posts/:id`): people never type them, but a wrong one still gets a readable message. */
export const PARAM_LABELS = {
  id: 'Nummer in het adres',
  slug: 'Categorie in het adres',
  messageId: 'Bericht in het adres',
  kind: 'Soort in het adres',
} as const;

/** Where a field means something else on one route (`METHOD /url`), or a form words it its own way. */
export const ROUTE_LABELS = {
  'POST /api/auth/register': { displayName: 'Naam zoals anderen die zien', representativeRole: 'Functie als volksvertegenwoordiger of bestuurder' },
  'POST /api/auth/password-reset/confirm': { password: 'Nieuw wachtwoord' },
  'PUT /api/posts/:id/bookmark': { note: 'Notitie' },
  'POST /api/notifications/read': { ids: 'Meldingen' },
  'GET /api/members/suggest': { q: 'Naam' },
  'GET /api/moderation/log': { action: 'Handeling' },
  'POST /api/helpdesk/questions': { body: 'Je vraag' },
  'PUT /api/helpdesk/questions/:id/consent': { showAffiliation: 'Met mijn partij en gemeente' },
} as const satisfies Record<string, Partial<Record<FieldName, string>>>;

/**
 * The label of a field of a request: `context` is where it was sent (Fastify's validation context: body, querystring,
 * params), `route` the route's `METHOD /url`. A field missing from the tables still gets a readable name.
 */
export function fieldLabel(field: string, context = 'body', route?: string): string {
  return knownLabel(field, context, route) ?? (context === 'params' ? 'Adres' : 'Invoer');
}

/** The label from the tables, or undefined (a test proves every field of every route has one). */
export function knownLabel(path: string, context = 'body', route?: string): string | undefined {
  // An item of a list has the list's label: "terms.1" is one of the "Woorden of uitdrukkingen".
  const field = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
  if (context === 'params') return (PARAM_LABELS as Record<string, string>)[field];
  const own = route ? (ROUTE_LABELS as Record<string, Record<string, string>>)[route]?.[field] : undefined;
  return own ?? (FIELD_LABELS as Record<string, string>)[field];
}
