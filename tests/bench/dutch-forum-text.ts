/**
 * Generated Dutch forum text for the search benchmark: threads about the subjects local parties ask each other
 * about, with a vocabulary of their own (fusie, kandidatenlijst, campagne, ledenwerving, fondsenwerving, ALV,
 * wethouder …), words drawn with a Zipf-like skew (a few very common, a long tail of rare ones: municipalities,
 * names, local issues, compounds) and post lengths from a one-line "eens!" to a long report. Deterministic for a seed.
 */
import { GEMEENTEN } from '../../client/src/data/gemeenten.js';
import {
  ADJECTIVES,
  CLOSERS,
  COMMON_NOUNS,
  DAYS,
  FIRST,
  GENERAL,
  HEADS,
  ISSUES,
  LAST,
  MONTHS,
  NUMBERS,
  OPENERS,
  PARTY_FORMS,
  ROLES,
  SHORT,
  TAILS,
  TOPICS,
  type Noun,
  type Topic,
} from './dutch-forum-vocabulary.js';

/** mulberry32: small, fast, good enough to make the same corpus from the same seed. */
export function makeRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  /** Zipf-like: the first items are picked far more often than the last (weight 1/(rank+1)^0.9). */
  const zipf = <T>(items: readonly T[]): T => {
    const u = next();
    // Inverse of the continuous approximation of the 1/x^0.9 cumulative: cheap and close enough.
    const n = items.length;
    const rank = Math.floor(Math.pow(u * (Math.pow(n + 1, 0.1) - 1) + 1, 10)) - 1;
    return items[Math.min(n - 1, Math.max(0, rank))]!;
  };
  const chance = (p: number) => next() < p;
  return { next, int, pick, zipf, chance };
}
export type Random = ReturnType<typeof makeRandom>;

export interface GeneratedThread {
  category: string;
  title: string;
  /** Markdown bodies, the first opens the thread. */
  posts: string[];
}

/** Makes threads one after another; topics, words and lengths vary but follow the same distributions for a seed. */
export class ForumTextGenerator {
  private readonly r: Random;
  private readonly gemeenten: string[];

  constructor(seed: number) {
    this.r = makeRandom(seed);
    // A few municipalities come up far more often (where the active members live): shuffle once, then Zipf.
    this.gemeenten = [...GEMEENTEN];
    for (let i = this.gemeenten.length - 1; i > 0; i--) {
      const j = this.r.int(i + 1);
      [this.gemeenten[i], this.gemeenten[j]] = [this.gemeenten[j]!, this.gemeenten[i]!];
    }
  }

  /** A thread of `postCount` posts on one subject; now and then a post strays to another subject. */
  thread(postCount: number): GeneratedThread {
    // Every subject has its category; none dominates the forum.
    const topic = this.r.pick(TOPICS);
    const posts: string[] = [];
    for (let i = 0; i < postCount; i++) posts.push(this.post(i > 0 && this.r.chance(0.1) ? this.r.pick(TOPICS) : topic, i === 0));
    return { category: topic.category, title: this.fill(this.r.pick(topic.titles), topic), posts };
  }

  private post(topic: Topic, opening: boolean): string {
    const r = this.r;
    const kind = r.next();
    // Lengths: a third one-liners, most a short paragraph, some long, a few reports of many paragraphs.
    const sentences = opening ? 2 + r.int(6) : kind < 0.3 ? 1 : kind < 0.75 ? 2 + r.int(5) : kind < 0.95 ? 7 + r.int(10) : 20 + r.int(60);
    if (!opening && sentences === 1 && r.chance(0.6)) return this.fill(r.pick(SHORT), topic);
    const paragraphs: string[] = [];
    let current: string[] = [];
    if (!opening && r.chance(0.3)) current.push(this.fill(r.pick(OPENERS), topic));
    for (let i = 0; i < sentences; i++) {
      current.push(this.sentence(topic));
      if (current.length >= 3 + r.int(4) && i < sentences - 1) {
        paragraphs.push(current.join(' '));
        current = [];
      }
    }
    if (r.chance(0.25)) current.push(this.fill(r.pick(CLOSERS), topic));
    paragraphs.push(current.join(' '));
    // Some Markdown, as members write it: a list, a quote, emphasis.
    if (sentences > 4 && r.chance(0.2)) {
      const items = Array.from({ length: 2 + r.int(4) }, () => `- ${this.fill(r.pick(['{X}', '{X} en {y}', '{X} in {maand}', '{issue}']), topic)}`);
      paragraphs.splice(1, 0, items.join('\n'));
    }
    if (!opening && r.chance(0.08)) paragraphs.unshift(`> ${this.sentence(topic)}`);
    if (r.chance(0.1)) paragraphs[paragraphs.length - 1] = paragraphs[paragraphs.length - 1]!.replace(/(\p{L}+)/u, '**$1**');
    return paragraphs.join('\n\n');
  }

  private sentence(topic: Topic): string {
    const r = this.r;
    const u = r.next();
    return this.fill(u < 0.3 ? r.pick(topic.sentences) : r.pick(GENERAL), u < 0.85 ? topic : r.pick(TOPICS));
  }

  private noun(topic: Topic): Noun {
    return this.r.chance(0.25) ? this.r.zipf(COMMON_NOUNS) : this.r.zipf(topic.nouns);
  }

  private fill(template: string, topic: Topic): string {
    const r = this.r;
    return template.replace(/\{(\w+)\}/g, (_whole, slot: string) => {
      switch (slot) {
        case 'x':
        case 'y':
          return this.noun(topic).join(' ');
        case 'X': {
          const text = this.noun(topic).join(' ');
          return text[0]!.toUpperCase() + text.slice(1);
        }
        case 'gemeente':
          return r.zipf(this.gemeenten);
        case 'partij':
          return r.pick(PARTY_FORMS).replace('{g}', r.zipf(this.gemeenten));
        case 'naam':
          return r.chance(0.5) ? r.pick(FIRST) : `${r.pick(FIRST)} ${r.pick(LAST)}`;
        case 'rol':
          return r.zipf(ROLES);
        case 'maand':
          return r.pick(MONTHS);
        case 'dag':
          return r.pick(DAYS);
        case 'getal':
          return r.pick(NUMBERS);
        case 'jaar':
          return String(2014 + r.int(12));
        case 'adj':
          return r.zipf(ADJECTIVES);
        case 'issue':
          return r.zipf(ISSUES);
        case 'compound':
          return r.zipf(HEADS) + r.zipf(TAILS);
        default:
          return slot;
      }
    });
  }
}

/** Names for the generated members. */
export function memberName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
}

/** Material for the benchmark's queries: the words the text is made of, by how common they are. */
export const QUERY_MATERIAL = {
  topicWords: TOPICS.flatMap((t) => t.nouns.slice(0, 8).map(([, word]) => word)),
  rareTopicWords: TOPICS.flatMap((t) => t.nouns.slice(8).map(([, word]) => word)),
  commonWords: COMMON_NOUNS.map(([, word]) => word),
  issues: ISSUES,
  gemeenten: GEMEENTEN,
  names: [...FIRST, ...LAST],
  compounds: HEADS.flatMap((h) => TAILS.map((t) => h + t)),
  categories: TOPICS.map((t) => t.category),
};
