import { describe, expect, it } from 'vitest';
import { buildSnippet, parseQuery, type SynonymSet } from '../../server/search/analysis/index.js';
import { wordTerms } from '../../server/search/analysis/word.js';

const SYNONYMS: SynonymSet[] = [
  { terms: ['alv', 'algemene ledenvergadering', 'ledenvergadering'] },
  { terms: ['vog', 'verklaring omtrent het gedrag'] },
];
const root = (word: string): string => wordTerms(word)[0]!;

describe('parseQuery', () => {
  it('looks for the root of each typed word, the last one also as a prefix', () => {
    const q = parseQuery('gefuseerd kandidaten');
    expect(q.required.map((g) => g.map((c) => c.alternatives))).toEqual([
      [[{ terms: ['fusie'], phrase: false, prefix: false }]],
      [[{ terms: [root('kandidaat')], phrase: false, prefix: true }]],
    ]);
    expect(q.correctable).toEqual(['gefuseerd', 'kandidaten']);
  });

  it('looks for every part of a typed compound', () => {
    const q = parseQuery('statutenwijziging');
    expect(q.required[0]![0]!.alternatives[0]!.terms).toEqual([root('statuten'), root('wijzigen')]);
  });

  it('offers synonyms as flagged alternatives, longest expression first', () => {
    const q = parseQuery('alv notulen', SYNONYMS);
    const clause = q.required[0]![0]!;
    expect(clause.typed).toBe('alv');
    expect(clause.alternatives[0]!.terms).toEqual(['alv']);
    expect(clause.synonymAlternatives).toEqual([1, 2]);
    expect(clause.alternatives.some((a) => a.phrase && a.terms.length === 2)).toBe(true);
    const long = parseQuery('algemene ledenvergadering', SYNONYMS);
    expect(long.required).toHaveLength(1);
    expect(long.required[0]![0]!.alternatives[1]!.terms).toEqual(['alv']);
  });

  it('understands phrases, -woord and OF', () => {
    const q = parseQuery('"nieuwe leden" -flyers fusie OF samenwerking');
    expect(q.required).toHaveLength(2);
    expect(q.required[0]![0]!.alternatives[0]).toMatchObject({ phrase: true });
    expect(q.required[1]!.map((c) => c.typed)).toEqual(['fusie', 'samenwerking']);
    expect(q.excluded.map((c) => c.typed)).toEqual(['flyers']);
    expect(q.correctable).toEqual(['fusie', 'samenwerking']);
  });

  it('asks for nothing when only stop words or exclusions are typed', () => {
    expect(parseQuery('de het een').required).toEqual([]);
    expect(parseQuery('-fusie').required).toEqual([]);
  });
});

describe('buildSnippet', () => {
  it('marks every form of the word looked for, in escaped text', () => {
    const q = parseQuery('fuseren');
    const html = buildSnippet('Na de fusie zijn wij <b>gefuseerd</b> & blij.', q);
    expect(html).toBe('Na de <mark>fusie</mark> zijn wij &lt;b&gt;<mark>gefuseerd</mark>&lt;/b&gt; &amp; blij.');
  });

  it('marks a compound that holds the word', () => {
    expect(buildSnippet('De nieuwe privacywet geldt ook voor ons.', parseQuery('privacy'))).toContain('<mark>privacywet</mark>');
  });

  it('produces no markup but <mark>, whatever the post holds', () => {
    const body = `<script>alert("fusie")</script><img src=x onerror=alert(1)> fusie ' " & \uE000fusie\uE001`;
    const html = buildSnippet(body, parseQuery('fusie'));
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
  });

  it('cuts a long post around its best stretch', () => {
    const body = `${'Lange inleiding zonder het woord. '.repeat(30)}Hier gaat het over de kandidatenlijst. ${'Nog meer tekst. '.repeat(30)}`;
    const html = buildSnippet(body, parseQuery('kandidatenlijst'));
    expect(html.startsWith('…')).toBe(true);
    expect(html).toContain('<mark>kandidatenlijst</mark>');
    expect(html.length).toBeLessThan(400);
  });
});
