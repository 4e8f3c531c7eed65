import { describe, expect, it } from 'vitest';
import { filterExpression } from '../../server/search/meili-index.js';
import { parseQuery } from '../../server/search/analysis/index.js';
import type { ParsedQuery } from '../../server/search/analysis/types.js';
import { documentTsvector } from '../../server/search/postgres-tsvector.js';
import { anyTermQuery, lexeme, matchQuery } from '../../server/search/tsquery.js';
import { cleanText, decodeEntities, extractWords, replaceWords } from '../../server/search/text.js';

describe('search text helpers', () => {
  it('keeps the words for corrections folded, with the parts of known compounds', () => {
    const words = extractWords('Het Coalitieakkoord en de café-avond');
    expect(words).toEqual(expect.arrayContaining(['coalitieakkoord', 'coalitie', 'akkoord', 'cafe', 'avond']));
    expect(words).not.toContain('het');
  });

  it('strips control and private-use characters from indexed text, and decodes entities', () => {
    expect(cleanText('a\uE000b\u0000c\n\n d\uE001')).toBe('abc d');
    expect(decodeEntities('&lt;script&gt; &amp;amp; &#39; &#x263A; &bogus;')).toBe("<script> &amp; ' ☺ &bogus;");
  });

  it('replaces corrected words outside quotes and exclusions only', () => {
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

/** A query by hand (the analysis has its own tests): what the tsquery is written from. */
function q(required: ParsedQuery['required'], excluded: ParsedQuery['excluded'] = []): ParsedQuery {
  return { text: '', required, excluded, highlight: new Set(), correctable: [] };
}
const word = (typed: string, terms: string[], extra: { phrase?: boolean; prefix?: boolean } = {}) => ({
  typed,
  alternatives: [{ terms, phrase: extra.phrase ?? false, prefix: extra.prefix ?? false }],
  synonymAlternatives: [],
});

describe('the PostgreSQL engine\'s tsquery and tsvector text', () => {
  it('quotes lexemes, doubling quotes and escaping backslashes', () => {
    expect(lexeme("zo'n")).toBe("'zo''n'");
    expect(lexeme('a\\b')).toBe("'a\\\\b'");
  });

  it('writes AND of OR-groups, phrases, prefixes and exclusions', () => {
    const query = q(
      [[word('fusie', ['fusie'], { prefix: true })], [word('alv', ['alv']), word('raad', ['raad'])], [word('historisch besluit', ['historisch', 'besluit'], { phrase: true })]],
      [word('notaris', ['notaris'])],
    );
    expect(matchQuery(query, 'all')).toBe("('fusie':* & ('alv' | 'raad') & ('historisch' <-> 'besluit')) & !'notaris'");
    expect(matchQuery(query, 'most')).toBe("('fusie':* | ('alv' | 'raad') | ('historisch' <-> 'besluit')) & !'notaris'");
    expect(matchQuery(q([], [word('fusie', ['fusie'])]), 'all')).toBeNull();
    expect(anyTermQuery(query, 'B')).toBe("('fusie':*B | 'alv':B | 'raad':B | 'historisch':B | 'besluit':B)");
  });

  it('keeps the distance of a stop word inside a phrase, and ORs synonym alternatives', () => {
    const parsed = parseQuery('"verklaring omtrent het gedrag"');
    expect(matchQuery(parsed, 'all')).toMatch(/<2>/);
    const synonyms = parseQuery('alv', [{ terms: ['alv', 'algemene ledenvergadering'] }]);
    expect(matchQuery(synonyms, 'all')).toMatch(/^\('alv' \| \('[a-z]+' <-> '[a-z]+'\)\)$/);
  });

  it('puts the title before the body, at A on the opening post and C on a reply, never a phrase across them', () => {
    const opening = documentTsvector('Fusie', 'fusie nu', true);
    expect(opening).toContain("'fusie':1A,3B");
    expect(documentTsvector('Fusie', 'fusie', false)).toBe("'fusie':1C,3B");
    expect(documentTsvector('', "zo'n fusie", false)).not.toContain(':0');
  });

  it('weighs the parts of a compound at D, and leaves them out of a reply\'s title', () => {
    // raadsleden → radlid (the word; Snowball stems raad to rad) + rad, lid (its parts).
    expect(documentTsvector('Raadsleden', 'leden en raadsleden', true)).toBe("'radlid':1A,5B 'rad':1D,5D 'lid':1D,3B,5D");
    expect(documentTsvector('Raadsleden', 'leden', false)).toBe("'radlid':1C 'lid':3B");
  });
});
