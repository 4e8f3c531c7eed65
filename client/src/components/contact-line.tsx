import { Fragment } from 'react';
import { useSiteInfo } from '../api/site';
import { nl } from '../i18n/nl';

/**
 * "Neem contact op met het kenniscentrum", with its e-mail address and web page when the server has them
 * (CONTACT_EMAIL, CONTACT_URL), after `lead` (what the member may want to ask). Without them, or while they load,
 * the sentence names the centre only.
 */
export function ContactLine({ lead }: { lead: string }) {
  const contact = useSiteInfo().data?.contact;
  const ways = [
    contact?.email && (
      <>
        {nl.contact.mail} <a href={`mailto:${contact.email}`}>{contact.email}</a>
      </>
    ),
    contact?.url && (
      <>
        {nl.contact.web} <a href={contact.url}>{contact.url}</a>
      </>
    ),
  ].filter(Boolean);
  return (
    <p>
      {lead} {nl.contact.ask}
      {ways.length === 0 ? '.' : ': '}
      {ways.map((way, i) => (
        <Fragment key={i}>
          {i > 0 && ` ${nl.contact.or} `}
          {way}
        </Fragment>
      ))}
      {ways.length > 0 && '.'}
    </p>
  );
}
