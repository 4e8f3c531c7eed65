import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/content/render.js';

/** Known ways to smuggle script into a page, in HTML, Markdown and encoded forms. */
const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<img src=x onerror="&#97;&#108;&#101;&#114;&#116;(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">klik</a>',
  '<a href="JAVASCRIPT:alert(1)">klik</a>',
  '<a href="jav&#x09;ascript:alert(1)">klik</a>',
  '<a href=" javascript:alert(1)">klik</a>',
  '<a href="vbscript:msgbox(1)">klik</a>',
  '<a href="data:text/html,<script>alert(1)</script>">klik</a>',
  '<a href="https://ok.example" onclick="alert(1)">klik</a>',
  '<a href="https://ok.example" style="position:fixed;top:0">klik</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<link rel=stylesheet href=//evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="//evil.example/">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<p onmouseover=alert(1)>hover</p>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '[klik](javascript:alert(1))',
  '[klik](JaVaScRiPt:alert(1))',
  '[klik](javascript&#58;alert(1))',
  '[klik](&#x6A;avascript:alert(1))',
  '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[klik](vbscript:msgbox(1))',
  '![plaatje](javascript:alert(1))',
  '![plaatje](https://evil.example/track.png)',
  '[klik](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '<https://ok.example/"><script>alert(1)</script>>',
  '[a]: javascript:alert(1)\n\n[klik][a]',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '<a href="https://ok.example"><img src=x onerror=alert(1)></a>',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '<x onclick=alert(1)>custom</x>',
];

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

/** Every tag in the output is on the allow-list, and its only attributes are a safe link's. */
function assertHarmless(html: string, vector: string): void {
  for (const [, name, attributes] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    expect(ALLOWED_TAGS.has(name!.toLowerCase()), `${vector} → <${name}>`).toBe(true);
    const left = attributes!.replace(/ href="(https?:\/\/|mailto:)[^"]*"| rel="[^"]*"| target="_blank"| start="\d+"| align="\w+"| title="[^"]*"/g, '').trim();
    expect(left, `${vector} → ${html}`).toBe('');
  }
}

describe('rendering member posts', () => {
  it(`neutralises ${VECTORS.length} known XSS vectors`, () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(50);
    for (const vector of VECTORS) assertHarmless(renderMarkdown(vector), vector);
    const all = renderMarkdown(VECTORS.join('\n\n'));
    assertHarmless(all, 'all at once');
    expect(all).not.toMatch(/<(script|img|iframe|svg|object|embed|style|link|meta|base|form|input)\b/i);
  });

  it('keeps ordinary Markdown', () => {
    expect(renderMarkdown('**vet**, _schuin_ en [een link](https://kiesraad.nl)')).toBe(
      '<p><strong>vet</strong>, <em>schuin</em> en <a href="https://kiesraad.nl" rel="nofollow noopener noreferrer ugc" target="_blank">een link</a></p>',
    );
    expect(renderMarkdown('> citaat\n\n- een\n- twee')).toBe('<blockquote>\n<p>citaat</p>\n</blockquote>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>');
  });
});

/** Titles, names and parties are text: the client may only ever put the server's sanitized HTML into the page. */
describe('the client', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  }

  it('injects HTML only from bodyHtml, snippetHtml and descriptionHtml (a training), which the server sanitized', () => {
    for (const file of files('client/src').filter((f) => /\.tsx?$/.test(f))) {
      for (const [use] of readFileSync(file, 'utf8').matchAll(/dangerouslySetInnerHTML=\{\{ __html: [^}]+\}\}/g)) {
        expect(use, file).toMatch(/__html: [\w.?]*(bodyHtml|snippetHtml|descriptionHtml)\s*\}\}/);
      }
    }
  });
});
