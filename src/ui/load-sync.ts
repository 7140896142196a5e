/** The sync engine, loaded after the first screen renders: home does not wait for it. */
export const loadSync = () => import('../sync/device-sync');
