import { badRequest } from '../http/errors.js';

/**
 * A link's address as it is stored: an absolute http(s) URL with a host and no user name or password in it. Anything
 * else (javascript:, data:, a relative path, a mail address) is refused, so that a link on the Wegwijzer can only ever
 * open a web page. Stored as the URL parser writes it (the host lower-cased, spaces encoded), which is what the
 * browser would have opened.
 */
export function checkedUrl(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badRequest('invalid_url', 'Vul een volledig webadres in dat begint met https:// (of http://).', 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badRequest('invalid_url', 'Alleen webadressen die beginnen met https:// of http:// zijn toegestaan.', 'url');
  }
  if (url.hostname === '') throw badRequest('invalid_url', 'Vul een volledig webadres in dat begint met https:// (of http://).', 'url');
  if (url.username !== '' || url.password !== '') {
    throw badRequest('invalid_url', 'Een webadres met een gebruikersnaam of wachtwoord erin is niet toegestaan.', 'url');
  }
  return url.href;
}
