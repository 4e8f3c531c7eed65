import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

/** The moderation concern: registered by app.ts after the forum routes. */
export default async function moderationPlugin(_app: FastifyInstance, _opts: { config: Config }) {}
