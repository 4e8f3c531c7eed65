import { describe, expect, it } from 'vitest';
import { analyseText, termsOf } from '../../server/search/analysis/index.js';
import { wordTerms } from '../../server/search/analysis/word.js';

/** The first term of a word: what a query for it looks for. */
const root = (word: string): string => wordTerms(word)[0]!;
const shareRoot = (...words: string[]): void => {
  const roots = new Set(words.map(root));
  expect(roots, `${words.join(', ')} → ${[...roots].join(', ')}`).toHaveProperty('size', 1);
};

describe('word forms share one root', () => {
  it.each([
    ['fusie', 'fusies'],
    ['kandidaat', 'kandidaten'],
    ['partij', 'partijen', 'partijtje'],
    ['flyer', 'flyers', 'flyertje', 'flyeren'],
    ['lijst', 'lijsten', 'lijstje'],
    ['werven', 'werft', 'geworven', 'werf'],
    ['fuseren', 'fuseert', 'gefuseerd', 'fuseerde'],
    ['stemmen', 'stemt', 'gestemd', 'stemde'],
    ['campagne', 'campagnes'],
    ['idee', 'ideeën', 'ideeen'],
    ['café', 'cafe', 'CAFÉ'],
    ['coördinatie', 'coordinatie'],
    ['ALV', "ALV's", 'alv'],
  ])('%s', (...words) => shareRoot(...words));
});

describe('word families of this forum', () => {
  it.each([
    ['fuseren', 'fusie', 'gefuseerd', 'fusering'],
    ['werven', 'werving', 'wervingen'],
    ['stemmen', 'stemming'],
    ['begroten', 'begroting', 'begroot'],
    ['vergaderen', 'vergadering', 'vergaderingen'],
    ['verkiezing', 'verkiezingen', 'verkiezen', 'verkozen'],
    ['subsidie', 'subsidies', 'subsidiëren', 'gesubsidieerd'],
    ['lid', 'leden'],
    ['statuten', 'statuut'],
    ['wijzigen', 'wijziging', 'gewijzigd'],
  ])('%s', (...words) => shareRoot(...words));

  it('keeps words that only look alike apart', () => {
    expect(root('kast')).not.toBe(root('kas'));
    expect(root('fusie')).not.toBe(root('flyeren'));
    expect(root('wethouder')).not.toBe(root('wet'));
  });
});

describe('compounds carry their parts', () => {
  const has = (word: string, ...parts: string[]): void => {
    const terms = wordTerms(word);
    for (const part of parts) expect(terms, `${word}: ${terms.join(' ')}`).toContain(root(part));
  };

  it.each([
    ['privacywet', 'privacy', 'wet'],
    ['statutenwijziging', 'statuten', 'wijzigen'],
    ['ledenwerving', 'leden', 'werven'],
    ['kandidatenlijst', 'kandidaten', 'lijst'],
    ['kandidaatstelling', 'kandidaat'],
    ['fondsenwervingsactie', 'fonds', 'werving', 'actie'],
    ['raadslid', 'raad', 'lid'],
    ['raadsleden', 'raad', 'lid'],
    ['gemeenteraadsverkiezingen', 'gemeente', 'raad', 'verkiezing'],
    ['jongerenafdeling', 'jongeren', 'afdeling'],
    ['bestuursvergadering', 'bestuur', 'vergadering'],
    ['thema-avond', 'thema', 'avond'],
  ])('%s', (word, ...parts) => has(word, ...parts));

  it('gives a compound one term whatever form its last part has', () => {
    expect(root('ledenwerving')).toBe(root('ledenwervingen'));
    expect(root('kandidatenlijst')).toBe(root('kandidatenlijsten'));
  });

  it.each(['wethouder', 'partijen', 'stemming', 'persoon', 'planning', 'regelmatig', 'kassa', 'verkiezing', 'raadsel'])(
    'does not split %s',
    (word) => expect(wordTerms(word)).toHaveLength(1),
  );
});

describe('analyseText', () => {
  it('skips stop words but counts their positions, and gives a compound its parts at one position', () => {
    const tokens = analyseText('De ledenwerving van de partij');
    expect(tokens.map((t) => t.position)).toEqual([2, 5]);
    expect(tokens[0]!.terms).toEqual(['lidwerf', 'lid', 'werf']);
    expect(tokens[0]).toMatchObject({ start: 3, end: 15 });
  });

  it('keeps every term lower-case, folded and free of spaces, quotes and hyphens', () => {
    const text = `"Privacywet" 'AVG-regels' Coördinatie d'r CAFÉ’s <script>alert(1)</script> zo'n 2026 x-y-z Ångström`;
    for (const term of termsOf(text)) {
      expect(term).toMatch(/^[a-z0-9]+$/);
    }
  });

  it('analyses a long text with every word at a bounded position', () => {
    const tokens = analyseText('fusie '.repeat(20_000));
    expect(tokens.at(-1)!.position).toBe(16383);
  });
});
