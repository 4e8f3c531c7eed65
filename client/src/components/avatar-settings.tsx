import { useEffect, useState, type FormEvent } from 'react';
import type { User } from '../../../shared/api/users';
import { useRemoveAvatar, useUploadAvatar } from '../api/avatar';
import { nlAccount } from '../i18n/nl-account';
import { Avatar } from './avatar';
import { Field } from './field';
import { Outcome, useOutcome } from './outcome';
import { ErrorMessage } from './states';

const t = nlAccount.avatar;
/** What the server takes (members/avatar.ts); checked here too, so a wrong file is said at once instead of after an upload. */
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The chosen file as a data: URL, for the preview: the CSP allows data: images but not blob: ones. Read in the
 * browser only; nothing is sent until she saves.
 */
function usePreview(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => setUrl(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(file);
    return () => reader.abort();
  }, [file]);
  return url;
}

/** "Profielfoto" on the account page: her picture or initials as others see them, upload a new one, or remove it. */
export function AvatarSettings({ user }: { user: User }) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // A new key empties the file input after a save (its value cannot be set from script).
  const [inputKey, setInputKey] = useState(0);
  const upload = useUploadAvatar();
  const remove = useRemoveAvatar();
  const outcome = useOutcome();
  const preview = usePreview(fileError ? null : file);

  const choose = (chosen: File | null) => {
    upload.reset();
    outcome.show('', { focus: false });
    setFile(chosen);
    setFileError(!chosen ? null : !TYPES.includes(chosen.type) ? t.wrongType : chosen.size > MAX_BYTES ? t.tooLarge : null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (upload.isPending) return;
    if (!file) return setFileError(t.chooseFirst);
    if (fileError) return;
    upload.mutate(file, {
      onSuccess: () => {
        setFile(null);
        setInputKey((k) => k + 1);
        // Focus stays on "Foto opslaan", which stays where it is; the status says it worked.
        outcome.show(t.saved, { focus: false });
      },
    });
  };

  return (
    <section aria-labelledby="profielfoto">
      <h2 id="profielfoto">{t.title}</h2>
      <div className="avatar-current">
        <Avatar id={user.id} displayName={user.displayName} avatarUrl={user.avatarUrl} size={96} />
        <p>{user.avatarUrl ? t.current : t.none}</p>
      </div>
      <form className="form narrow" onSubmit={submit} noValidate>
        <Field label={t.file} hint={t.hint} required error={fileError ?? (upload.error instanceof Error ? upload.error.message : null)} alert>
          {(p) => <input {...p} key={inputKey} type="file" accept={TYPES.join(',')} onChange={(e) => choose(e.target.files?.[0] ?? null)} />}
        </Field>
        {preview && (
          <div className="avatar-current">
            {/* Her own file, cut like the server will (the centre square); the text says what it is. */}
            <img className="avatar avatar-preview" src={preview} alt="" width={96} height={96} />
            <p>{t.preview}</p>
          </div>
        )}
        <div className="actions">
          <button type="submit" aria-disabled={upload.isPending}>
            {upload.isPending ? t.uploading : t.upload}
          </button>
          {user.avatarUrl && (
            <button
              type="button"
              className="secondary"
              aria-disabled={remove.isPending}
              onClick={() =>
                !remove.isPending &&
                remove.mutate(undefined, {
                  // The button leaves with the picture: focus goes to the message that says what happened.
                  onSuccess: () => outcome.show(t.removed),
                })
              }
            >
              {remove.isPending ? t.removing : t.remove}
            </button>
          )}
        </div>
        <ErrorMessage error={remove.error} />
        <Outcome outcome={outcome} />
      </form>
    </section>
  );
}
