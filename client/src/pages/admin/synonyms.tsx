import { useState, type FormEvent } from 'react';
import type { SynonymGroup } from '../../../../shared/api/search';
import { useAddSynonyms, useChangeSynonyms, useDeleteSynonyms, useSynonyms } from '../../api/search-synonyms';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { useFormErrors } from '../../components/form-errors';
import { Outcome, useOutcome } from '../../components/outcome';
import { PageTitle } from '../../components/page-title';
import { ErrorMessage, Loading, PageError } from '../../components/states';
import { nlModeration } from '../../i18n/nl-moderation';
import { nlSearch } from '../../i18n/nl-search';
import { ModerationNav } from '../moderation/moderation-nav';

const t = nlSearch.synonyms;

/** "alv, Algemene ledenvergadering" → the expressions, as typed; the server normalises them (and says what it refuses). */
const parseTerms = (text: string) =>
  text
    .split(/[,;\n]/u)
    .map((s) => s.trim())
    .filter(Boolean);
const distinct = (terms: string[]) => new Set(terms.map((s) => s.toLocaleLowerCase('nl').replace(/\s+/gu, ' '))).size;
const shown = (terms: readonly string[]) => terms.join(', ');

/** The one field of a group: its expressions, comma-separated. Used to add a group and, in a dialog, to change one. */
function TermsForm({
  initial = '',
  submitLabel,
  busy,
  error,
  onSubmit,
}: {
  initial?: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (terms: string[], reset: () => void) => void;
}) {
  const [text, setText] = useState(initial);
  const [tooFew, setTooFew] = useState(false);
  const errors = useFormErrors(error, ['terms']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const terms = parseTerms(text);
    setTooFew(distinct(terms) < 2);
    if (distinct(terms) < 2) return;
    onSubmit(terms, () => setText(''));
  };
  return (
    <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
      <ErrorMessage error={errors.general} />
      <Field label={t.terms} hint={t.termsHint} required error={tooFew ? t.tooFew : errors.of('terms')}>
        {(p) => (
          <input
            {...p}
            type="text"
            maxLength={700}
            value={text}
            onChange={(e) => {
              errors.clear('terms');
              setTooFew(false);
              setText(e.target.value);
            }}
          />
        )}
      </Field>
      <button type="submit" aria-disabled={busy}>
        {busy ? t.busy : submitLabel}
      </button>
    </form>
  );
}

function GroupRow({ group, onEdit, onDelete }: { group: SynonymGroup; onEdit: () => void; onDelete: () => void }) {
  return (
    <li>
      <ul className="synonym-terms">
        {group.terms.map((term) => (
          <li key={term} className="badge">
            {term}
          </li>
        ))}
      </ul>
      <div className="row-actions">
        <button type="button" className="secondary" aria-label={t.editLabel(shown(group.terms))} onClick={onEdit}>
          {t.edit}
        </button>
        <button type="button" className="secondary" aria-label={t.deleteLabel(shown(group.terms))} onClick={onDelete}>
          {t.delete}
        </button>
      </div>
    </li>
  );
}

/** /beheer/synoniemen: the admins keep the search's synonym list (server/search/synonym-routes.ts). */
export default function SynonymsPage() {
  const synonyms = useSynonyms();
  const add = useAddSynonyms();
  const change = useChangeSynonyms();
  const remove = useDeleteSynonyms();
  const done = useOutcome();
  const [editing, setEditing] = useState<SynonymGroup | null>(null);
  const [deleting, setDeleting] = useState<SynonymGroup | null>(null);

  const groups = synonyms.data?.groups ?? [];
  return (
    <>
      <PageTitle title={`${t.title} · ${nlModeration.title}`}>{t.title}</PageTitle>
      <ModerationNav />
      <p>{t.intro}</p>
      <p className="hint">{t.rules}</p>
      <Outcome outcome={done} />

      <section aria-labelledby="synonyms-add">
        <h2 id="synonyms-add">{t.addHeading}</h2>
        <TermsForm
          submitLabel={t.add}
          busy={add.isPending}
          error={add.error}
          onSubmit={(terms, reset) => {
            if (add.isPending) return;
            add.mutate(terms, {
              onSuccess: (group) => {
                reset();
                // The field keeps focus, ready for the next group.
                done.show(t.added(shown(group.terms)), { focus: false });
              },
            });
          }}
        />
      </section>

      <section aria-labelledby="synonyms-list">
        <h2 id="synonyms-list">{t.listHeading}</h2>
        {synonyms.isError ? (
          <PageError error={synonyms.error} retry={() => void synonyms.refetch()} />
        ) : synonyms.isPending ? (
          <Loading />
        ) : groups.length === 0 ? (
          <p className="empty">{t.empty}</p>
        ) : (
          <ul className="synonym-list">
            {groups.map((group) => (
              <GroupRow key={group.id} group={group} onEdit={() => {
                  change.reset();
                  setEditing(group);
                }}
                onDelete={() => {
                  remove.reset();
                  setDeleting(group);
                }} />
            ))}
          </ul>
        )}
      </section>

      <Dialog title={t.editTitle} open={editing !== null} onClose={() => setEditing(null)}>
        {editing && (
          <TermsForm
            initial={shown(editing.terms)}
            submitLabel={t.save}
            busy={change.isPending}
            error={change.error}
            onSubmit={(terms) => {
              if (change.isPending) return;
              change.mutate(
                { id: editing.id, terms },
                {
                  onSuccess: (group) => {
                    setEditing(null);
                    // "Wijzigen" is still there: focus goes back to it, the message is read out.
                    done.show(t.changed(shown(group.terms)), { focus: false });
                  },
                },
              );
            }}
          />
        )}
      </Dialog>

      <ConfirmDialog
        title={t.deleteTitle}
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        message={deleting && t.confirmDelete(shown(deleting.terms))}
        confirmLabel={t.delete}
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              const terms = shown(deleting.terms);
              setDeleting(null);
              // The row and its button are gone: focus goes to the message.
              done.show(t.deleted(terms));
            },
          })
        }
      />
    </>
  );
}
