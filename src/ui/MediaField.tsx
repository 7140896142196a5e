// Photo, recording, video and file questions (docs/attachments.md): a labelled file input; the
// chosen file is kept with the draft (attachFile) before the answer names it, so a reload or a
// closed tab never loses it. What is chosen shows as a thumbnail, or a name and size.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MediaType } from '../forms/attachments';
import { parsePathKey } from '../forms/instances';
import { textIn } from '../forms/texts';
import { formatNumber, t } from '../i18n';
import { attachFile, attachmentBlob, type AttachRefusal } from '../storage/attachments';
import { toStorageError } from '../storage/errors';
import { sizeParts } from './downscale';
import { describeFailure } from './failure-text';
import { prepareFile, type PrepareRefusal } from './prepare-file';
import { Description, describedBy, fieldIds, type FieldProps } from './QuestionField';

/** What the input offers to choose, by question type (a `file` question takes anything). */
const ACCEPT: Record<MediaType, string | undefined> = {
  image: 'image/jpeg,image/png,image/gif,image/webp',
  audio: 'audio/*',
  video: 'video/*',
  file: undefined,
};

/**
 * As Enketo reads ODK's appearances: `new` goes straight to the camera or recorder, `selfie` or
 * `new-front` to the front camera; without one the phone offers the camera or its files. A laptop
 * ignores it.
 */
export function captureFor(type: MediaType, appearance: string | undefined): 'environment' | 'user' | undefined {
  const words = new Set((appearance ?? '').toLowerCase().split(/\s+/));
  if (type === 'file') return undefined;
  if (words.has('selfie') || words.has('new-front')) return 'user';
  if (!words.has('new')) return undefined;
  return type === 'audio' ? 'user' : 'environment';
}

