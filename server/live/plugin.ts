import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { CLOSE } from '../../shared/live/protocol.js';
import { hashSessionId } from '../auth/session-store.js';
import type { Config } from '../config.js';
import { forbidden } from '../http/errors.js';
import { startBus } from './bus.js';
import { originAllowed, refusal } from './access.js';
import { LiveHub } from './hub.js';
import { FORUM_CHANNEL, notifyTyping, notifyUserEvent, USER_CHANNEL, type ForumChannelEvent, type UserEvent } from './notify.js';
import { WsLiveSocket } from './socket.js';
import { createLiveStore } from './store.js';

const HEARTBEAT_MS = 30_000;
/** Frames beyond this are cut off by `ws` itself (close 1009); smaller oversized messages get an error message. */
const MAX_FRAME_BYTES = 64 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    /** The live hub of this process (local to the live plugin; tests reach it through the plugin's scope). */
    liveHub: LiveHub;
  }
}

/** The live concern: registered by app.ts after the forum routes. See hub.ts for how events flow. */
export default async function livePlugin(app: FastifyInstance, opts: { config: Config }) {
  const { config } = opts;
  const hub = new LiveHub(createLiveStore(app.db, { staffTotpRequired: config.staffTotpRequired }), app.log, (event) => notifyTyping(app.db, event));
  app.decorate('liveHub', hub);

  // Before @fastify/websocket's own preClose (which closes sockets without a code): members' screens learn why.
  app.addHook('preClose', async () => hub.closeAll(CLOSE.goingAway, 'De server wordt herstart.'));
  await app.register(websocket, {
    options: { maxPayload: MAX_FRAME_BYTES },
    // An abrupt disconnect or an oversized frame is the client's problem, not a server error.
    errorHandler: (error, socket) => {
      app.log.debug({ err: error }, 'live socket error');
      socket.terminate();
    },
  });

  const bus = await startBus(
    app.database,
    {
      message(channel, payload) {
        let event: unknown;
        try {
          event = JSON.parse(payload);
        } catch {
          return app.log.warn({ channel }, 'live: unreadable notification');
        }
        if (channel === FORUM_CHANNEL) void hub.forumEvent(event as ForumChannelEvent);
        else if (channel === USER_CHANNEL) void hub.userEvent(event as UserEvent);
      },
      reconnected: () => hub.resync(),
    },
    app.log,
  );
  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    await bus.close();
  });

  // Close this process's sockets at once, and tell the other processes through the database.
  const publish = (event: UserEvent) => notifyUserEvent(app.db, event).catch((error: unknown) => app.log.warn({ err: error }, 'live: notify failed'));
  const onLogout = ({ userId, sessionId }: { userId: number; sessionId: string }) => {
    const sessionHash = hashSessionId(sessionId);
    hub.closeSession(sessionHash, 'Je bent uitgelogd.');
    void publish({ type: 'session.ended', userId, sessionHash });
  };
  const onRevoked = ({ userId, kept }: { userId: number; kept?: { from: string; to: string } }) => {
    const moved = kept && { from: hashSessionId(kept.from), to: hashSessionId(kept.to) };
    hub.closeUser(userId, CLOSE.unauthenticated, 'Je bent overal uitgelogd.', moved);
    void publish({ type: 'sessions.revoked', userId, ...(moved ? { kept: moved } : {}) });
  };
  app.authEvents.on('logout', onLogout);
  app.authEvents.on('revoked', onRevoked);
  app.addHook('onClose', async () => {
    app.authEvents.off('logout', onLogout);
    app.authEvents.off('revoked', onRevoked);
  });

  const sockets = new Set<WsLiveSocket>();
  const heartbeat = setInterval(() => {
    for (const socket of sockets) socket.heartbeat();
  }, HEARTBEAT_MS);
  heartbeat.unref();

  app.get(
    '/api/live',
    {
      websocket: true,
      // Public at the HTTP level so that a refused member gets a websocket close code with a reason the SPA can show
      // (a browser never sees the status of a failed handshake); the checks are below.
      config: { auth: 'public' },
      schema: { summary: 'Live-verbinding (websocket)', description: 'Een GET met `Upgrade: websocket` (101). Open op HTTP-niveau; wie geen actief lid is, krijgt een sluitcode met de reden (4401, 4403). De berichten en hun protocolversie staan in shared/live/protocol.ts.', tags: ['live'] },
      preValidation: async (request) => {
        if (!originAllowed(request, config)) throw forbidden('bad_origin', 'Deze verbinding komt niet van deze website.');
      },
    },
    (ws, request) => {
      // Synchronous up to hub.accept(): the message listener is attached before anything could await.
      // Opening the socket was a signed-in request (its last_seen_at touched then); what it sends later counts too.
      const socket = new WsLiveSocket(ws, () => {
        if (request.user) app.lastSeen.touch(request.user.id);
      });
      const refused = refusal(request.user);
      if (refused) return socket.close(refused.code, refused.reason);
      sockets.add(socket);
      socket.onClose(() => sockets.delete(socket));
      hub.accept(socket, request.user!, hashSessionId(request.session.sessionId));
    },
  );
}
