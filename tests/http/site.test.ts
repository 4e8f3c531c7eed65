import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteInfo } from '../../shared/api/site.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('GET /api/site', () => {
  let configured: TestApp;
  let bare: TestApp;
  beforeAll(async () => {
    configured = await buildTestApp({
      env: { CONTACT_EMAIL: 'Vragen@Kenniscentrum.example.nl', CONTACT_URL: 'https://kenniscentrum.example.nl/contact', PRIVACY_CONTROLLER: 'Stichting Kenniscentrum, Utrecht' },
    });
    bare = await buildTestApp();
  });
  afterAll(async () => {
    await configured.close();
    await bare.close();
  });

  it('tells anyone, also a guest, where to reach the knowledge centre', async () => {
    const res = await configured.guest().get<SiteInfo>('/api/site');
    expect(res.status).toBe(200);
    expect(res.body.contact).toEqual({ email: 'vragen@kenniscentrum.example.nl', url: 'https://kenniscentrum.example.nl/contact' });
    // The privacy statement names the controller and the periods the retention round applies (server/privacy/retention.ts).
    expect(res.body.privacy).toEqual({
      controller: 'Stichting Kenniscentrum, Utrecht',
      retentionDays: { sessionIdle: 14, sessionAbsolute: 30, accountTokens: 1, usedRecoveryCodes: 30, readMarkers: 365, readNotifications: 365, mailLog: 30, unsentMail: 30, exports: 7 },
    });
    const member = (await configured.login({ status: 'suspended' })).client;
    expect((await member.get<SiteInfo>('/api/site')).body.contact.email).toBe('vragen@kenniscentrum.example.nl');
  });

  it('says nothing is configured rather than inventing an address', async () => {
    const body = (await bare.guest().get<SiteInfo>('/api/site')).body;
    expect(body.contact).toEqual({ email: null, url: null });
    expect(body.privacy.controller).toBeNull();
  });
});
