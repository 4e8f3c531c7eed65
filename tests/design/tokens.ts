/** Reads the colour tokens of client/src/base.css for one theme, and computes WCAG contrast ratios between them. */
export type Theme = 'light' | 'dark';

const DARK = '@media (prefers-color-scheme: dark)';

/** `--name: #rrggbb;` declarations in a piece of CSS, by name without the dashes. Only plain hex colours. */
function hexTokens(css: string): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [, name = '', value = ''] of css.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)) tokens[name] = value.toLowerCase();
  return tokens;
}

/** The light tokens are the first :root block; the dark theme is the light one with its media block's overrides. */
export function themeTokens(css: string, theme: Theme): Record<string, string> {
  const darkAt = css.indexOf(DARK);
  if (darkAt < 0) throw new Error('no dark theme block in the stylesheet');
  const light = hexTokens(css.slice(0, darkAt));
  if (theme === 'light') return light;
  const end = css.indexOf('\n}\n', darkAt);
  return { ...light, ...hexTokens(css.slice(darkAt, end)) };
}

/** Only the tokens the dark block sets itself (to check that it overrides every colour). */
export function darkOverrides(css: string): Record<string, string> {
  const darkAt = css.indexOf(DARK);
  return hexTokens(css.slice(darkAt, css.indexOf('\n}\n', darkAt)));
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** A token's colour, or an error naming it: a pair that names a token the stylesheet lacks is a mistake. */
export function colour(tokens: Record<string, string>, name: string): string {
  const value = tokens[name];
  if (value === undefined) throw new Error(`no colour token --${name}`);
  return value;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
