import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

/** The search concern: registered by app.ts after the forum routes. */
export default async function searchPlugin(_app: FastifyInstance, _opts: { config: Config }) {}
