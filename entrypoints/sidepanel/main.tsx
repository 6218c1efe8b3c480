import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelApp } from '../../components/shell/PanelApp';
import { panelStore } from '../../extension/panel-storage';
import { defaultSettings } from '../../extension/default-settings';
import { leaveAllRooms } from '../../components/shell/lazy-views';
import '../../components/shell/panel.css';

// An invite link opens the web panel with the code in the fragment; take it and wipe it from
// the address bar, so that it does not linger on screen.
const fragment = new URLSearchParams(location.hash.slice(1));
// A group's servers for strict networks travel after the code (`&ice=`,
// lib/invite/ice-servers.ts); the join field then shows the whole link the member opened, which
// reads better than a code with `&ice=…` glued to it and still names this page's server.
const join = fragment.get('join') ?? '';
const initialInvite =
  join && fragment.get('ice') ? `${location.origin}${location.pathname}${location.hash}` : join;
if (initialInvite) history.replaceState(null, '', location.pathname + location.search);

// The page is going: leave every room now, so that the others see us leave at once.
addEventListener('pagehide', () => leaveAllRooms());

// The private notebook: IndexedDB of this origin (the extension, or the companion's web page).
// Its code (Dexie, the crypto) is a chunk of its own, asked for at once; the panel renders when
// it is here, as the home screen cannot show the remembered groups before the notebook says
// whether they are sealed with its passphrase (lib/device/at-rest.ts). Should the chunk fail
// to load, the panel runs without notes, as where there is no IndexedDB.
const notebook = import('../../components/notes/open-notebook').then(
  (m) => m.openNotebook(),
  () => null,
);

const root = document.getElementById('root');
if (root) {
  const panel = createRoot(root);
  void notebook.then((notebook) =>
    panel.render(
      <StrictMode>
        <PanelApp
          store={panelStore()}
          defaults={defaultSettings()}
          initialInvite={initialInvite}
          browserLanguages={navigator.languages}
          notebook={notebook}
        />
      </StrictMode>,
    ),
  );
}
