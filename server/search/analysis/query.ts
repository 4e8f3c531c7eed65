import { analyseText } from './analyse.js';
import type { ParsedQuery, QueryClause, SynonymSet, TermGroup } from './types.js';

/** A part of what was typed: a word or a quoted phrase, maybe excluded (-), maybe joined to the previous by OF. */
interface Piece {
  typed: string;
  quoted: boolean;
  excluded: boolean;
  orWithPrevious: boolean;
  /** The analysed words of the piece; a word may give several terms (a compound and its parts). */
  words: string[][];
}

/** Terms shorter than this are not matched as a prefix: "la" would find half the index. */
const MIN_PREFIX = 4;

/**
 * The member's query, analysed as documents are: word forms, compounds and synonyms become alternatives.
 * Syntax (as before, and as the search page explains): "een zin" for words in that order, -woord to leave out,
 * OF (in capitals) between words for either.
 */
export function parseQuery(text: string, synonyms: readonly SynonymSet[] = []): ParsedQuery {
  const trimmed = text.trim();
  const pieces = splitPieces(trimmed);
  const required: QueryClause[][] = [];
  const excluded: QueryClause[] = [];
  const correctable: string[] = [];
  const expressions = synonymExpressions(synonyms);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.words.length === 0) continue;
    let clause: QueryClause;
    let span = 1;
    const match = piece.quoted || piece.excluded ? null : matchSynonym(pieces, i, expressions);
    if (match) {
      span = match.span;
      clause = {
        typed: pieces.slice(i, i + span).map((p) => p.typed).join(' '),
        alternatives: [match.own, ...match.others],
        synonymAlternatives: match.others.map((_, k) => k + 1),
      };
    } else {
      clause = { typed: piece.typed, alternatives: [pieceGroup(piece, i === pieces.length - 1 && !piece.excluded)], synonymAlternatives: [] };
    }
    i += span - 1;
    if (piece.excluded) {
      excluded.push(clause);
      continue;
    }
    if (!piece.quoted && span === 1 && /^\p{L}{4,30}$/u.test(piece.typed)) correctable.push(piece.typed);
    const last = required[required.length - 1];
    if (piece.orWithPrevious && last) last.push(clause);
    else required.push([clause]);
  }
  const highlight = new Set(required.flat().flatMap((c) => c.alternatives.flatMap((a) => a.terms)));
  return { text: trimmed, required, excluded, highlight, correctable };
}

function pieceGroup(piece: Piece, last: boolean): TermGroup {
  if (piece.quoted) return { terms: piece.words.map((w) => w[0]!), phrase: true, prefix: false };
  // A single word: its root, or (for a compound) all of its parts.
  const terms = piece.words[0]!;
  const root = terms[0]!;
  if (terms.length > 1) return { terms: terms.slice(1), phrase: false, prefix: false };
  return { terms: [root], phrase: false, prefix: last && root.length >= MIN_PREFIX };
}

function splitPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let orNext = false;
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  for (const m of text.matchAll(re)) {
    if (m[3] === 'OF') {
      orNext = pieces.length > 0;
      continue;
    }
    const quoted = m[2] !== undefined;
    const raw = quoted ? m[2]! : m[3]!;
    const excluded = quoted ? m[1] === '-' : raw.startsWith('-') && raw.length > 1;
    const typed = quoted ? raw : excluded ? raw.slice(1) : raw;
    const words = analyseText(typed).map((t) => t.terms);
    // A quoted single word is just that word.
    pieces.push({ typed: typed.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''), quoted: quoted && words.length > 1, excluded, orWithPrevious: orNext, words });
    orNext = false;
  }
  return pieces;
}

interface Expression {
  /** Roots of the expression's words, in order. */
  roots: string[];
  group: number;
}

function synonymExpressions(synonyms: readonly SynonymSet[]): Expression[] {
  const list: Expression[] = [];
  synonyms.forEach((set, group) => {
    for (const term of set.terms) {
      const roots = analyseText(term).map((t) => t.terms[0]!);
      if (roots.length > 0) list.push({ roots, group });
    }
  });
  // Longest first: "algemene ledenvergadering" before "ledenvergadering".
  return list.sort((a, b) => b.roots.length - a.roots.length);
}

function matchSynonym(
  pieces: Piece[],
  at: number,
  expressions: Expression[],
): { span: number; own: TermGroup; others: TermGroup[] } | null {
  for (const expression of expressions) {
    const span = expression.roots.length;
    const window = pieces.slice(at, at + span);
    if (window.length < span || window.some((p, k) => p.quoted || p.excluded || p.words.length !== 1 || (k > 0 && p.orWithPrevious))) continue;
    if (!window.every((p, k) => p.words[0]![0] === expression.roots[k])) continue;
    const own: TermGroup = { terms: expression.roots, phrase: span > 1, prefix: false };
    const others = expressions
      .filter((e) => e.group === expression.group && e !== expression)
      .map((e) => ({ terms: e.roots, phrase: e.roots.length > 1, prefix: false }));
    return { span, own, others };
  }
  return null;
}
