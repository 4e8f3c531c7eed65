import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { CreateGuideLinkBody, CreateGuideSectionBody, Guide, GUIDE_LIMITS, UpdateGuideLinkBody, UpdateGuideSectionBody } from '../../shared/api/guide.js';
import type { Tx } from '../db/client.js';
import { guideLinks, guideSections } from '../db/schema.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { placed } from './order.js';
import { linkOrder, readGuide, sectionOrder } from './read.js';
import { checkedUrl } from './url.js';

/**
 * The Wegwijzer: members read it, the kenniscentrum's staff keep it (auth 'centre': admins and the centre team).
 * Every change answers the whole Wegwijzer, as the page shows it. Changes take one lock on the sections table, so
 * two editors moving things at once each see the other's order and positions stay 0, 1, 2, … in every list.
 */
export default async function guideRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const staff = { config: { auth: 'centre' as const } };

  const lock = (tx: Tx) => tx.execute(sql`lock table ${guideSections} in share row exclusive mode`);

  async function section(tx: Tx, id: number) {
    const [row] = await tx.select().from(guideSections).where(eq(guideSections.id, id));
    if (!row) throw notFound('Dit onderwerp bestaat niet (meer).');
    return row;
  }

  async function link(tx: Tx, id: number) {
    const [row] = await tx.select().from(guideLinks).where(eq(guideLinks.id, id));
    if (!row) throw notFound('Deze link bestaat niet (meer).');
    return row;
  }

  /** The section a link goes to; a 400 on the field, since the editor picked it in the form. */
  async function targetSection(tx: Tx, id: number) {
    const [row] = await tx.select({ id: guideSections.id }).from(guideSections).where(eq(guideSections.id, id));
    if (!row) throw badRequest('unknown_section', 'Dit onderwerp bestaat niet (meer). Laad de pagina opnieuw.', 'sectionId');
    const [{ n }] = (await tx.select({ n: count() }).from(guideLinks).where(eq(guideLinks.sectionId, id))) as [{ n: number }];
    return { id: row.id, links: n };
  }

  async function writeSectionOrder(tx: Tx, ids: readonly number[]) {
    for (const [position, id] of ids.entries()) await tx.update(guideSections).set({ position }).where(and(eq(guideSections.id, id), sql`${guideSections.position} <> ${position}`));
  }

  async function writeLinkOrder(tx: Tx, ids: readonly number[]) {
    for (const [position, id] of ids.entries()) await tx.update(guideLinks).set({ position }).where(and(eq(guideLinks.id, id), sql`${guideLinks.position} <> ${position}`));
  }

  api.get('/api/guide', { config: { auth: 'member' }, schema: { summary: 'De Wegwijzer: onderwerpen met hun links', tags: ['guide'], response: { 200: Guide } } }, async () => readGuide(app.db));

  api.post(
    '/api/guide/sections',
    { ...staff, schema: { summary: 'Onderwerp toevoegen aan de Wegwijzer', tags: ['guide'], body: CreateGuideSectionBody, response: { 201: Guide } } },
    async (request, reply) => {
      const name = request.body.name.trim();
      if (name.length < GUIDE_LIMITS.sectionNameMin) throw badRequest('invalid_name', `De naam moet minstens ${GUIDE_LIMITS.sectionNameMin} tekens hebben.`, 'name');
      await app.db.transaction(async (tx) => {
        await lock(tx);
        const order = await sectionOrder(tx);
        if (order.length >= GUIDE_LIMITS.sectionsMax) throw conflict('too_many_sections', `De Wegwijzer kan hoogstens ${GUIDE_LIMITS.sectionsMax} onderwerpen hebben.`);
        await tx.insert(guideSections).values({ name, position: order.length });
      });
      return reply.code(201).send(await readGuide(app.db));
    },
  );

  api.patch(
    '/api/guide/sections/:id',
    { ...staff, schema: { summary: 'Onderwerp hernoemen of verplaatsen', tags: ['guide'], params: IdParams, body: UpdateGuideSectionBody, response: { 200: Guide } } },
    async (request) => {
      const { name, position } = request.body;
      if (name === undefined && position === undefined) throw badRequest('nothing_to_change', 'Geef minstens één wijziging mee.');
      const trimmed = name?.trim();
      if (trimmed !== undefined && trimmed.length < GUIDE_LIMITS.sectionNameMin) throw badRequest('invalid_name', `De naam moet minstens ${GUIDE_LIMITS.sectionNameMin} tekens hebben.`, 'name');
      await app.db.transaction(async (tx) => {
        await lock(tx);
        const current = await section(tx, request.params.id);
        if (trimmed !== undefined && trimmed !== current.name) await tx.update(guideSections).set({ name: trimmed }).where(eq(guideSections.id, current.id));
        if (position !== undefined) await writeSectionOrder(tx, placed(await sectionOrder(tx), current.id, position));
      });
      return readGuide(app.db);
    },
  );

  // A section that still holds links is not deleted with them: a careful editor moves or deletes those first, one
  // by one, rather than losing a list of curated links with one click.
  api.delete(
    '/api/guide/sections/:id',
    { ...staff, schema: { summary: 'Leeg onderwerp verwijderen', tags: ['guide'], params: IdParams, response: { 200: Guide } } },
    async (request) => {
      await app.db.transaction(async (tx) => {
        await lock(tx);
        const current = await section(tx, request.params.id);
        const links = await linkOrder(tx, current.id);
        if (links.length > 0) {
          throw conflict(
            'section_not_empty',
            `„${current.name}” bevat nog ${links.length === 1 ? '1 link' : `${links.length} links`}. Verplaats of verwijder die eerst.`,
          );
        }
        await tx.delete(guideSections).where(eq(guideSections.id, current.id));
        await writeSectionOrder(tx, await sectionOrder(tx));
      });
      return readGuide(app.db);
    },
  );

  api.post(
    '/api/guide/links',
    { ...staff, schema: { summary: 'Link toevoegen aan de Wegwijzer', tags: ['guide'], body: CreateGuideLinkBody, response: { 201: Guide } } },
    async (request, reply) => {
      const body = request.body;
      const fields = { title: body.title.trim(), url: checkedUrl(body.url), description: body.description.trim() };
      if (fields.title.length < GUIDE_LIMITS.linkTitleMin) throw badRequest('invalid_title', `De titel moet minstens ${GUIDE_LIMITS.linkTitleMin} tekens hebben.`, 'title');
      await app.db.transaction(async (tx) => {
        await lock(tx);
        const target = await targetSection(tx, body.sectionId);
        if (target.links >= GUIDE_LIMITS.linksPerSectionMax) throw conflict('too_many_links', `Een onderwerp kan hoogstens ${GUIDE_LIMITS.linksPerSectionMax} links hebben.`);
        await tx.insert(guideLinks).values({ ...fields, sectionId: target.id, position: target.links, updatedBy: request.user!.id });
      });
      return reply.code(201).send(await readGuide(app.db));
    },
  );

  api.patch(
    '/api/guide/links/:id',
    { ...staff, schema: { summary: 'Link wijzigen of verplaatsen', tags: ['guide'], params: IdParams, body: UpdateGuideLinkBody, response: { 200: Guide } } },
    async (request) => {
      const body = request.body;
      if (Object.keys(body).length === 0) throw badRequest('nothing_to_change', 'Geef minstens één wijziging mee.');
      const set: Partial<typeof guideLinks.$inferInsert> = {};
      if (body.title !== undefined) set.title = body.title.trim();
      if (set.title !== undefined && set.title.length < GUIDE_LIMITS.linkTitleMin) throw badRequest('invalid_title', `De titel moet minstens ${GUIDE_LIMITS.linkTitleMin} tekens hebben.`, 'title');
      if (body.url !== undefined) set.url = checkedUrl(body.url);
      if (body.description !== undefined) set.description = body.description.trim();
      await app.db.transaction(async (tx) => {
        await lock(tx);
        const current = await link(tx, request.params.id);
        const moving = body.sectionId !== undefined && body.sectionId !== current.sectionId;
        if (moving) {
          const target = await targetSection(tx, body.sectionId!);
          if (target.links >= GUIDE_LIMITS.linksPerSectionMax) throw conflict('too_many_links', `Een onderwerp kan hoogstens ${GUIDE_LIMITS.linksPerSectionMax} links hebben.`);
          set.sectionId = target.id;
        }
        const changed = (Object.keys(set) as (keyof typeof set)[]).some((key) => set[key] !== current[key]);
        if (changed) await tx.update(guideLinks).set({ ...set, updatedBy: request.user!.id, updatedAt: new Date() }).where(eq(guideLinks.id, current.id));
        if (moving) {
          await writeLinkOrder(tx, await linkOrder(tx, current.sectionId));
          await writeLinkOrder(tx, placed(await linkOrder(tx, set.sectionId!), current.id, body.position));
        } else if (body.position !== undefined) {
          await writeLinkOrder(tx, placed(await linkOrder(tx, current.sectionId), current.id, body.position));
        }
      });
      return readGuide(app.db);
    },
  );

  api.delete(
    '/api/guide/links/:id',
    { ...staff, schema: { summary: 'Link verwijderen', tags: ['guide'], params: IdParams, response: { 200: Guide } } },
    async (request) => {
      await app.db.transaction(async (tx) => {
        await lock(tx);
        const current = await link(tx, request.params.id);
        await tx.delete(guideLinks).where(eq(guideLinks.id, current.id));
        await writeLinkOrder(tx, await linkOrder(tx, current.sectionId));
      });
      return readGuide(app.db);
    },
  );
}
