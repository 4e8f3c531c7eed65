import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { LIMITS } from '../../../shared/constants';
import { usePreview } from '../api/forum';
import { nlForum } from '../i18n/nl-forum';
import { nlMembers } from '../i18n/nl-members';
import { useMentionSuggest } from './mention-suggest';
import { LinkDialog } from './link-dialog';
import { ErrorMessage } from './states';
import { useSelectionAfterRender } from './use-selection-after-render';

type Wrap = { before: string; after: string; placeholder: string; linePrefix?: boolean };
type ToolKey = 'bold' | 'italic' | 'link' | 'quote' | 'list';
/**
 * Each button shows its name as a word (styled like what it does), so what is seen is what a voice user says and a
 * screen reader reads (WCAG 2.5.3, label in name); a symbol beside it (“ ”, •) is decoration and hidden. The link
 * button asks for the address (link-dialog.tsx) instead of inserting a placeholder for it.
 */
const TOOLS: { key: ToolKey; label: string; symbol?: string; wrap: Wrap }[] = [
  { key: 'bold', label: nlForum.composer.bold, wrap: { before: '**', after: '**', placeholder: 'vet' } },
  { key: 'italic', label: nlForum.composer.italic, wrap: { before: '_', after: '_', placeholder: 'cursief' } },
  { key: 'link', label: nlForum.composer.link, wrap: { before: '[', after: '](https://)', placeholder: 'linktekst' } },
  { key: 'quote', label: nlForum.composer.quote, symbol: '“ ”', wrap: { before: '> ', after: '', placeholder: 'citaat', linePrefix: true } },
  { key: 'list', label: nlForum.composer.list, symbol: '•', wrap: { before: '- ', after: '', placeholder: 'punt', linePrefix: true } },
];

/** Ctrl+Enter (Cmd+Enter on a Mac) sends the form the composer is in, as in most editors people know. */
const isSendKey = (event: KeyboardEvent<HTMLTextAreaElement>) => event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;

/**
 * The Markdown editor: a plain textarea (the most accessible editor there is) with a small toolbar and a
 * preview. The preview is the server's own rendering (POST /api/posts/preview): exactly what posting will show,
 * where a second renderer in the browser would be another 30 KB that could disagree with it. Typing `@` offers
 * members' names (mention-suggest.tsx); `threadId` puts the people in that thread first.
 */
export function Composer({
  value,
  onChange,
  onTyping,
  error,
  label = nlForum.composer.label,
  textareaRef,
  threadId,
}: {
  value: string;
  onChange: (value: string) => void;
  onTyping?: () => void;
  error?: string | null;
  label?: string;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  threadId?: number;
}) {
  const id = useId();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? ownRef;
  const selectAfterRender = useSelectionAfterRender(ref);
  const [preview, setPreview] = useState(false);
  const rendered = usePreview(value, preview);
  const suggest = useMentionSuggest({ value, onChange, textareaRef: ref, threadId, disabled: preview });
  // A draft emptied from outside (it was just posted) starts again in writing mode.
  useEffect(() => {
    if (!value) setPreview(false);
  }, [value]);
  const [askingLink, setAskingLink] = useState(false);
  // After a link went in, the field takes focus back from the closing dialog (which gives it to the link button in
  // its unmount effect: this effect runs after that one). Its selection, the link text, stays.
  const [linked, setLinked] = useState(0);
  useEffect(() => {
    if (linked > 0) ref.current?.focus();
  }, [linked, ref]);

  const apply = (wrap: Wrap) => {
    const el = ref.current;
    if (!el) return;
    const start = el.selectionStart;
    const end = el.selectionEnd;
    const selected = value.slice(start, end) || wrap.placeholder;
    const text = wrap.linePrefix
      ? selected
          .split('\n')
          .map((line) => wrap.before + line)
          .join('\n')
      : wrap.before + selected + wrap.after;
    const next = value.slice(0, start) + text + value.slice(end);
    onChange(next);
    // Select the inserted words so typing replaces the placeholder.
    const from = start + wrap.before.length;
    selectAfterRender(from, from + (wrap.linePrefix ? text.length - wrap.before.length : selected.length));
  };

  const insertLink = (url: string) => {
    setAskingLink(false);
    apply({ before: '[', after: `](${url})`, placeholder: nlForum.composer.linkPlaceholder });
    setLinked((n) => n + 1);
  };

  return (
    <div className="field composer">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {nlForum.composer.hint} {nlMembers.composerHelp}
      </p>
      <div className="composer-bar">
        <div role="toolbar" aria-label={nlForum.composer.toolbar} aria-controls={id} className="toolbar">
          {TOOLS.map((tool) => (
            <button key={tool.key} type="button" className={`tool tool-${tool.key}`} disabled={preview} onClick={() => (tool.key === 'link' ? setAskingLink(true) : apply(tool.wrap))}>
              {tool.symbol && (
                <span className="tool-symbol" aria-hidden="true">
                  {tool.symbol}
                </span>
              )}
              {tool.label}
            </button>
          ))}
        </div>
        <button type="button" className="tool text" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
          {nlForum.composer.preview}
        </button>
      </div>
      <textarea
        id={id}
        ref={ref}
        hidden={preview}
        rows={6}
        maxLength={LIMITS.bodyMax}
        required
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        value={value}
        {...suggest.textareaProps}
        onKeyDown={(e) => {
          if (isSendKey(e)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
            return;
          }
          suggest.textareaProps.onKeyDown(e);
        }}
        onChange={(e) => {
          onChange(e.target.value);
          suggest.trackCaret(e.target);
          onTyping?.();
        }}
      />
      {suggest.list}
      {askingLink && <LinkDialog onInsert={insertLink} onClose={() => setAskingLink(false)} />}
      {preview && (
        <div className="preview" aria-live="polite" aria-busy={rendered.isFetching}>
          <p className="hint">{nlForum.composer.previewNote}</p>
          {!value.trim() ? (
            <p className="muted">{nlForum.composer.previewEmpty}</p>
          ) : rendered.isError ? (
            <ErrorMessage error={rendered.error} />
          ) : rendered.data ? (
            // bodyHtml is the server's sanitized rendering (sanitize-html), like every post's: the only HTML we insert.
            <div className="post-body" dangerouslySetInnerHTML={{ __html: rendered.data.bodyHtml }} />
          ) : (
            <p className="muted">{nlForum.composer.previewLoading}</p>
          )}
        </div>
      )}
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
