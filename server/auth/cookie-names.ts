/**
 * Where cookies are HTTPS-only (config.httpsOnly: production, but for a trial on http://localhost) every cookie
 * carries the `__Host-` prefix: the browser then only accepts it when it is Secure, has Path=/ and no Domain, so no
 * subdomain or plain-HTTP page can plant or overwrite it. Elsewhere (http://localhost) the browser would refuse such
 * a cookie, so the plain names are used.
 */
export interface CookieNames {
  session: string;
  csrf: string;
  /** Binds a browser to an account it logged in to (see device-cookie.ts). */
  device: string;
}

export function cookieNames(httpsOnly: boolean): CookieNames {
  const prefix = httpsOnly ? '__Host-' : '';
  return { session: `${prefix}plein_session`, csrf: `${prefix}plein_csrf`, device: `${prefix}plein_device` };
}
