import { render } from 'preact';
import { startLocale } from './i18n/preference';
import { registerServiceWorker } from './pwa/sw-bridge';
import { warmUpDb } from './storage/db';
import { requestPersistentStorage } from './storage/quota';
import { App } from './ui/App';
import './ui/styles.css';

// Opening IndexedDB takes a while: start it alongside reading the language setting.
warmUpDb();
// The first screen is drawn in the user's language, not in English and then again.
void startLocale().then(() => render(<App />, document.getElementById('app')!));
// Asked once at start: data kept for days offline must not be evicted under storage pressure.
void requestPersistentStorage();
registerServiceWorker();
