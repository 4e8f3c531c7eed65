import { describe, expect, it } from 'vitest';
import { filterExpression } from '../../server/search/meili-index.js';
import { bodyOnly, collapseCompounds, hasPositiveTerm, stemPattern, widenTsquery } from '../../server/search/tsquery.js';
import { cleanText, correctableWords, decodeEntities, hasPositiveWord, mapDutchOperators, replaceWords, snippetToHtml } from '../../server/search/text.js';

describe('search text helpers', () => {
  it('escapes everything and adds only balanced <mark> elements', () => {
    expect(snippetToHtml('a <b>\uE000fusie\uE001 & "x" \'y\'')).toBe('a &lt;b&gt;<mark>fusie</mark> &amp; &quot;x&quot; &#39;y&#39;');
    expect(snippetToHtml('\uE000open')).toBe('<mark>open</mark>');
    expect(snippetToHtml('dicht\uE001 \uE000\uE000twee\uE001')).toBe('dicht <mark>twee</mark>');
  });

  it('strips sentinels and control characters from indexed text, so a post cannot fake a highlight', () => {
    expect(cleanText('a\uE000b\u0000c\n\n d\uE001')).toBe('abc d');
    expect(decodeEntities('&lt;script&gt; &amp;amp; &#39; &#x263A; &bogus;')).toBe("<script> &amp; ' ☺ &bogus;");
  });

  it('maps the Dutch OF outside quotes only', () => {
    expect(mapDutchOperators('fusie OF samenwerking "een OF ander"')).toBe('fusie or samenwerking "een OF ander"');
    expect(mapDutchOperators('OFFERTE of')).toBe('OFFERTE of');
  });

  it('widens lexemes to prefixes and folds -s plurals after a vowel', () => {
    expect(widenTsquery("'fusies' & !'campagn' | 'ga' <-> 'kandidat'")).toBe("'fusie':* & !'campagn':* | 'ga' <-> 'kandidat':*");
  });

  it('looks a hyphenated word up by its compound lexeme alone, keeping the distance of the words after it', () => {
    expect(collapseCompounds("'thema-avond' <-> 'thema' <-> 'avond' & 'gepland'")).toBe("'thema-avond' & 'gepland'");
    expect(collapseCompounds("'huis-aan-huis' <-> 'huis' <2> 'huis'")).toBe("'huis-aan-huis'");
    expect(collapseCompounds("'goed' <-> 'thema-avond' <-> 'thema' <-> 'avond' <-> 'gepland'")).toBe("'goed' <-> 'thema-avond' <3> 'gepland'");
    expect(collapseCompounds("!( 'alv-besluit' <-> 'alv' <-> 'besluit' ) & 'fusie'")).toBe("!( 'alv-besluit' ) & 'fusie'");
    expect(collapseCompounds("'2024' <-> '-2025' & 'fusie' <-> 'gesprek'")).toBe("'2024' <-> '-2025' & 'fusie' <-> 'gesprek'");
  });

  it('finds where a snippet should start and whether the body itself matches', () => {
    expect(stemPattern("'gemeent':* & !'notaris':* | 'ga' <-> 'a.b'")).toBe('gemeent|ga|a\\.b');
    expect(stemPattern("!'fusie':*")).toBeNull();
    expect(bodyOnly("'fusie':* & !'notaris' | 'ga' <-> 'kandidat':*")).toBe("'fusie':*B & !'notaris':B | 'ga':B <-> 'kandidat':*B");
  });

  it('knows a query without anything to look for', () => {
    expect(hasPositiveTerm("!'fusie'")).toBe(false);
    expect(hasPositiveTerm("!( 'fusie' <-> 'gesprek' )")).toBe(false);
    expect(hasPositiveTerm("!'fusie' & 'raad'")).toBe(true);
    const stop = new Set(['de', 'het']);
    expect(hasPositiveWord('-fusie OF "" de', stop)).toBe(false);
    expect(hasPositiveWord('"de fusie"', stop)).toBe(true);
    expect(hasPositiveWord('het raadsvoorstel', stop)).toBe(true);
  });

  it('corrects only plain words and keeps the rest of the query', () => {
    expect(correctableWords('kandidaatsteling "vaste zin" -uitsluiten OF raad lijst')).toEqual(['kandidaatsteling', 'raad', 'lijst']);
    expect(replaceWords('kandidaatsteling -kandidaatsteling "kandidaatsteling"', new Map([['kandidaatsteling', 'kandidaatstelling']]))).toBe(
      'kandidaatstelling -kandidaatsteling "kandidaatsteling"',
    );
  });

  it('builds Meilisearch filters from typed values only', () => {
    expect(filterExpression({})).toBeUndefined();
    expect(
      filterExpression({ categorySlug: 'fuseren', authorId: 3, threadId: 9, from: new Date('2020-01-01T00:00:00Z'), to: new Date('2021-01-01T00:00:00Z') }),
    ).toBe('categorySlug = "fuseren" AND authorId = 3 AND createdAt >= 1577836800000 AND createdAt < 1609459200000 AND threadId = 9');
  });
});
