import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { isExtensionPage, panelStore } from '../../extension/panel-storage';
import type { RememberedGroup } from '../../lib/device/groups';
import { createPanelStore } from '../../lib/device/panel-store';
import type { Settings } from '../../lib/device/settings';
import { createInvite } from '../../lib/invite/invite';

const DEFAULTS: Settings = {
  signalingUrl: 'ws://localhost:4444',
  locale: null,
  sound: 'chair',
  iceServers: [],
  relayOnly: false,
};

function group(n: number): RememberedGroup {
  return {
    groupId: `group-${String(n).padStart(4, '0')}`,
    code: createInvite().code,
    name: `Groep ${n}`,
    memberName: 'Anna',
    memberId: `member-${String(n).padStart(4, '0')}`,
    lastUsedAt: n,
    signalingUrl: null,
    iceServers: [],
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe("the extension's panel storage", () => {
  it('runs on browser.storage.local inside the extension', () => {
    expect(isExtensionPage()).toBe(true);
  });

  it('keeps the groups and settings an installed build stored when the new build saves', async () => {
    const [a, b] = [group(1), group(2)];
    // What an install before versioned items holds: the sound was a switch then.
    const stored = { signalingUrl: 'wss://kring.example.org', locale: 'en', sound: true };
    const settings: Settings = {
      ...stored,
      locale: 'en',
      sound: 'always',
      iceServers: [],
      relayOnly: false,
    };
    await fakeBrowser.storage.local.set({ groups: [a], settings: stored });

    const panel = createPanelStore(panelStore(), DEFAULTS);
    await panel.load();
    expect(panel.getSnapshot()).toEqual({
      settingsLoaded: true,
      loaded: true,
      settings,
      groups: [a],
      groupsLocked: false,
    });
    await panel.saveGroup(b);

    expect(await fakeBrowser.storage.local.get(['groups', 'settings'])).toEqual({
      groups: { v: 5, value: { plain: [b, a] } },
      settings: stored,
    });
  });
});
