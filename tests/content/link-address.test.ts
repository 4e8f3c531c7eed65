import { describe, expect, it } from 'vitest';
import { linkAddress } from '../../client/src/components/link-dialog.js';

/** The composer's link dialog accepts what people type as an address, and nothing a link should not point to. */
describe('the address of a link in the composer', () => {
  it('takes web and mail addresses, adding https:// where it is left out', () => {
    expect(linkAddress('https://www.gemeente.nl/raad')).toBe('https://www.gemeente.nl/raad');
    expect(linkAddress('  www.plein-voorbeeld.nl/programma ')).toBe('https://www.plein-voorbeeld.nl/programma');
    expect(linkAddress('http://lokaal.example.nl')).toBe('http://lokaal.example.nl/');
    expect(linkAddress('mailto:griffie@gemeente.nl')).toBe('mailto:griffie@gemeente.nl');
  });

  it('refuses what is not an address, and schemes that run code or leave the web', () => {
    for (const input of ['', '   ', 'geen adres', 'zomaar', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://bestanden.nl/a', 'mailto:niemand', 'https://']) {
      expect(linkAddress(input), input).toBeNull();
    }
  });
});
