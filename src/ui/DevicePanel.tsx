import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { setEnumerator } from '../storage/settings';
import type { DraftContext } from '../storage/submissions';

/** Who collects on this device; the name goes on every new response. */
export function DevicePanel({ context, onContextChange }: { context: DraftContext; onContextChange: (c: DraftContext) => void }) {
  const [name, setName] = useState(context.enumerator);
  const [saved, setSaved] = useState(false);
  return (
    <section class="panel" aria-labelledby="device-heading">
      <h2 id="device-heading">{t('This device')}</h2>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void setEnumerator(name).then(() => {
            onContextChange({ ...context, enumerator: name.trim() });
            setSaved(true);
          });
        }}
      >
        <label for="enumerator">{t('Your name (recorded on each response)')}</label>
        <input id="enumerator" value={name} maxLength={200} autoComplete="name" onInput={(e) => (setName(e.currentTarget.value), setSaved(false))} />
        <button type="submit">{t('Save name')}</button>
        <p role="status">{saved ? t('Name saved.') : ''}</p>
      </form>
    </section>
  );
}
