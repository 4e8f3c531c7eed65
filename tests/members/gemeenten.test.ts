import { describe, expect, it } from 'vitest';
import { GEMEENTEN, GEMEENTEN_PER_PROVINCIE, PROVINCIES, provincieVan } from '../../shared/gemeenten.js';
import { GEMEENTEN as CLIENT_GEMEENTEN } from '../../client/src/data/gemeenten.js';

/** The one list of municipalities (shared/gemeenten.ts) and its provinces: the directory's province filter reads it. */
describe('municipalities and provinces', () => {
  it('puts every municipality of the CBS list in exactly one of the twelve provinces', () => {
    expect(GEMEENTEN).toHaveLength(342);
    expect(new Set(GEMEENTEN).size).toBe(GEMEENTEN.length);
    expect(PROVINCIES).toHaveLength(12);
    const placed = PROVINCIES.flatMap((p) => GEMEENTEN_PER_PROVINCIE[p]);
    expect([...placed].sort()).toEqual([...GEMEENTEN].sort());
    for (const gemeente of GEMEENTEN) expect(provincieVan(gemeente), gemeente).toBeDefined();
  });

  it('knows the provinces of a few municipalities, merged ones included', () => {
    expect(provincieVan('Goes')).toBe('Zeeland');
    expect(provincieVan("'s-Hertogenbosch")).toBe('Noord-Brabant');
    expect(provincieVan('Voorne aan Zee')).toBe('Zuid-Holland');
    expect(provincieVan('Dijk en Waard')).toBe('Noord-Holland');
    expect(provincieVan('Súdwest-Fryslân')).toBe('Fryslân');
    expect(provincieVan('Bergen (L.)')).toBe('Limburg');
    expect(provincieVan('Bergen (NH.)')).toBe('Noord-Holland');
    // A name from before a merger is on no list now.
    expect(provincieVan('Brielle')).toBeUndefined();
  });

  it('is the list the client offers', () => {
    expect(CLIENT_GEMEENTEN).toBe(GEMEENTEN);
  });
});
