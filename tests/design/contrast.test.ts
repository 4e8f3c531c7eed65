import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORY_COLORS } from '../../shared/constants.js';
import { colour, contrast, darkOverrides, themeTokens, type Theme } from './tokens.js';

/**
 * Every colour pair the stylesheets use, checked in both themes against WCAG 2.2 AA: 4.5:1 for text, 3:1 for what
 * marks a control or a state without words (an input's edge, the focus ring, a category's edge). The tokens are read
 * from the CSS itself (client/src/base.css and components.css), so a changed colour is checked as it is shipped.
 */
const base = readFileSync(new URL('../../client/src/base.css', import.meta.url), 'utf8');
const components = readFileSync(new URL('../../client/src/components.css', import.meta.url), 'utf8');

/** [foreground, background, minimum, where it is used] */
const PAIRS: readonly (readonly [string, string, number, string])[] = [
  ['ink', 'bg', 4.5, 'text on the page'],
  ['ink', 'card', 4.5, 'text in a card'],
  ['ink', 'sunken', 4.5, 'code, diffs'],
  ['ink', 'highlight', 4.5, 'a search hit'],
  ['ink', 'warn-soft', 4.5, 'a hidden post'],
  ['ink', 'brand-soft', 4.5, 'a notice'],
  ['muted', 'bg', 4.5, 'meta text on the page'],
  ['muted', 'card', 4.5, 'meta text and post actions in a card'],
  ['muted', 'warn-soft', 4.5, 'meta text in a hidden post'],
  ['muted', 'sunken', 4.5, 'an empty state'],
  ['quote-ink', 'card', 4.5, 'a quotation'],
  ['quote-ink', 'sunken', 4.5, 'the "Gearchiveerd" badge'],
  ['brand', 'card', 4.5, 'links, secondary buttons'],
  ['brand', 'bg', 4.5, 'links on the page'],
  ['brand', 'brand-soft', 4.5, 'a link in a notice, a pressed reaction'],
  ['brand', 'warn-soft', 4.5, 'a link in a hidden post'],
  ['brand-strong', 'brand-soft', 4.5, 'badges, hovered quiet buttons'],
  ['on-brand', 'brand', 4.5, 'a filled button, a count'],
  ['on-brand', 'brand-strong', 4.5, 'a hovered filled button'],
  ['on-danger', 'danger', 4.5, 'a danger button'],
  ['danger', 'card', 4.5, 'an error message'],
  ['danger', 'bg', 4.5, 'an error message on the page'],
  ['danger', 'danger-soft', 4.5, 'removed words, a hovered Verwijderen'],
  ['warn', 'warn-soft', 4.5, 'warning badge, live status'],
  ['ok', 'ok-soft', 4.5, 'new/solved badges, outcome, added words'],
  ['line-strong', 'card', 3, 'the edge of an input'],
  ['line-strong', 'bg', 3, 'the edge of an empty state'],
  // The focus indicator is an outline in the text colour with a yellow halo around it: the outline carries the 3:1.
  ['ink', 'bg', 3, 'the focus outline on the page'],
  ['ink', 'card', 3, 'the focus outline in a card'],
  ['brand', 'card', 3, 'the edge of a secondary button'],
];

function report(theme: Theme) {
  const tokens = themeTokens(base, theme);
  return PAIRS.map(([fg, bg, min, use]) => ({ fg, bg, min, use, ratio: contrast(colour(tokens, fg), colour(tokens, bg)) }));
}

function categoryReport(theme: Theme) {
  const tokens = themeTokens(base, theme);
  const darkAt = components.indexOf('@media (prefers-color-scheme: dark)');
  const blocks = theme === 'light' ? components.slice(0, darkAt) : components.slice(darkAt);
  return CATEGORY_COLORS.flatMap((color) => {
    const rule = new RegExp(`\\.cat-${color} \\{ --cat-ink: (#[0-9a-f]{6}); --cat-tint: (#[0-9a-f]{6}); \\}`).exec(blocks);
    if (!rule) throw new Error(`no ${theme} colours for category colour ${color}`);
    const [, ink = '', tint = ''] = rule;
    return [
      { fg: `${color} ink`, bg: `${color} tint`, min: 4.5, use: 'the category mark', ratio: contrast(ink, tint) },
      { fg: `${color} ink`, bg: 'card', min: 4.5, use: 'a category tag, a card edge', ratio: contrast(ink, colour(tokens, 'card')) },
    ];
  });
}

describe.each(['light', 'dark'] as const)('the %s theme', (theme) => {
  it('keeps every colour pair at WCAG AA', () => {
    const failing = report(theme).filter((p) => p.ratio < p.min);
    expect(failing).toEqual([]);
  });

  it('keeps every category colour readable on its tint and on a card', () => {
    const failing = categoryReport(theme).filter((p) => p.ratio < p.min);
    expect(failing).toEqual([]);
  });
});

describe('the contrast arithmetic', () => {
  it('matches the values WCAG gives for black, white and a known grey', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 on white is the well-known lightest grey that passes 4.5:1.
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('reads both themes from the stylesheet, the dark one overriding the light one', () => {
    const light = themeTokens(base, 'light');
    const dark = themeTokens(base, 'dark');
    expect(light.card).toBe('#ffffff');
    expect(dark.card).not.toBe(light.card);
    // Every colour is chosen again for the dark theme; only the focus halo's yellow is the same in both.
    expect(Object.keys(darkOverrides(base)).sort()).toEqual(Object.keys(light).filter((name) => name !== 'focus').sort());
  });
});

// `PRINT_CONTRAST=1 npx vitest run tests/design` lists every pair with its ratio (for the README and reviews).
if (process.env.PRINT_CONTRAST) {
  for (const theme of ['light', 'dark'] as const) {
    // eslint-disable-next-line no-console -- asked for with PRINT_CONTRAST: the table is the output.
    for (const p of [...report(theme), ...categoryReport(theme)]) console.log(`${theme}\t${p.fg} on ${p.bg}\t${p.ratio.toFixed(2)}:1 (≥ ${p.min})\t${p.use}`);
  }
}
