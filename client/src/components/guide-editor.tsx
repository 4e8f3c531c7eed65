import { useEffect, useState } from 'react';
import type { Guide, GuideLink, GuideSection } from '../../../shared/api/guide';
import { useAddLink, useAddSection, useDeleteLink, useDeleteSection, useUpdateLink, useUpdateSection } from '../api/guide-staff';
import { nlGuide } from '../i18n/nl-guide';
import { nlGuideStaff as t } from '../i18n/nl-guide-staff';
import { ConfirmDialog } from './confirm-dialog';
import { Dialog } from './dialog';
import { LinkForm, SectionForm, type LinkValues } from './guide-forms';
import { GuideLinkContent } from './guide-view';
import { Outcome, useOutcome } from './outcome';
import { ErrorMessage } from './states';

type Editing =
  | { kind: 'add-section' }
  | { kind: 'rename-section'; section: GuideSection }
  | { kind: 'add-link'; section: GuideSection }
  | { kind: 'edit-link'; link: GuideLink; section: GuideSection }
  | null;
type Deleting = { kind: 'section'; section: GuideSection } | { kind: 'link'; link: GuideLink } | null;

const moveId = (kind: 'onderwerp' | 'link', id: number, direction: -1 | 1) => `wegwijzer-${kind}-${id}-${direction < 0 ? 'omhoog' : 'omlaag'}`;

/**
 * Up and down for one item of a list. At the top and the bottom a button is aria-disabled, not taken away nor
 * disabled, so focus can stay on it after the move that brought the item there.
 */
function MoveButtons({ kind, id, name, index, count, busy, onMove }: { kind: 'onderwerp' | 'link'; id: number; name: string; index: number; count: number; busy: boolean; onMove: (to: number, button: string) => void }) {
  const button = (direction: -1 | 1) => {
    const blocked = direction < 0 ? index === 0 : index === count - 1;
    const buttonId = moveId(kind, id, direction);
    return (
      <button
        type="button"
        className="secondary"
        id={buttonId}
        aria-label={direction < 0 ? t.moveUpLabel(name) : t.moveDownLabel(name)}
        aria-disabled={blocked || busy}
        onClick={() => {
          if (!blocked && !busy) onMove(index + direction, buttonId);
        }}
      >
        {direction < 0 ? t.moveUp : t.moveDown}
      </button>
    );
  };
  return (
    <>
      {button(-1)}
      {button(1)}
    </>
  );
}

/**
 * The Wegwijzer as its staff see it (admins and the kenniscentrum's team): the members' page with the means to keep
 * it. Every change answers the whole Wegwijzer (api/guide-staff.ts), told in the outcome line; focus goes back to the
 * button that did it, or to the outcome when that button is gone.
 */
