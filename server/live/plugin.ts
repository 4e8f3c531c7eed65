import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

/** The live concern: registered by app.ts after the forum routes. */
export default async function livePlugin(_app: FastifyInstance, _opts: { config: Config }) {}
