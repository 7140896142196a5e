import { render } from 'preact';
import { registerServiceWorker } from './pwa/sw-bridge';
import { requestPersistentStorage } from './storage/quota';
import { App } from './ui/App';
import './ui/styles.css';

render(<App />, document.getElementById('app')!);
// Asked once at start: data kept for days offline must not be evicted under storage pressure.
void requestPersistentStorage();
registerServiceWorker();