export function GuideEditor({ guide }: { guide: Guide }) {
  const addSection = useAddSection();
  const updateSection = useUpdateSection();
  const deleteSection = useDeleteSection();
  const addLink = useAddLink();
  const updateLink = useUpdateLink();
  const deleteLink = useDeleteLink();
  const done = useOutcome();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  // A moved item's button, to focus once the list shows the new order: an element that moves loses focus in Chrome.
  const [refocus, setRefocus] = useState<string | null>(null);
  const moving = updateSection.isPending || updateLink.isPending;
  // What to tell once a dialog has closed: told while it is still open, the message could not take focus (the
  // page behind a modal dialog is inert), and Preact may run this component's effects before the dialog's own.
  const [told, setTold] = useState<{ text: string; focus: boolean } | null>(null);
  const tell = done.show;
  useEffect(() => {
    if (told === null || editing !== null || deleting !== null) return;
    setTold(null);
    tell(told.text, { focus: told.focus });
  }, [told, editing, deleting, tell]);
  const closeAndTell = (text: string, focus: boolean) => {
    setEditing(null);
    setDeleting(null);
    setTold({ text, focus });
  };

  useEffect(() => {
    if (refocus === null) return;
    setRefocus(null);
    document.getElementById(refocus)?.focus();
  }, [refocus, guide]);

  const close = () => setEditing(null);
  const sections = guide.sections;

  const moveSection = (section: GuideSection, to: number, button: string) =>
    updateSection.mutate(
      { id: section.id, position: to },
      {
        onSuccess: (answer) => {
          setRefocus(button);
          done.show(t.moved(section.name, answer.sections.findIndex((s) => s.id === section.id) + 1, answer.sections.length), { focus: false });
        },
      },
    );

  const moveLink = (section: GuideSection, link: GuideLink, to: number, button: string) =>
    updateLink.mutate(
      { id: link.id, position: to },
      {
        onSuccess: (answer) => {
          const links = answer.sections.find((s) => s.id === section.id)?.links ?? [];
          setRefocus(button);
          done.show(t.moved(link.title, links.findIndex((l) => l.id === link.id) + 1, links.length), { focus: false });
        },
      },
    );

  const saveLink = (values: LinkValues) => {
    if (editing?.kind === 'add-link') {
      if (addLink.isPending) return;
      addLink.mutate(values, {
        // Focus goes back to "Link toevoegen", ready for another; the message is read out.
        onSuccess: () => closeAndTell(t.linkAdded(values.title), false),
      });
    } else if (editing?.kind === 'edit-link') {
      if (updateLink.isPending) return;
      const { link, section } = editing;
      const changed: Partial<LinkValues> = {};
      for (const key of ['title', 'url', 'description'] as const) if (values[key] !== link[key]) changed[key] = values[key];
      if (values.sectionId !== section.id) changed.sectionId = values.sectionId;
      updateLink.mutate(
        { id: link.id, ...changed },
        {
          // Moved to another section, its "Bewerken" is elsewhere: the message takes focus.
          onSuccess: () => closeAndTell(t.linkSaved(values.title), changed.sectionId !== undefined),
        },
      );
    }
  };

  return (
    <>
      <p>{t.staffIntro}</p>
      <p className="guide-staff-actions">
        <button
          type="button"
          onClick={() => {
            addSection.reset();
            setEditing({ kind: 'add-section' });
          }}
        >
          {t.addSection}
        </button>
      </p>
      <Outcome outcome={done} />
      <ErrorMessage error={updateSection.error ?? (editing === null ? updateLink.error : null)} />
      {sections.length === 0 && <p className="empty">{nlGuide.empty}</p>}
      {sections.map((section, index) => (
        <section key={section.id} aria-labelledby={`wegwijzer-${section.id}`} className="guide-section">
          <div className="guide-section-head">
            <h2 id={`wegwijzer-${section.id}`}>{section.name}</h2>
            <div className="row-actions">
              <MoveButtons kind="onderwerp" id={section.id} name={section.name} index={index} count={sections.length} busy={moving} onMove={(to, button) => moveSection(section, to, button)} />
              <button
                type="button"
                className="secondary"
                aria-label={t.renameSectionLabel(section.name)}
                onClick={() => {
                  updateSection.reset();
                  setEditing({ kind: 'rename-section', section });
                }}
              >
                {t.renameSection}
              </button>
              {section.links.length === 0 ? (
                <button
                  type="button"
                  className="secondary"
                  aria-label={t.deleteSectionLabel(section.name)}
                  onClick={() => {
                    deleteSection.reset();
                    setDeleting({ kind: 'section', section });
                  }}
                >
                  {t.deleteSection}
                </button>
              ) : (
                <span className="hint">{t.sectionNotEmpty}</span>
              )}
            </div>
          </div>
          {section.links.length === 0 ? (
            <p className="empty">{nlGuide.emptySection}</p>
          ) : (
            <ul className="card-list guide-links">
              {section.links.map((link, i) => (
                <li key={link.id} className="card guide-link">
                  <GuideLinkContent link={link} />
                  <div className="row-actions">
                    <MoveButtons kind="link" id={link.id} name={link.title} index={i} count={section.links.length} busy={moving} onMove={(to, button) => moveLink(section, link, to, button)} />
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t.editLinkLabel(link.title)}
                      onClick={() => {
                        updateLink.reset();
                        setEditing({ kind: 'edit-link', link, section });
                      }}
                    >
                      {t.editLink}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t.deleteLinkLabel(link.title)}
                      onClick={() => {
                        deleteLink.reset();
                        setDeleting({ kind: 'link', link });
                      }}
                    >
                      {t.deleteLink}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <p>
            <button
              type="button"
              className="secondary"
              aria-label={t.addLinkLabel(section.name)}
              onClick={() => {
                addLink.reset();
                setEditing({ kind: 'add-link', section });
              }}
            >
              {t.addLink}
            </button>
          </p>
        </section>
      ))}

      <Dialog title={t.addSectionTitle} open={editing?.kind === 'add-section'} onClose={close}>
        {editing?.kind === 'add-section' && (
          <SectionForm
            initial=""
            submitLabel={t.addSection}
            busy={addSection.isPending}
            error={addSection.error}
            onCancel={close}
            onSubmit={(name) => {
              if (addSection.isPending) return;
              addSection.mutate(name, {
                onSuccess: () => closeAndTell(t.sectionAdded(name), false),
              });
            }}
          />
        )}
      </Dialog>

      <Dialog title={editing?.kind === 'rename-section' ? t.renameSectionTitle(editing.section.name) : ''} open={editing?.kind === 'rename-section'} onClose={close}>
        {editing?.kind === 'rename-section' && (
          <SectionForm
            initial={editing.section.name}
            submitLabel={t.save}
            busy={updateSection.isPending}
            error={updateSection.error}
            onCancel={close}
            onSubmit={(name) => {
              if (updateSection.isPending) return;
              updateSection.mutate(
                { id: editing.section.id, name },
                {
                  onSuccess: () => closeAndTell(t.sectionRenamed(name), false),
                },
              );
            }}
          />
        )}
      </Dialog>

      <Dialog
        title={editing?.kind === 'add-link' ? t.addLinkTitle(editing.section.name) : editing?.kind === 'edit-link' ? t.editLinkTitle(editing.link.title) : ''}
        open={editing?.kind === 'add-link' || editing?.kind === 'edit-link'}
        onClose={close}
      >
        {(editing?.kind === 'add-link' || editing?.kind === 'edit-link') && (
          <LinkForm
            key={editing.kind === 'edit-link' ? editing.link.id : `nieuw-${editing.section.id}`}
            initial={editing.kind === 'edit-link' ? { sectionId: editing.section.id, title: editing.link.title, url: editing.link.url, description: editing.link.description } : { sectionId: editing.section.id, title: '', url: '', description: '' }}
            sections={sections}
            submitLabel={editing.kind === 'add-link' ? t.addLink : t.save}
            busy={editing.kind === 'add-link' ? addLink.isPending : updateLink.isPending}
            error={editing.kind === 'add-link' ? addLink.error : updateLink.error}
            onCancel={close}
            onSubmit={saveLink}
          />
        )}
      </Dialog>

      <ConfirmDialog
        title={deleting?.kind === 'section' ? t.deleteSectionTitle(deleting.section.name) : deleting?.kind === 'link' ? t.deleteLinkTitle(deleting.link.title) : ''}
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        message={deleting?.kind === 'section' ? t.confirmDeleteSection(deleting.section.name) : deleting?.kind === 'link' ? t.confirmDeleteLink(deleting.link.title) : ''}
        confirmLabel={t.delete}
        error={deleting?.kind === 'section' ? deleteSection.error : deleteLink.error}
        pending={deleteSection.isPending || deleteLink.isPending}
        onConfirm={() => {
          if (deleting?.kind === 'section') {
            const { name, id } = deleting.section;
            deleteSection.mutate(id, {
              // Its buttons are gone: focus goes to the message.
              onSuccess: () => closeAndTell(t.sectionDeleted(name), true),
            });
          } else if (deleting?.kind === 'link') {
            const { title, id } = deleting.link;
            deleteLink.mutate(id, {
              onSuccess: () => closeAndTell(t.linkDeleted(title), true),
            });
          }
        }}
      />
    </>
  );
}
