import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { LIMITS } from '../../../shared/constants';
import { useCategories, useCreateThread } from '../api/forum';
import { ApiError } from '../api/http';
import { Composer } from '../components/composer';
import { Field } from '../components/field';
import { PageTitle } from '../components/page-title';
import { ErrorMessage, Loading } from '../components/states';
import { nlForum } from '../i18n/nl-forum';

export default function NewThread() {
  const [params] = useSearchParams();
  const categories = useCategories();
  const [categorySlug, setCategorySlug] = useState(params.get('categorie') ?? 'algemeen');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const create = useCreateThread();
  const navigate = useNavigate();
  const error = create.error instanceof ApiError ? create.error : null;
  const fieldError = (name: string) => (error?.field === name ? error.message : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ categorySlug, title, body }, { onSuccess: ({ thread }) => navigate(`/discussie/${thread.id}`) });
  };

  return (
    <>
      <PageTitle>{nlForum.newThread.title}</PageTitle>
      {categories.isPending ? (
        <Loading />
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <ErrorMessage error={create.error && !error?.field ? create.error : null} />
          <Field label={nlForum.newThread.category} required error={fieldError('categorySlug')}>
            {(p) => (
              <select {...p} value={categorySlug} onChange={(e) => setCategorySlug(e.target.value)}>
                {categories.data?.categories.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={nlForum.newThread.threadTitle} required error={fieldError('title')}>
            {(p) => <input {...p} type="text" maxLength={LIMITS.titleMax} value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Composer value={body} onChange={setBody} error={fieldError('body')} />
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? nlForum.composer.busy : nlForum.newThread.submit}
          </button>
        </form>
      )}
    </>
  );
}
