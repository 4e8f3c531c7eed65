import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadPage } from '../../shared/api/forum.js';
import type { UserBody } from '../../shared/api/users.js';
import { avatars, users } from '../../server/db/schema.js';
import { makeThread, makeUser } from '../../server/dev/factories.js';
import { AVATAR_MAX_BYTES } from '../../server/members/avatar.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

type ErrorBody = { error: { code: string; message: string } };

let t: TestApp;
/** A member who only looks at the others. */
let viewer: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  ({ client: viewer } = await t.login());
});
afterAll(() => t.close());

const RED = { r: 200, g: 30, b: 30 };
const BLUE = { r: 30, g: 30, b: 200 };

/**
 * A phone photo in miniature, always the same: 64 × 48, left half red and right half blue, stored sideways with
 * EXIF orientation 6 (turn 90° clockwise to view: red on top), and with camera, description and GPS position.
 */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: BLUE } })
    .composite([{ input: { create: { width: 32, height: 48, channels: 3, background: RED } }, left: 0, top: 0 }])
    .withExif({
      IFD0: { Make: 'Testcam', Model: 'X100', ImageDescription: 'Thuis bij Anna' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 5/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 7/1 15/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

const smallPng = () => sharp({ create: { width: 20, height: 30, channels: 3, background: BLUE } }).png().toBuffer();

/** The tags of the EXIF block's first directory (IFD0); 0x8825 is the pointer to the GPS directory. */
function ifd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12));
}
const GPS_POINTER = 0x8825;

/** The same JPEG with a header that claims 60 000 × 60 000 pixels (a decompression bomb: small file, huge picture). */
function withGiantHeader(jpeg: Buffer): Buffer {
  const bomb = Buffer.from(jpeg);
  for (let at = 2; at < bomb.length; at += 2 + bomb.readUInt16BE(at + 2)) {
    // SOF0 (baseline) or SOF2 (progressive): length, precision, then height and width.
    if (bomb[at + 1] === 0xc0 || bomb[at + 1] === 0xc2) {
      bomb.writeUInt16BE(60_000, at + 5);
      bomb.writeUInt16BE(60_000, at + 7);
      return bomb;
    }
  }
  throw new Error('no frame header');
}

const upload = (client: TestClient, image: Buffer | Readable, type = 'image/jpeg') => client.request<UserBody & ErrorBody>('PUT', '/api/me/avatar', image, { headers: { 'content-type': type } });

async function storedAvatar(userId: number) {
  const [row] = await t.db.select().from(avatars).where(eq(avatars.userId, userId));
  const [user] = await t.db.select({ at: users.avatarUpdatedAt }).from(users).where(eq(users.id, userId));
  return { row: row ?? null, at: user!.at };
}

