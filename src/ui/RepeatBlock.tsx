import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { pathKey, type InstancePath } from '../forms/instances';
import type { AnswerValue, Answers } from '../forms/relevance';
import { t } from '../i18n';

export interface RepeatBlockProps {
  /** The repeat's id and the instance path of the record holding it. */
  id: string;
  at: InstancePath;
  /** The repeat's label in the form language ("Household member"). */
  label: string;
  instances: readonly Answers[];
  /** The number of instances its repeat_count asks for; undefined lets the person add and remove them. */
  count: number | undefined;
  readOnly: boolean;
  onChange: (key: string, value: AnswerValue | undefined) => void;
  /** The items of one instance. */
  renderInstance: (at: InstancePath) => ComponentChildren;
}

/**
 * One repeat: each instance under its own numbered heading ("Household member 2"). Without a
 * count, the person adds instances and removes them after confirming; focus goes to the new
 * instance's heading, or after a removal to the Add button, so keyboard users never lose their place.
 * With a count, the instances follow it (extra ones are dropped, missing ones added empty).
 */
export function RepeatBlock({ id, at, label, instances, count, readOnly, onChange, renderInstance }: RepeatBlockProps) {
  const key = pathKey(at, id);
  const [confirming, setConfirming] = useState<number | undefined>(undefined);
  const focusNext = useRef<'add' | 'confirm' | number | undefined>(undefined);
  const addButton = useRef<HTMLButtonElement>(null);
  const block = useRef<HTMLElement>(null);

  useEffect(() => {
    if (readOnly || count === undefined || count === instances.length) return;
    const resized = instances.slice(0, count);
    while (resized.length < count) resized.push({});
    onChange(key, resized.length > 0 ? resized : undefined);
  }, [count, instances, readOnly, key, onChange]);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = undefined;
    if (target === 'add') addButton.current?.focus();
    else if (target === 'confirm') block.current?.querySelector<HTMLElement>(':scope > .repeat-instance > .repeat-confirm button')?.focus();
    else if (target !== undefined) block.current?.querySelector<HTMLElement>(`:scope > .repeat-instance > h3[data-instance="${target}"]`)?.focus();
  });

  const add = () => {
    focusNext.current = instances.length;
    onChange(key, [...instances, {}]);
  };
  const remove = (index: number) => {
    setConfirming(undefined);
    focusNext.current = 'add';
    const kept = instances.filter((_, i) => i !== index);
    onChange(key, kept.length > 0 ? kept : undefined);
  };
  const manual = count === undefined && !readOnly;

  return (
    <section class="form-repeat" ref={block} aria-label={label}>
      {instances.map((_, index) => {
        const name = t('{item} {n}', { item: label, n: index + 1 });
        const headingId = `r-${pathKey([...at, { repeat: id, index }], id)}`;
        return (
          <section class="repeat-instance" key={index} aria-labelledby={headingId}>
            <h3 id={headingId} tabIndex={-1} data-instance={index}>
              {name}
            </h3>
            {renderInstance([...at, { repeat: id, index }])}
            {manual && confirming !== index && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  focusNext.current = 'confirm';
                  setConfirming(index);
                }}
              >
                {t('Remove {item}', { item: name })}
              </button>
            )}
            {manual && confirming === index && (
              <div class="repeat-confirm" role="group" aria-label={t('Remove {item}?', { item: name })}>
                <p>{t('Remove {item} and its answers?', { item: name })}</p>
                <button type="button" onClick={() => remove(index)}>
                  {t('Yes, remove {item}', { item: name })}
                </button>{' '}
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    focusNext.current = index;
                    setConfirming(undefined);
                  }}
                >
                  {t('Keep it')}
                </button>
              </div>
            )}
          </section>
        );
      })}
      {manual && (
        <button type="button" ref={addButton} onClick={add}>
          {t('Add {item}', { item: label })}
        </button>
      )}
      {!manual && instances.length === 0 && <p class="hint">{t('No {item} to fill in.', { item: label })}</p>}
    </section>
  );
}
