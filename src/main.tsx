import { render } from 'preact';
import { startLocale } from './i18n/preference';
import { registerServiceWorker } from './pwa/sw-bridge';
import { requestPersistentStorage } from './storage/quota';
import { App } from './ui/App';
import { afterFirstScreen } from './ui/first-screen';
import { readHomeCountsEarly } from './ui/home-counts';
import { parseRoute } from './ui/router';
import './ui/styles.css';

// The first screen is drawn once: in the user's language, not in English and then again, and
// for home with its counts, read from the database first thing (home-counts.ts says why).
const counts = parseRoute(location.hash).screen === 'home' ? readHomeCountsEarly() : undefined;
void Promise.all([startLocale(), counts]).then(() => render(<App />, document.getElementById('app')!));
// Asked once at start: data kept for days offline must not be evicted under storage pressure.
void afterFirstScreen(requestPersistentStorage);
void afterFirstScreen(registerServiceWorker);
