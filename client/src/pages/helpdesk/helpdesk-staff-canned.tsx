import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { CannedAnswer } from '../../../../shared/api/helpdesk';
import { LIMITS } from '../../../../shared/constants';
import { useCanned, useCreateCanned, useDeleteCanned, useUpdateCanned } from '../../api/helpdesk-staff';
import { Composer } from '../../components/composer';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Field } from '../../components/field';
import { useFormErrors } from '../../components/form-errors';
import { Outcome, useOutcome, type OutcomeState } from '../../components/outcome';
import { PageTitle } from '../../components/page-title';
import { ErrorMessage, Loading, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlHelpdeskStaff } from '../../i18n/nl-helpdesk-staff';
import { RequireCentreStaff } from '../../components/centre-staff-only';
import './helpdesk.css';

const t = nlHelpdeskStaff.canned;
const FIELDS = ['title', 'body'] as const;

/** A canned answer's title and text: the form to add one, and to edit one in its place in the list. */
function CannedForm({
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial: { title: string; body: string };
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: { title: string; body: string }, reset: () => void) => void;
  onCancel?: () => void;
}) {
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const errors = useFormErrors(error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy)
      onSubmit({ title, body }, () => {
        setTitle('');
        setBody('');
      });
  };
  return (
    <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
      <ErrorMessage error={errors.general} />
      <Field label={t.name} required error={errors.of('title')}>
        {(p) => (
          <input
            {...p}
            type="text"
            maxLength={LIMITS.helpdeskCannedTitleMax}
            value={title}
            onChange={(e) => errors.edit('title', setTitle)(e.target.value)}
          />
        )}
      </Field>
      <Composer
        label={t.body}
        value={body}
        onChange={errors.edit('body', setBody)}
        error={errors.of('body')}
      />
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? t.busy : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </div>
    </form>
  );
}

/** One canned answer: its title and text, edited in place or deleted after a question. */
function CannedItem({ item, outcome }: { item: CannedAnswer; outcome: OutcomeState }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateCanned();
  const remove = useDeleteCanned();
  return (
    <li className="card canned-item">
      {editing ? (
        <>
          <h2>{t.editHeading(item.title)}</h2>
          <CannedForm
            initial={item}
            submitLabel={t.save}
            busy={update.isPending}
            error={update.error}
            onCancel={() => setEditing(false)}
            onSubmit={(values) =>
              update.mutate(
                { id: item.id, ...values },
                {
                  onSuccess: () => {
                    setEditing(false);
                    outcome.show(t.saved(values.title));
                  },
                },
              )
            }
          />
        </>
      ) : (
        <>
          <h2 className="card-title">{item.title}</h2>
          <p className="canned-body">{item.body}</p>
          <p className="meta">
            <time dateTime={item.updatedAt}>{nl.time.format(item.updatedAt)}</time>
          </p>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              aria-label={t.editNamed(item.title)}
              onClick={() => {
                update.reset();
                setEditing(true);
              }}
            >
              {t.edit}
            </button>
            <button type="button" className="secondary" aria-label={t.removeNamed(item.title)} aria-haspopup="dialog" onClick={() => setConfirming(true)}>
              {t.remove}
            </button>
          </div>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={t.removeTitle}
          open={confirming}
          onClose={() => setConfirming(false)}
          message={t.confirmRemove(item.title)}
          confirmLabel={t.remove}
          error={remove.error}
          pending={remove.isPending}
          onConfirm={() =>
            remove.mutate(item.id, {
              onSuccess: () => {
                setConfirming(false);
                outcome.show(t.removed(item.title));
              },
            })
          }
        />
      )}
    </li>
  );
}

function Canned() {
  const list = useCanned();
  const create = useCreateCanned();
  const outcome = useOutcome();
  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/kenniscentrum/inbox">{nlHelpdeskStaff.inbox.title}</Link>
      </nav>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      <Outcome outcome={outcome} />
      {list.isError ? (
        <PageError error={list.error} retry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <ul className="card-list" aria-label={t.label}>
          {list.data.items.map((item) => (
            <CannedItem key={item.id} item={item} outcome={outcome} />
          ))}
        </ul>
      )}
      <section aria-labelledby="nieuw-kop">
        <h2 id="nieuw-kop">{t.addHeading}</h2>
        <CannedForm
          initial={{ title: '', body: '' }}
          submitLabel={t.add}
          busy={create.isPending}
          error={create.error}
          onSubmit={(values, reset) =>
            create.mutate(values, {
              onSuccess: () => {
                reset();
                outcome.show(t.added(values.title), { focus: false });
              },
            })
          }
        />
      </section>
    </>
  );
}

/** /kenniscentrum/standaardantwoorden: the team's canned answers, added, edited and deleted here. */
export default function CannedPage() {
  return (
    <RequireCentreStaff>
      <Canned />
    </RequireCentreStaff>
  );
}
