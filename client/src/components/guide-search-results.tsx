import { Link } from 'react-router';
import type { GuideSearchLink } from '../../../shared/api/guide';
import { nlGuide as t } from '../i18n/nl-guide';
import { ExternalLink, siteOf } from './guide-view';

/** The Wegwijzer's links that match a search, in a small section of their own above the discussions. */
export function GuideSearchResults({ links }: { links: readonly GuideSearchLink[] }) {
  if (links.length === 0) return null;
  return (
    <aside aria-labelledby="guide-results-heading" className="guide-results">
      <h3 id="guide-results-heading">{t.search.heading}</h3>
      <ul className="guide-results-list">
        {links.map((link) => (
          <li key={link.id}>
            <ExternalLink url={link.url}>{link.title}</ExternalLink>
            <span className="meta"> · {siteOf(link.url)} · {t.search.section(link.sectionName)}</span>
            {/* Sanitized by the server: escaped text, the only markup is <mark> around the matched words. */}
            <p className="snippet" dangerouslySetInnerHTML={{ __html: link.snippetHtml }} />
          </li>
        ))}
      </ul>
      <p className="meta">
        <Link to="/wegwijzer">{t.search.all}</Link>
      </p>
    </aside>
  );
}
