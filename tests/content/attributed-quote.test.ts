import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/content/render.js';

describe('attributed quotes', () => {
  it('marks a blockquote that opens with a link to a post as a quote with its source, keeping its formatting', () => {
    const html = renderMarkdown('> [Fatima el Amrani schreef](/discussie/12#bericht-34):\n>\n> **Eerst** de statuten, dan:\n> - de leden\n\nKlopt.');
    expect(html).toBe(
      '<blockquote class="quote">\n<p class="quote-source"><a href="/discussie/12#bericht-34">Fatima el Amrani schreef</a>:</p>\n' +
        '<p><strong>Eerst</strong> de statuten, dan:</p>\n<ul>\n<li>de leden</li>\n</ul>\n</blockquote>\n<p>Klopt.</p>',
    );
  });

  it('leaves other blockquotes plain, and a member cannot write the classes herself', () => {
    expect(renderMarkdown('> gewoon citaat')).toBe('<blockquote>\n<p>gewoon citaat</p>\n</blockquote>');
    expect(renderMarkdown('> [elders](https://example.nl/discussie/1#bericht-2): tekst')).not.toContain('class=');
    expect(renderMarkdown('<blockquote class="quote">nep</blockquote>')).toBe('<p>&lt;blockquote class="quote"&gt;nep&lt;/blockquote&gt;</p>');
  });
});
