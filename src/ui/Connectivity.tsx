import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { subscribeConnectivity, type ConnectivityState } from '../sync/connectivity';

/** Each state in words, so the indicator never relies on colour alone. */
export function connectivityLabel(state: ConnectivityState): string {
  switch (state) {
    case 'offline':
      return t('Offline');
    case 'checking':
      return t('Checking connection…');
    case 'online':
      return t('Online');
    case 'unreachable':
      return t('No connection to the server');
  }
}

/** The header's connection indicator: confirmed with the server, not taken from the browser's word. */
export function Connectivity() {
  const [state, setState] = useState<ConnectivityState | undefined>();
  useEffect(() => subscribeConnectivity(setState), []);
  if (!state) return null;
  return (
    <p class={`connectivity connectivity-${state}`} role="status">
      <span class="connectivity-dot" aria-hidden="true" />
      {connectivityLabel(state)}
    </p>
  );
}
