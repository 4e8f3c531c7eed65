import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useUnsubscribe, useUnsubscribePreview } from '../api/mail';
import { PageTitle } from '../components/page-title';
import { ErrorMessage } from '../components/states';
import { nlMail } from '../i18n/nl-mail';

const t = nlMail.unsubscribe;

/**
 * Where the footer link of a notification mail leads (/afmelden?token=…). Opening it changes nothing (mail scanners
 * follow links); the button does. No login: the signed token says who and what.
 */
export default function Unsubscribe() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const preview = useUnsubscribePreview(token);
  const unsubscribe = useUnsubscribe();
  const doneRef = useRef<HTMLParagraphElement>(null);
  // The button disappears when it has worked: focus goes to the confirmation, so nobody is left on <body>.
  useEffect(() => {
    if (unsubscribe.isSuccess) doneRef.current?.focus();
  }, [unsubscribe.isSuccess]);

  let body;
  if (token === null) body = <p>{t.noToken}</p>;
  else if (preview.isPending) body = <p role="status">{t.loading}</p>;
  else if (preview.isError) body = <ErrorMessage error={preview.error} />;
  else if (unsubscribe.isSuccess)
    body = (
      <p role="status" tabIndex={-1} ref={doneRef}>
        {t.done(t.kinds[unsubscribe.data.kind])}
      </p>
    );
  else
    body = (
      <>
        <p>{t.what(t.kinds[preview.data.kind])}</p>
        <p>{t.explain}</p>
        <ErrorMessage error={unsubscribe.error} />
        <button type="button" onClick={() => unsubscribe.mutate(token)} disabled={unsubscribe.isPending}>
          {t.button}
        </button>
        <p role="status" className="muted">
          {unsubscribe.isPending ? t.busy : ''}
        </p>
      </>
    );

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      {body}
      <p>{t.settings}</p>
      <p>
        <Link to="/profiel#meldingen-en-email">{t.toProfile}</Link>
      </p>
    </>
  );
}
