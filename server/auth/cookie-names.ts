/**
 * In production every cookie carries the `__Host-` prefix: the browser then only accepts it when it is Secure,
 * has Path=/ and no Domain, so no subdomain or plain-HTTP page can plant or overwrite it. Outside production
 * (http://localhost) the browser would refuse such a cookie, so the plain names are used.
 */
export interface CookieNames {
  session: string;
  csrf: string;
  /** Binds a browser to an account it logged in to (see device-cookie.ts). */
  device: string;
}

export function cookieNames(production: boolean): CookieNames {
  const prefix = production ? '__Host-' : '';
  return { session: `${prefix}plein_session`, csrf: `${prefix}plein_csrf`, device: `${prefix}plein_device` };
}