describe('avatars', () => {
  it('declares its routes for members', () => {
    for (const [method, url] of [
      ['PUT', '/api/me/avatar'],
      ['DELETE', '/api/me/avatar'],
      ['GET', '/api/members/:id/avatar'],
    ]) {
      expect(t.app.accessTable).toContainEqual(expect.objectContaining({ method, url, auth: 'member' }));
    }
  });

  it('stores an uploaded photo as a 256 × 256 WebP, upright, cut square, and without its EXIF, GPS and camera', async () => {
    const { client, user } = await t.login();
    const photo = await phonePhoto();
    // The test image really carries what must go: orientation, the camera, and a GPS directory.
    const input = await sharp(photo).metadata();
    expect(input.orientation).toBe(6);
    expect(ifd0Tags(input.exif!)).toContain(GPS_POINTER);
    expect(input.exif!.toString('latin1')).toContain('Testcam');

    const res = await upload(client, photo);
    expect(res.status).toBe(200);
    const { row, at } = await storedAvatar(user.id);
    expect(row).not.toBeNull();
    expect(at).toEqual(row!.updatedAt);
    expect(res.body.user.avatarUrl).toBe(`/api/members/${user.id}/avatar?v=${at!.getTime()}`);
    expect(row!.contentType).toBe('image/webp');

    const stored = await sharp(row!.image).metadata();
    expect(stored).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(stored.icc).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    const bytes = row!.image.toString('latin1');
    for (const trace of ['Exif', 'Testcam', 'X100', 'Thuis bij Anna', 'XMP', 'ICCP']) expect(bytes, trace).not.toContain(trace);

    // Turned by its orientation: the red half is now on top (unturned it would be on the left).
    const { data, info } = await sharp(row!.image).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    const isRed = ([r, , b]: number[]) => r! > 150 && b! < 80;
    const isBlue = ([r, , b]: number[]) => b! > 150 && r! < 80;
    expect(isRed(pixel(128, 20)), 'top').toBe(true);
    expect(isBlue(pixel(128, 235)), 'bottom').toBe(true);
    expect(isRed(pixel(20, 20)) && isRed(pixel(235, 20)), 'the whole top row').toBe(true);

    // Her own account carries the address, for the header and the profile page.
    expect((await client.get<UserBody>('/api/me')).body.user.avatarUrl).toBe(res.body.user.avatarUrl);
  });

  it('serves the picture to logged-in members only, with headers that keep it private, cached and inert', async () => {
    const { client, user } = await t.login();
    const url = (await upload(client, await smallPng(), 'image/png')).body.user.avatarUrl!;

    const res = await viewer.get(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe('inline');
    expect(res.headers['content-security-policy']).toMatch(/img-src 'self' data:/);
    expect(res.raw.rawPayload.equals((await storedAvatar(user.id)).row!.image)).toBe(true);

    // An old address shows the current picture, but no browser may keep it as if it were for good.
    const stale = await viewer.get(`/api/members/${user.id}/avatar?v=1`);
    expect(stale.status).toBe(200);
    expect(stale.headers['cache-control']).toBe('private, no-cache');

    const guest = await t.guest().get<ErrorBody>(url);
    expect(guest.status).toBe(401);
    expect(guest.body.error.code).toBe('not_logged_in');
    const { client: pending } = await t.login({ status: 'pending' });
    expect((await pending.get(url)).status).toBe(403);
  });

  it("answers 404 for a suspended member's picture, for a member without one and for nobody", async () => {
    const { client, user } = await t.login();
    const url = (await upload(client, await smallPng(), 'image/png')).body.user.avatarUrl!;
    expect((await viewer.get(url)).status).toBe(200);
    await t.db.update(users).set({ status: 'suspended' }).where(eq(users.id, user.id));
    const res = await viewer.get<ErrorBody>(url);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Dit lid heeft geen profielfoto.');

    const plain = await makeUser(t.db);
    expect((await viewer.get(`/api/members/${plain.id}/avatar`)).status).toBe(404);
    expect((await viewer.get('/api/members/999999/avatar')).status).toBe(404);
    expect((await viewer.get('/api/members/abc/avatar')).status).toBe(400);
  });

  it('shows the picture beside her posts, and DELETE takes her back to her initials', async () => {
    const { client, user } = await t.login();
    const { threadId } = await makeThread(t.db, user, { title: 'Foto bij mijn berichten' });
    const author = async () => (await viewer.get<ThreadPage>(`/api/threads/${threadId}`)).body.posts[0]!.author;
    expect((await author()).avatarUrl).toBeNull();

    const url = (await upload(client, await phonePhoto())).body.user.avatarUrl!;
    expect((await author()).avatarUrl).toBe(url);

    const res = await client.delete('/api/me/avatar');
    expect(res.status).toBe(204);
    expect(await storedAvatar(user.id)).toEqual({ row: null, at: null });
    expect((await author()).avatarUrl).toBeNull();
    expect((await client.get<UserBody>('/api/me')).body.user.avatarUrl).toBeNull();
    expect((await viewer.get(url)).status).toBe(404);
    // Again: nothing left to remove, and that is fine.
    expect((await client.delete('/api/me/avatar')).status).toBe(204);
  });

  it('refuses what is not one still JPEG, PNG or WebP picture of a sane size, in Dutch, and changes nothing', async () => {
    const photo = await phonePhoto();
    const animated = await sharp([await smallPng(), await sharp({ create: { width: 20, height: 30, channels: 3, background: RED } }).png().toBuffer()], { join: { animated: true } })
      .webp({ loop: 0 })
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

    const cases: [string, Buffer | Readable, string, number, string, RegExp][] = [
      ['garbage', Buffer.from('Dit is geen foto maar gewoon tekst.'), 'image/jpeg', 400, 'image_unreadable', /geen foto die we kunnen lezen/],
      ['a cut-off JPEG', photo.subarray(0, Math.floor(photo.length / 2)), 'image/jpeg', 400, 'image_unreadable', /geen foto die we kunnen lezen/],
      ['an SVG sent as PNG', svg, 'image/png', 400, 'image_unreadable', /geen foto die we kunnen lezen/],
      ['a GIF sent as PNG', gif, 'image/png', 400, 'image_unreadable', /geen foto die we kunnen lezen/],
      ['an empty body', Buffer.alloc(0), 'image/png', 400, 'image_missing', /Kies eerst een foto/],
      ['a GIF content type', photo, 'image/gif', 415, 'unsupported_media_type', /JPEG-, PNG- of WebP/],
      ['JSON', Buffer.from('{"image":"x"}'), 'application/json', 415, 'unsupported_media_type', /JPEG-, PNG- of WebP/],
      ['a body over 5 MB', Buffer.alloc(AVATAR_MAX_BYTES + 1, 0xff), 'image/jpeg', 413, 'too_large', /hoogstens 5 MB/],
      // Without a declared length the parser stops reading at the limit.
      ['a streamed body over 5 MB', Readable.from([Buffer.alloc(AVATAR_MAX_BYTES), Buffer.alloc(1024)]), 'image/jpeg', 413, 'too_large', /te groot/],
      ['a giant picture', withGiantHeader(photo), 'image/jpeg', 400, 'image_too_many_pixels', /te veel pixels \(meer dan 40 megapixel\)/],
      ['an animated WebP', animated, 'image/webp', 400, 'image_animated', /bewegende afbeelding/],
    ];
    // Refused uploads count towards the ten an hour too: a few cases per member, each member with a picture to keep.
    for (let start = 0; start < cases.length; start += 6) {
      const { client, user } = await t.login();
      expect((await upload(client, await smallPng(), 'image/png')).status).toBe(200);
      const before = await storedAvatar(user.id);
      for (const [what, body, type, status, code, message] of cases.slice(start, start + 6)) {
        const res = await upload(client, body, type);
        expect(res.status, what).toBe(status);
        expect(res.body.error, what).toMatchObject({ code, message: expect.stringMatching(message) });
      }
      expect(await storedAvatar(user.id)).toEqual(before);
    }
  });

  it('allows ten uploads an hour', async () => {
    const { client, user } = await t.login();
    const png = await smallPng();
    for (let i = 0; i < 10; i++) expect((await upload(client, png, 'image/png')).status).toBe(200);
    const before = await storedAvatar(user.id);
    const res = await upload(client, png, 'image/png');
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(/^Je hebt je profielfoto te vaak gewijzigd\. Probeer het over \d+ minuten opnieuw\.$/);
    expect(await storedAvatar(user.id)).toEqual(before);
  });

  it('needs the CSRF token to change the picture', async () => {
    const { client, user } = await t.login();
    const res = await client.request<ErrorBody>('PUT', '/api/me/avatar', await smallPng(), { csrf: false, headers: { 'content-type': 'image/png' } });
    expect(res.status).toBe(403);
    expect((await client.request('DELETE', '/api/me/avatar', undefined, { csrf: false })).status).toBe(403);
    expect(await storedAvatar(user.id)).toEqual({ row: null, at: null });
  });
});
