import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import type { NotificationSettings, NotificationSettingsPatch } from '../../../shared/api/notifications';
import { MAIL_FREQUENCIES, MAIL_KINDS, type MailFrequency, type MailKind } from '../../../shared/constants';
import { useNotificationSettings, useSaveNotificationSettings } from '../api/notification-settings';
import { nlWatching } from '../i18n/nl-watching';
import { Field } from './field';
import { useFormErrors } from './form-errors';
import { ErrorMessage, Loading } from './states';

const t = nlWatching.settings;
/** The heading's id: the notifications page links here (/profiel#meldingen-en-email). */
export const SETTINGS_ANCHOR = 'meldingen-en-email';

/** The API names a wrong frequency "mail.replies" (the body's path); such an error shows under its select. */
const FIELDS = ['autoWatch', ...MAIL_KINDS.map((kind) => `mail.${kind}`)];

/** "Meldingen en e-mail" on the account page (active members: others are mailed nothing of the forum). */
export function NotificationSettingsSection() {
  const settings = useNotificationSettings(true);
  const heading = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  // Reached from the notifications page's link: the layout leaves focus alone for a link with a #, so it is set here.
  const loaded = settings.isSuccess;
  useEffect(() => {
    if (hash !== `#${SETTINGS_ANCHOR}` || !loaded) return;
    heading.current?.scrollIntoView();
    heading.current?.focus();
  }, [hash, loaded]);
  return (
    <section aria-labelledby={SETTINGS_ANCHOR}>
      <h2 id={SETTINGS_ANCHOR} tabIndex={-1} ref={heading}>
        {t.title}
      </h2>
      <p>{t.intro}</p>
      {settings.isError ? <ErrorMessage error={settings.error} /> : settings.data ? <SettingsForm saved={settings.data} /> : <Loading />}
    </section>
  );
}

function SettingsForm({ saved }: { saved: NotificationSettings }) {
  const [form, setForm] = useState(saved);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSaveNotificationSettings();
  const autoWatchId = useId();
  const errors = useFormErrors(save.error, FIELDS);

  const setMail = (kind: MailKind) => (e: { target: { value: string } }) => {
    setNotice(null);
    errors.clear(`mail.${kind}`);
    setForm((f) => ({ ...f, mail: { ...f.mail, [kind]: e.target.value as MailFrequency } }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only what changed: another tab may have changed the other kinds meanwhile, and the server merges.
    const patch: NotificationSettingsPatch = {};
    if (form.autoWatch !== saved.autoWatch) patch.autoWatch = form.autoWatch;
    const mail = Object.fromEntries(MAIL_KINDS.filter((kind) => form.mail[kind] !== saved.mail[kind]).map((kind) => [kind, form.mail[kind]]));
    if (Object.keys(mail).length > 0) patch.mail = mail;
    if (Object.keys(patch).length === 0) {
      save.reset();
      setNotice(t.unchanged);
      return;
    }
    setNotice(null);
    save.mutate(patch, {
      onSuccess: (stored) => {
        setForm(stored);
        setNotice(t.saved);
      },
    });
  };
  const autoWatchError = errors.of('autoWatch');

  return (
    <form className="form narrow" onSubmit={submit} noValidate ref={errors.formRef}>
      <ErrorMessage error={errors.general} />
      <div className="field check">
        <div className="radio">
          <input
            type="checkbox"
            id={autoWatchId}
            checked={form.autoWatch}
            onChange={(e) => {
              setNotice(null);
              errors.clear('autoWatch');
              setForm((f) => ({ ...f, autoWatch: e.target.checked }));
            }}
            aria-describedby={[`${autoWatchId}-hint`, autoWatchError ? `${autoWatchId}-error` : ''].filter(Boolean).join(' ')}
            aria-invalid={autoWatchError ? true : undefined}
          />
          <label htmlFor={autoWatchId}>{t.autoWatch}</label>
        </div>
        <p className="hint" id={`${autoWatchId}-hint`}>
          {t.autoWatchHint}
        </p>
        {autoWatchError && (
          <p className="error" id={`${autoWatchId}-error`}>
            {autoWatchError}
          </p>
        )}
      </div>
      <fieldset className="mail-frequencies" aria-describedby={`${autoWatchId}-mail-hint`}>
        <legend>{t.mailLegend}</legend>
        <p className="hint" id={`${autoWatchId}-mail-hint`}>
          {t.mailHint}
        </p>
        {MAIL_KINDS.map((kind) => (
          <Field key={kind} label={t.kinds[kind]} required error={errors.of(`mail.${kind}`)}>
            {(p) => (
              <select {...p} value={form.mail[kind]} onChange={setMail(kind)}>
                {MAIL_FREQUENCIES.map((frequency) => (
                  <option key={frequency} value={frequency}>
                    {t.frequencies[frequency]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </fieldset>
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? t.saving : t.save}
      </button>
      {/* Always in the page, so screen readers are already listening when the message appears. */}
      <p role="status">{notice}</p>
    </form>
  );
}
