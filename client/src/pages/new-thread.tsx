import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { LIMITS } from '../../../shared/constants';
import { useCategories, useCreateThread } from '../api/forum';
import { Composer } from '../components/composer';
import { DraftControls } from '../components/draft-controls';
import { Field } from '../components/field';
import { useFormErrors } from '../components/form-errors';
import { PageTitle } from '../components/page-title';
import { SimilarThreads } from '../components/similar-threads';
import { ErrorMessage, Loading } from '../components/states';
import { useNewThreadDraft } from '../components/use-draft';
import { nlForum } from '../i18n/nl-forum';

export default function NewThread() {
  const [params] = useSearchParams();
  const categories = useCategories();
  const [wanted, setCategorySlug] = useState(params.get('categorie') ?? 'algemeen');
  // An archived category takes no new threads: it is not offered, and a link naming one starts at the first open one.
  const choices = categories.data?.categories.filter((c) => !c.archived) ?? [];
  const categorySlug = choices.some((c) => c.slug === wanted) ? wanted : (choices[0]?.slug ?? wanted);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const create = useCreateThread();
  // What she is writing is kept on the server as she types, and comes back when she returns (use-draft.ts).
  const draft = useNewThreadDraft({
    ready: !categories.isPending,
    value: { categorySlug, title, body },
    apply: (value) => {
      if (value.categorySlug) setCategorySlug(value.categorySlug);
      setTitle(value.title);
      setBody(value.body);
    },
  });
  const titleInput = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const errors = useFormErrors(create.error, ['categorySlug', 'title', 'body']);
  const fieldError = errors.of;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // No save may still be waiting once the thread is sent: it would bring back the draft that posting deletes.
    draft.hold();
    create.mutate(
      { categorySlug, title, body },
      {
        onSuccess: ({ thread }) => {
          draft.posted();
          navigate(`/discussie/${thread.id}`);
        },
        onError: draft.release,
      },
    );
  };

  return (
    <>
      <PageTitle>{nlForum.newThread.title}</PageTitle>
      {categories.isPending ? (
        <Loading />
      ) : (
        // Two columns on a wide screen: "Vergelijkbare discussies" beside the fields, so they do not move while it
        // comes and goes; on a narrow one it sits under the title, where it is read next.
        <form className="new-thread-form" onSubmit={submit} noValidate ref={errors.formRef}>
          <div className="form new-thread-head">
            <ErrorMessage error={errors.general} />
            <Field label={nlForum.newThread.category} required error={fieldError('categorySlug')}>
              {(p) => (
                <select
                  {...p}
                  value={categorySlug}
                  onChange={(e) => errors.edit('categorySlug', setCategorySlug)(e.target.value)}
                >
                  {choices.map((c) => (
                    <option key={c.slug} value={c.slug}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={nlForum.newThread.threadTitle} required error={fieldError('title')}>
              {(p) => (
                <input
                  {...p}
                  ref={titleInput}
                  type="text"
                  maxLength={LIMITS.titleMax}
                  value={title}
                  onChange={(e) => errors.edit('title', setTitle)(e.target.value)}
                />
              )}
            </Field>
          </div>
          <SimilarThreads title={title} className="new-thread-similar" />
          <div className="form new-thread-body">
            <Composer
              value={body}
              onChange={errors.edit('body', setBody)}
              error={fieldError('body')}
            />
            <button type="submit" disabled={create.isPending}>
              {create.isPending ? nlForum.composer.busy : nlForum.newThread.submit}
            </button>
            <DraftControls draft={draft} kind="thread" empty={!title.trim() && !body.trim()} focusAfterDiscard={() => titleInput.current?.focus()} />
          </div>
        </form>
      )}
    </>
  );
}
