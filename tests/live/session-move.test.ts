import { describe, expect, it } from 'vitest';
import { CLOSE } from '../../shared/live/protocol.js';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { connect, t, useListeningApp } from './sockets.js';

useListeningApp();

/**
 * A new password ends every other session of the account and their sockets; the browser that set it goes on under a
 * new session id, and its socket moves along instead of closing (server/auth/session-renewal.ts, hub.closeUser).
 */
describe('a new password and the live sockets', () => {
  it('closes the sockets of other sessions and keeps this browser’s, now bound to its new session', async () => {
    const { user, client: here } = await t.login();
    const elsewhere = await t.loginAs(user);
    const mine = await connect(here);
    const theirs = await connect(elsewhere);
    await mine.next('hello');
    await theirs.next('hello');

    const res = await here.post('/api/me/password', { currentPassword: DEFAULT_PASSWORD, newPassword: 'een-heel-nieuw-wachtwoord-7' });
    expect(res.status).toBe(204);
    expect((await theirs.closed).code).toBe(CLOSE.unauthenticated);
    await mine.roundTrip();
    expect((await elsewhere.get('/api/me')).status).toBe(401);

    // Bound to the new session: logging out here (with the new cookie) closes it.
    expect((await here.post('/api/auth/logout')).status).toBe(204);
    expect((await mine.closed).code).toBe(CLOSE.unauthenticated);
  });
});
