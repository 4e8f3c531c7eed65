import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { asc, eq } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { SynonymGroup, SynonymGroupInput, SynonymList } from '../../shared/api/search.js';
import { searchSynonyms } from '../db/schema.js';
import { badRequest, notFound } from '../http/errors.js';
import { isEngineUnavailable } from './errors.js';
import type { SynonymStore } from './synonyms.js';
import type { SearchIndex } from './types.js';

/** Quotes of every kind: the query parser reads them as a phrase, so an expression with one could never match. */
const QUOTE = /["'`´‘’‚‛“”„‟«»]/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * One group as it is stored: each expression trimmed, lower-case, runs of white space as one space, duplicates
 * dropped (first one kept). Throws a Dutch 400 naming the field for what cannot be a synonym.
 */
export function normaliseSynonymGroup(input: SynonymGroupInput): string[] {
  const terms: string[] = [];
  input.terms.forEach((raw, i) => {
    const term = raw.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('nl');
    if (QUOTE.test(term)) throw badRequest('synonym_quote', `„${raw.trim()}” bevat een aanhalingsteken; laat dat weg.`, `terms.${i}`);
    if (!WORD_CHARACTER.test(term)) throw badRequest('synonym_no_word', `„${raw.trim()}” bevat geen letters of cijfers.`, `terms.${i}`);
    if (!terms.includes(term)) terms.push(term);
  });
  if (terms.length < 2) throw badRequest('synonym_too_few', 'Een groep heeft minstens twee verschillende woorden of uitdrukkingen nodig.', 'terms');
  return terms;
}

const toDto = (row: typeof searchSynonyms.$inferSelect): SynonymGroup => ({ id: row.id, terms: row.terms, updatedAt: row.updatedAt.toISOString() });

/**
 * The admins' synonym list: /api/admin/search-synonyms (list, add, change, delete). The table is the truth; after
 * each change the cache is dropped and the engine gets the whole list again (Meilisearch keeps synonyms in its
 * settings; PostgreSQL expands them in the query). An engine that is away does not lose the change: it is saved,
 * logged, and the search plugin's setup sends the list again when the engine is back.
 * Not in the moderation log: that log is about members and their posts (its actions are a fixed list in
 * shared/api/moderation.ts); the change is logged with the admin's id instead.
 */
export default async function synonymRoutes(app: FastifyInstance, opts: { store: SynonymStore; index: () => SearchIndex }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const afterChange = async (log: FastifyBaseLogger, what: Record<string, unknown>) => {
    log.info({ synonyms: what }, 'search synonyms changed');
    opts.store.invalidate();
    const index = opts.index();
    try {
      await index.setSynonyms(await opts.store.current());
    } catch (err) {
      if (isEngineUnavailable(err)) log.warn({ err }, 'search: synonyms saved, engine unavailable; setup sends them again');
      else log.error({ err }, 'search: the engine refused the synonym list');
    }
  };

  api.get('/api/admin/search-synonyms', { config: { auth: 'admin' }, schema: { summary: 'Zoeksynoniemen', tags: ['admin'], response: { 200: SynonymList } } }, async () => {
    const rows = await app.db.select().from(searchSynonyms).orderBy(asc(searchSynonyms.id));
    return { groups: rows.map(toDto) };
  });

  api.post(
    '/api/admin/search-synonyms',
    { config: { auth: 'admin' }, schema: { summary: 'Synoniemengroep toevoegen', tags: ['admin'], body: SynonymGroupInput, response: { 201: SynonymGroup } } },
    async (request, reply) => {
      const terms = normaliseSynonymGroup(request.body);
      const [row] = await app.db.insert(searchSynonyms).values({ terms }).returning();
      await afterChange(request.log, { added: row!.id, by: request.user?.id, terms });
      return reply.code(201).send(toDto(row!));
    },
  );

  api.put(
    '/api/admin/search-synonyms/:id',
    { config: { auth: 'admin' }, schema: { summary: 'Synoniemengroep wijzigen', tags: ['admin'], params: IdParams, body: SynonymGroupInput, response: { 200: SynonymGroup } } },
    async (request) => {
      const terms = normaliseSynonymGroup(request.body);
      const [row] = await app.db.update(searchSynonyms).set({ terms, updatedAt: new Date() }).where(eq(searchSynonyms.id, request.params.id)).returning();
      if (!row) throw notFound('Die synoniemengroep bestaat niet (meer).');
      await afterChange(request.log, { changed: row.id, by: request.user?.id, terms });
      return toDto(row);
    },
  );

  api.delete('/api/admin/search-synonyms/:id', { config: { auth: 'admin' }, schema: { summary: 'Synoniemengroep verwijderen', tags: ['admin'], params: IdParams } }, async (request, reply) => {
    const [row] = await app.db.delete(searchSynonyms).where(eq(searchSynonyms.id, request.params.id)).returning({ id: searchSynonyms.id });
    if (!row) throw notFound('Die synoniemengroep bestaat niet (meer).');
    await afterChange(request.log, { deleted: row.id, by: request.user?.id });
    return reply.code(204).send();
  });
}
