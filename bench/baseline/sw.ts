// The baseline worker for the offline second visit: Workbox precaching of one blank page, nothing else.
/// <reference lib="webworker" />
import { precacheAndRoute } from 'workbox-precaching';

precacheAndRoute([{ url: '/index.html', revision: '1' }]);
