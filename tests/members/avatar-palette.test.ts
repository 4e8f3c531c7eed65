import { describe, expect, it } from 'vitest';
import { AVATAR_PALETTE, avatarColours, initials } from '../../client/src/components/avatar-initials.js';

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

describe('initials avatars', () => {
  it('has eight distinct colours, each with AA contrast (4.5:1) between its initials and its background', () => {
    expect(new Set(AVATAR_PALETTE.map((p) => p.background)).size).toBe(8);
    for (const { background, color } of AVATAR_PALETTE) expect(contrast(background, color), background).toBeGreaterThanOrEqual(4.5);
  });

  it('gives a member the same colour every time, and neighbouring ids different ones', () => {
    expect(avatarColours(12)).toBe(avatarColours(12));
    expect(avatarColours(12)).toBe(avatarColours(20));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(avatarColours)).size).toBe(8);
  });

  it.each([
    ['Anna de Vries', 'AV'],
    ['Jan van der Berg', 'JB'],
    ['beheerder', 'B'],
    ['  ëlla   ödegaard ', 'ËÖ'],
    ['(Piet) Jansen', 'PJ'],
    ['Ömer', 'Ö'],
    ['', '?'],
  ])('shows "%s" as "%s"', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