/** A size as a person reads it, the unit in the language's own letters ("2.4 MB", "2,4 Mo"). */
export function sizeText(bytes: number): string {
  const { value, unit } = sizeParts(bytes);
  if (unit === 'bytes') return formatNumber(value, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  return formatNumber(value, { style: 'unit', unit: unit === 'MB' ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 });
}

const mb = (bytes: number) => formatNumber(bytes / 1024 / 1024);

/** Why the file was not kept, in words, with what to do instead. */
function refusalText(refusal: AttachRefusal | PrepareRefusal, type: MediaType): string {
  if (typeof refusal === 'object') {
    switch (refusal.kind) {
      case 'too-large':
        return t('This file is larger than {limit} MB, the most one file may hold. Choose a smaller file.', { limit: mb(refusal.limit) });
      case 'submission-full':
        return t('The files of this response would pass {limit} MB in all. Remove a file from another question, or choose a smaller one.', { limit: mb(refusal.limit) });
      case 'too-many':
        return t('This response already holds {limit} files, the most it may have.', { limit: refusal.limit });
    }
  }
  switch (refusal) {
    case 'empty':
      return t('This file is empty. Choose another.');
    case 'unreadable':
      return t('This photo could not be read: it may be damaged. Choose another.');
    case 'wrong-type':
      return type === 'image'
        ? t('This file is not a photo Fieldbook can keep. Choose a JPEG, PNG, GIF or WebP picture.')
        : type === 'audio'
          ? t('This file is not a sound recording. Choose another.')
          : type === 'video'
            ? t('This file is not a video. Choose another.')
            : t('This kind of file cannot be kept (a web page, script or SVG picture could run in a browser). Choose another.');
  }
}

/** The words of one media type: what is being prepared, the Remove button, its confirmation. */
function wordsFor(type: MediaType) {
  switch (type) {
    case 'image':
      return { preparing: t('Preparing the photo…'), remove: t('Remove photo'), ask: t('Remove this photo from the response?'), yes: t('Yes, remove the photo') };
    case 'audio':
      return { preparing: t('Preparing the recording…'), remove: t('Remove recording'), ask: t('Remove this recording from the response?'), yes: t('Yes, remove the recording') };
    case 'video':
      return { preparing: t('Preparing the video…'), remove: t('Remove video'), ask: t('Remove this video from the response?'), yes: t('Yes, remove the video') };
    case 'file':
      return { preparing: t('Preparing the file…'), remove: t('Remove file'), ask: t('Remove this file from the response?'), yes: t('Yes, remove the file') };
  }
}

/** What the kept file looks like: its object URL (images), its size, or not on this device. */
type Shown = { url: string | undefined; size: number } | 'missing';

/** A kept file's Blob as an object URL (images) and size, released when the answer changes or the field goes. */
function useShown(submissionId: string | undefined, name: string | undefined, image: boolean): Shown | undefined {
  const [shown, setShown] = useState<Shown>();
  useEffect(() => {
    setShown(undefined);
    if (submissionId === undefined || name === undefined) return;
    let live = true;
    let url: string | undefined;
    attachmentBlob(submissionId, name).then(
      (blob) => {
        if (!live) return;
        if (!blob) return setShown('missing');
        url = image ? URL.createObjectURL(blob) : undefined;
        setShown({ url, size: blob.size });
      },
      () => live && setShown('missing'),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [submissionId, name, image]);
  return shown;
}

/** A photo, recording, video or file question; `submissionId` is the draft's (no file can be chosen without one, as in a preview). */
export function MediaField({ question, value, error, locale, readOnly, onChange, submissionId }: FieldProps) {
  const type = question.type as MediaType;
  const ids = fieldIds(question.id);
  const label = textIn(question.label, locale);
  const name = typeof value === 'string' && value !== '' ? value : undefined;
  const words = wordsFor(type);
  const shown = useShown(submissionId, name, type === 'image');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const focusNext = useRef<'input' | 'remove' | 'yes' | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const yesButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = undefined;
    (target === 'input' ? input : target === 'remove' ? removeButton : target === 'yes' ? yesButton : undefined)?.current?.focus();
  });

  const choose = async (element: HTMLInputElement) => {
    const file = element.files?.[0];
    if (!file || submissionId === undefined) return;
    setBusy(true);
    setProblem(undefined);
    setConfirming(false);
    try {
      const prepared = await prepareFile(file, type, type === 'image' ? question.maxPixels : undefined);
      if (!prepared.ok) return setProblem(refusalText(prepared.refusal, type));
      // Inside a repeat the field is named by its path; the file is named by the question's own id.
      const result = await attachFile(submissionId, parsePathKey(question.id).id, prepared.blob, file.name);
      if (!result.ok) return setProblem(refusalText(result.refusal, type));
      onChange(question.id, result.attachment.name);
    } catch (failure) {
      setProblem(describeFailure(toStorageError(failure).failure));
    } finally {
      setBusy(false);
      // The same file may be chosen again after a refusal or a removal.
      element.value = '';
    }
  };

  const remove = () => {
    setConfirming(false);
    setProblem(undefined);
    focusNext.current = 'input';
    onChange(question.id, undefined);
  };

  const statusId = `q-${question.id}-file-status`;
  const problemId = `q-${question.id}-file-problem`;
  const describedIds = [describedBy(question, error), statusId, problem ? problemId : ''].filter(Boolean).join(' ');
  return (
    <div class={`field field-media field-${type}`}>
      {readOnly ? <p class="media-label">{label}</p> : <label for={ids.input}>{label}</label>}
      <Description question={question} error={error} locale={locale} />
      {name !== undefined && <ChosenFile shown={shown} name={name} type={type} label={label} />}
      {!readOnly && (
        <>
          <input
            id={ids.input}
            ref={input}
            type="file"
            accept={ACCEPT[type]}
            capture={captureFor(type, question.appearance)}
            disabled={busy || submissionId === undefined}
            required={question.required === true && name === undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedIds}
            onChange={(e) => void choose(e.currentTarget)}
          />
          {name !== undefined && !confirming && (
            <button
              type="button"
              class="secondary"
              ref={removeButton}
              disabled={busy}
              onClick={() => {
                focusNext.current = 'yes';
                setConfirming(true);
              }}
            >
              {words.remove}
            </button>
          )}
          {name !== undefined && confirming && (
            <div class="media-confirm" role="group" aria-label={words.ask}>
              <p>{words.ask}</p>
              <button type="button" ref={yesButton} onClick={remove}>
                {words.yes}
              </button>{' '}
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  focusNext.current = 'remove';
                  setConfirming(false);
                }}
              >
                {t('Keep it')}
              </button>
            </div>
          )}
        </>
      )}
      {!readOnly && (
        <p id={statusId} class="hint" role="status">
          {busy ? words.preparing : submissionId === undefined ? t('A file can be chosen once a response is started.') : ''}
        </p>
      )}
      {problem && (
        <p id={problemId} class="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The kept file: a thumbnail for a photo, otherwise its name and size. */
function ChosenFile({ shown, name, type, label }: { shown: Shown | undefined; name: string; type: MediaType; label: string }) {
  if (shown === 'missing') return <p class="media-chosen">{t('{name}: this file is not on this device.', { name })}</p>;
  return (
    <div class="media-chosen">
      {type === 'image' && shown?.url && <img class="media-thumb" src={shown.url} alt={t('{question}: photo', { question: label })} />}
      <p class="media-name">
        {shown ? t('{name} ({size})', { name, size: sizeText(shown.size) }) : name}
      </p>
    </div>
  );
}
