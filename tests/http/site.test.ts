import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteInfo } from '../../shared/api/site.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('GET /api/site', () => {
  let configured: TestApp;
  let bare: TestApp;
  beforeAll(async () => {
    configured = await buildTestApp({ env: { CONTACT_EMAIL: 'Vragen@Kenniscentrum.example.nl', CONTACT_URL: 'https://kenniscentrum.example.nl/contact' } });
    bare = await buildTestApp();
  });
  afterAll(async () => {
    await configured.close();
    await bare.close();
  });

  it('tells anyone, also a guest, where to reach the knowledge centre', async () => {
    const res = await configured.guest().get<SiteInfo>('/api/site');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ contact: { email: 'vragen@kenniscentrum.example.nl', url: 'https://kenniscentrum.example.nl/contact' } });
    const member = (await configured.login({ status: 'suspended' })).client;
    expect((await member.get<SiteInfo>('/api/site')).body.contact.email).toBe('vragen@kenniscentrum.example.nl');
  });

  it('says nothing is configured rather than inventing an address', async () => {
    expect((await bare.guest().get<SiteInfo>('/api/site')).body).toEqual({ contact: { email: null, url: null } });
  });
});
