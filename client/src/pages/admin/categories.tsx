import { useEffect, useState } from 'react';
import type { AdminCategory } from '../../../../shared/api/categories';
import { useAdminCategories, useCreateCategory, useDeleteCategory, useOrderCategories, useUpdateCategory } from '../../api/categories';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Dialog } from '../../components/dialog';
import { Outcome, useOutcome } from '../../components/outcome';
import { PageTitle } from '../../components/page-title';
import { ErrorMessage, Loading, PageError } from '../../components/states';
import { nlCategories as t } from '../../i18n/nl-categories';
import { nlModeration } from '../../i18n/nl-moderation';
import { ModerationNav } from '../moderation/moderation-nav';
import { CategoryForm, NEW_CATEGORY, valuesOf } from './category-form';
import { CategoryRow, moveButtonId } from './category-row';

const order = (list: readonly AdminCategory[]) => list.map((c) => c.id).join(',');

/** /beheer/categorieen: the admins keep the forum's categories (server/forum/category-admin-routes.ts). */
export default function CategoriesAdminPage() {
  const categories = useAdminCategories();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const reorder = useOrderCategories();
  const remove = useDeleteCategory();
  const done = useOutcome();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminCategory | null>(null);
  const [deleting, setDeleting] = useState<AdminCategory | null>(null);
  // After a move: the button to focus again once the list shows the order the server answered. React moves the row's
  // element to its new place, and an element that moves loses focus in Chrome.
  const [refocus, setRefocus] = useState<{ button: string; order: string } | null>(null);

  const list = categories.data?.categories ?? [];
  const shownOrder = order(list);
  useEffect(() => {
    if (!refocus || refocus.order !== shownOrder) return;
    setRefocus(null);
    document.getElementById(refocus.button)?.focus();
  }, [refocus, shownOrder]);

  const move = (category: AdminCategory, direction: -1 | 1) => {
    const from = list.findIndex((c) => c.id === category.id);
    const to = from + direction;
    if (from < 0 || to < 0 || to >= list.length || reorder.isPending) return;
    const ids = list.map((c) => c.id);
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    reorder.mutate(ids, {
      onSuccess: (answer) => {
        const now = answer.categories;
        setRefocus({ button: moveButtonId(category.id, direction), order: order(now) });
        done.show(t.moved(category.name, now.findIndex((c) => c.id === category.id) + 1, now.length), { focus: false });
      },
    });
  };

  return (
    <>
      <PageTitle title={`${t.title} · ${nlModeration.title}`}>{t.title}</PageTitle>
      <ModerationNav />
      <p>{t.intro}</p>
      <p>
        <button
          type="button"
          onClick={() => {
            create.reset();
            setCreating(true);
          }}
        >
          {t.create}
        </button>
      </p>
      <Outcome outcome={done} />

      <section aria-labelledby="categories-list">
        <h2 id="categories-list">{t.listHeading}</h2>
        <ErrorMessage error={reorder.error} />
        {categories.isError ? (
          <PageError error={categories.error} retry={() => void categories.refetch()} />
        ) : categories.isPending ? (
          <Loading />
        ) : list.length === 0 ? (
          <p className="empty">{t.empty}</p>
        ) : (
          <ul className="card-list category-admin-list">
            {list.map((category, i) => (
              <CategoryRow
                key={category.id}
                category={category}
                first={i === 0}
                last={i === list.length - 1}
                busy={reorder.isPending}
                onMove={(direction) => move(category, direction)}
                onEdit={() => {
                  update.reset();
                  setEditing(category);
                }}
                onDelete={() => {
                  remove.reset();
                  setDeleting(category);
                }}
              />
            ))}
          </ul>
        )}
      </section>

      <Dialog title={t.createTitle} open={creating} onClose={() => setCreating(false)}>
        {creating && (
          <CategoryForm
            initial={NEW_CATEGORY}
            submitLabel={t.createSubmit}
            busy={create.isPending}
            error={create.error}
            onSubmit={({ archived: _, ...values }) => {
              if (create.isPending) return;
              create.mutate(values, {
                onSuccess: () => {
                  setCreating(false);
                  // Focus goes back to "Nieuwe categorie", ready for another; the message is read out.
                  done.show(t.created(values.name), { focus: false });
                },
              });
            }}
          />
        )}
      </Dialog>

      <Dialog title={editing ? t.editTitle(editing.name) : ''} open={editing !== null} onClose={() => setEditing(null)}>
        {editing && (
          <CategoryForm
            initial={valuesOf(editing)}
            archivable
            submitLabel={t.save}
            busy={update.isPending}
            error={update.error}
            onSubmit={(values) => {
              if (update.isPending) return;
              update.mutate(
                { id: editing.id, ...values },
                {
                  onSuccess: () => {
                    setEditing(null);
                    // "Bewerken" is still there: focus goes back to it, the message is read out.
                    done.show(t.changed(values.name), { focus: false });
                  },
                },
              );
            }}
          />
        )}
      </Dialog>

      <ConfirmDialog
        title={deleting ? t.deleteTitle(deleting.name) : ''}
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        message={deleting && t.confirmDelete(deleting.name)}
        confirmLabel={t.delete}
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              const name = deleting.name;
              setDeleting(null);
              // The row and its button are gone: focus goes to the message.
              done.show(t.deleted(name));
            },
          })
        }
      />
    </>
  );
}
