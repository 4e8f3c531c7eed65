import { foldWord } from './fold.js';

/** Frequent Dutch words that say nothing about a subject: neither indexed nor looked for. */
const STOP_WORDS = new Set([
  'de', 'het', 'een', 'en', 'van', 'in', 'op', 'te', 'dat', 'die', 'is', 'voor', 'met', 'aan', 'er', 'als', 'bij', 'om', 'ook',
  'tot', 'uit', 'maar', 'dan', 'of', 'zijn', 'was', 'wordt', 'door', 'naar', 'nog', 'wel', 'niet', 'ze', 'zij', 'hij', 'ik', 'je',
  'we', 'wij', 'u', 'dit', 'deze', 'wat', 'hoe', 'waar', 'al', 'over', 'heb', 'hebben', 'heeft', 'kan', 'kunnen', 'zou', 'moet',
  // Pronouns and little words members type in questions ("hoe doen jullie dat?"); none names a subject.
  'mijn', 'ons', 'onze', 'jullie', 'zich', 'hun', 'mij', 'me', 'hem', 'jij', 'jou', 'jouw', 'uw', 'zo', 'nu', 'want', 'omdat',
  'toen', 'dus', 'iets', 'had', 'hadden', 'werd', 'worden', 'zal', 'zullen', 'kun', 'kunt', 'wie', 'welke', 'ja', 'nee',
]);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(foldWord(word));
}
