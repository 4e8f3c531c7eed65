import type { Guide, GuideLink } from '../../../shared/api/guide';
import { nlGuide as t } from '../i18n/nl-guide';
import './guide.css';

/** The site a link leads to, as people say it ("kiesraad.nl"): members see where they are going before they click. */
export function siteOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * A link to a website outside Plein. No referrer: the address of a members-only page is nobody else's business; no
 * opener, so the site cannot reach back into this tab. Same tab, as any link: the back button returns here.
 */
export function ExternalLink({ url, children }: { url: string; children: string }) {
  return (
    <a href={url} rel="noopener noreferrer" className="external-link">
      {children}
      <span className="visually-hidden"> {t.external}</span>
    </a>
  );
}

/** One link of the Wegwijzer: its title (to the site), the site's name and what a member finds there, all plain text. */
export function GuideLinkContent({ link, headingLevel = 3 }: { link: GuideLink; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading className="card-title">
        <ExternalLink url={link.url}>{link.title}</ExternalLink>
      </Heading>
      <p className="meta guide-site">{siteOf(link.url)}</p>
      <p className="guide-description">{link.description}</p>
    </>
  );
}

/** The Wegwijzer as members read it: each section a heading with its links. */
export function GuideView({ guide }: { guide: Guide }) {
  if (guide.sections.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <>
      {guide.sections.map((section) => (
        <section key={section.id} aria-labelledby={`wegwijzer-${section.id}`} className="guide-section">
          <h2 id={`wegwijzer-${section.id}`}>{section.name}</h2>
          {section.links.length === 0 ? (
            <p className="empty">{t.emptySection}</p>
          ) : (
            <ul className="card-list guide-links">
              {section.links.map((link) => (
                <li key={link.id} className="card guide-link">
                  <GuideLinkContent link={link} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
