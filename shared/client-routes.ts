/**
 * Every route of the client (client/src/routes.tsx), as react-router patterns. The server answers these with the
 * app's HTML and status 200, and any other path outside /api with the same HTML and status 404, so a browser still
 * shows the app's own "not found" page while a crawler, a link checker or a monitor sees the truth
 * (server/http/client-files.ts). tests/http/delivery.test.ts checks that this list and routes.tsx agree.
 */
export const CLIENT_ROUTES = [
  '/',
  '/inloggen',
  '/aanmelden',
  '/wachten',
  '/wachtwoord-vergeten',
  '/wachtwoord-herstellen',
  '/bevestigen',
  '/toegankelijkheid',
  '/privacy',
  '/account-verwijderd',
  '/afmelden',
  '/profiel',
  '/meldingen',
  '/forum',
  '/forum/:slug',
  '/nieuw-en-ongelezen',
  '/nieuw',
  '/discussie/:id',
  '/zoeken',
  '/wegwijzer',
  '/leden',
  '/leden/:id',
  '/bewaard',
  '/berichten',
  '/berichten/nieuw',
  '/berichten/:id',
  '/trainingen',
  '/trainingen/nieuw',
  '/trainingen/:id',
  '/trainingen/:id/bewerken',
  '/kenniscentrum',
  '/kenniscentrum/vragen',
  '/kenniscentrum/vragen/nieuw',
  '/kenniscentrum/vragen/:id',
  '/kenniscentrum/inbox',
  '/kenniscentrum/inbox/:id',
  '/kenniscentrum/standaardantwoorden',
  '/kenniscentrum/cijfers',
  '/moderatie',
  '/moderatie/aanmeldingen',
  '/moderatie/leden',
  '/moderatie/logboek',
  '/beheer/synoniemen',
  '/beheer/categorieen',
] as const;

export type ClientRoute = (typeof CLIENT_ROUTES)[number];

/** One pattern as a regular expression, matched as react-router does: a `:param` is one non-empty segment, case and a trailing slash do not count. */
export function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source.replace(/\/$/, '')}/?$`, 'i');
}

const MATCHERS = CLIENT_ROUTES.map(patternToRegExp);

/** Whether the client has a page for this path (without query string); a path it does not know gets a 404. */
export function isClientRoute(pathname: string): boolean {
  return MATCHERS.some((matcher) => matcher.test(pathname));
}
