import { useEffect, useState } from 'preact/hooks';
import { subscribeConnectivity, type ConnectivityState } from '../sync/connectivity';

/** Each state in words, so the indicator never relies on colour alone. */
export const CONNECTIVITY_LABELS: Readonly<Record<ConnectivityState, string>> = {
  offline: 'Offline',
  checking: 'Checking connection…',
  online: 'Online',
  unreachable: 'No connection to the server',
};

/** The header's connection indicator: confirmed with the server, not taken from the browser's word. */
export function Connectivity() {
  const [state, setState] = useState<ConnectivityState | undefined>();
  useEffect(() => subscribeConnectivity(setState), []);
  if (!state) return null;
  return (
    <p class={`connectivity connectivity-${state}`} role="status">
      <span class="connectivity-dot" aria-hidden="true" />
      {CONNECTIVITY_LABELS[state]}
    </p>
  );
}
