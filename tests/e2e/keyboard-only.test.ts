import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './helpers/member-browser';
import { currentPhase, joinGroup, membersInACall, startGroup } from './helpers/panel';

const MEET_URL = 'https://meet.google.com/key-boar-don';
const CASE = 'Een collega die steeds later komt';
const QUESTION = 'Wat had je op dat moment nodig?';

/** More Tab presses than any screen of the panel has stops: a control not reached is a failure. */
const MAX_TABS = 80;

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user looks for it. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${MAX_TABS} presses of ${backwards ? 'Shift+Tab' : 'Tab'} never reached it`);
}

/** Whether the focus is on (one of) what `target` finds; false at once when it finds nothing. */
function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluateAll((elements) => elements.some((e) => e === document.activeElement));
}

/** What has the focus, in words for a failure message. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'the page (nothing)';
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
    return `${element.tagName.toLowerCase()} "${name.slice(0, 60)}"`;
  });
}

/** What the panel's announcer has said and still shows (components/common/Announcer.tsx). */
function announced(page: Page): Promise<string> {
  return page
    .getByTestId('announcer')
    .textContent()
    .then((text) => text ?? '');
}

/**
 * A chair, a case bringer and a member who use only the keyboard (Tab, Shift+Tab, Enter, Escape
 * and the chair's phase shortcuts), each in their own browser profile over real WebRTC: where
 * focus lands after a phase change and a confirmed case, after posting a question, in and after
 * the end dialog, and as views open and close; and that a member who is typing keeps their place
 * when the chair moves on.
 */
describe('the panel with the keyboard only', () => {
  const call = membersInACall(3, { callUrl: MEET_URL, viewport: { width: 360, height: 800 } });
  let anna: Page;
  let bram: Page;
  let carla: Page;

  const heading = (panel: Page) => currentPhase(panel);
  const phaseHasFocus = async (panel: Page, name: string) => {
    await expect.poll(() => heading(panel).textContent(), { timeout: 15_000 }).toBe(name);
    await expect
      .poll(async () => ((await hasFocus(heading(panel))) ? 'the phase heading' : focused(panel)))
      .toBe('the phase heading');
  };

  beforeAll(async () => {
    [anna, bram, carla] = call.panels as [Page, Page, Page];
    const code = await startGroup(anna, 'Team Zuid', 'Anna');
    await joinGroup(bram, code, 'Bram');
    await joinGroup(carla, code, 'Carla');
    await waitFor(
      async () =>
        /Bram.*Carla|Carla.*Bram/.test(
          (await anna.getByRole('list', { name: 'Present' }).textContent()) ?? '',
        ) || null,
      "Bram and Carla to be present on the chair's panel",
      30_000,
    );
  });

  it('starts the meeting, confirms the case and moves the phase with Enter and the shortcuts, focus on the phase heading each time', async () => {
    await anna.bringToFront();
    const chairToday = anna.getByRole('button', { name: 'I chair today' });
    if ((await chairToday.count()) > 0) {
      await tabTo(anna, chairToday);
      await anna.keyboard.press('Enter');
    }
    await tabTo(anna, anna.getByRole('button', { name: 'Start the meeting as chair' }));
    await anna.keyboard.press('Enter');
    await phaseHasFocus(anna, 'Inventory');

    // Bram and Carla ask to join; the chair lets each in from the keyboard ("Asking to join"
    // stands above the phase, so Shift+Tab from the phase heading reaches it). When Bram's row
    // goes, the focus moves on to Carla's "Let in", not back to the top of the page.
    const letBramIn = anna.getByRole('button', { name: 'Let Bram in', exact: true });
    const letCarlaIn = anna.getByRole('button', { name: 'Let Carla in', exact: true });
    await letBramIn.waitFor({ timeout: 30_000 });
    await letCarlaIn.waitFor({ timeout: 30_000 });
    await tabTo(anna, letBramIn, true);
    await anna.keyboard.press('Enter');
    await letBramIn.waitFor({ state: 'detached', timeout: 15_000 });
    await expect
      .poll(async () => ((await hasFocus(letCarlaIn)) ? 'Let Carla in' : focused(anna)))
      .toBe('Let Carla in');
    await anna.keyboard.press('Enter');
    await letCarlaIn.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => heading(bram).textContent(), { timeout: 30_000 }).toBe('Inventory');
    await expect.poll(() => heading(carla).textContent(), { timeout: 30_000 }).toBe('Inventory');

    // Bram pitches his case from the keyboard; the chair confirms it: a new view of the phase.
    await bram.bringToFront();
    await tabTo(bram, bram.getByRole('textbox', { name: 'Your work question' }));
    await bram.keyboard.type(CASE);
    await tabTo(bram, bram.getByRole('button', { name: 'Add work question' }));
    await bram.keyboard.press('Enter');
    await anna.bringToFront();
    const confirm = anna.getByRole('button', { name: `Confirm as case: ${CASE}` });
    await expect.poll(() => confirm.count(), { timeout: 15_000 }).toBe(1);
    await tabTo(anna, confirm);
    await anna.keyboard.press('Enter');
    await expect.poll(() => anna.locator('main').textContent()).toContain('brought in by Bram');
    await phaseHasFocus(anna, 'Inventory');

    const nextPhase = anna.getByRole('button', { name: 'Next phase' });
    expect(await nextPhase.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+ArrowRight');
    expect(
      await anna.getByRole('button', { name: 'Previous phase' }).getAttribute('aria-keyshortcuts'),
    ).toBe('Alt+Shift+ArrowLeft');
    expect(await anna.locator('main').textContent()).toContain('Alt+Shift+→');
    await tabTo(anna, nextPhase);
    await anna.keyboard.press('Enter');
    await phaseHasFocus(anna, 'Analysis');

    await anna.keyboard.press('Alt+Shift+ArrowRight');
    await phaseHasFocus(anna, 'Awareness');
    await anna.keyboard.press('Alt+Shift+ArrowLeft');
    await phaseHasFocus(anna, 'Analysis');
    await expect.poll(() => heading(bram).textContent(), { timeout: 15_000 }).toBe('Analysis');
  });

  it('lets a member write and post a question and keeps their focus in the form; the others hear of it', async () => {
    await carla.bringToFront();
    const field = carla.getByRole('textbox', { name: 'Your question' });
    await tabTo(carla, field);
    await carla.keyboard.type(QUESTION);
    const post = carla.getByRole('button', { name: 'Post question' });
    await tabTo(carla, post);
    await carla.keyboard.press('Enter');
    for (const panel of [anna, bram, carla]) {
      await expect
        .poll(() => panel.getByRole('listitem').filter({ hasText: QUESTION }).count(), {
          timeout: 15_000,
        })
        .toBe(1);
    }
    expect(await field.inputValue()).toBe('');
    expect(await hasFocus(post), `focus is on ${await focused(carla)}`).toBe(true);
    // Written by someone else: the chair's and the case bringer's screen readers are told.
    for (const panel of [anna, bram]) {
      await expect
        .poll(() => announced(panel), { timeout: 15_000 })
        .toContain('New question from Carla');
    }
    expect(await announced(carla)).not.toContain('New question from Carla');
  });

  it('leaves the focus of a member who is typing when the chair moves on, and tells them', async () => {
    await bram.bringToFront();
    await tabTo(bram, bram.getByRole('button', { name: 'Settings' }));
    await bram.keyboard.press('Enter');
    const address = bram.getByRole('textbox', { name: 'Connection server address' });
    await tabTo(bram, address);
    await bram.keyboard.press('End');
    await anna.bringToFront();
    await anna.keyboard.press('Alt+Shift+ArrowRight');
    await phaseHasFocus(anna, 'Awareness');
    await expect.poll(() => heading(bram).textContent(), { timeout: 15_000 }).toBe('Awareness');
    await expect.poll(() => announced(bram)).toContain('Now phase 3 of 5: Awareness');
    expect(await hasFocus(address), `focus is on ${await focused(bram)}`).toBe(true);
    await bram.bringToFront();
    await tabTo(bram, bram.getByRole('button', { name: 'Close' }));
    await bram.keyboard.press('Enter');
    await expect
      .poll(async () =>
        (await hasFocus(bram.getByRole('button', { name: 'Settings' })))
          ? 'Settings'
          : focused(bram),
      )
      .toBe('Settings');
  });

  it('opens the end dialog with the focus inside, closes it with Escape back on its button, and ends the meeting', async () => {
    await anna.bringToFront();
    const end = anna.getByRole('button', { name: 'End the meeting' });
    await tabTo(anna, end);
    await anna.keyboard.press('Enter');
    const dialog = anna.getByRole('alertdialog', { name: 'End the meeting' });
    await expect.poll(() => dialog.count()).toBe(1);
    await expect
      .poll(async () =>
        (await hasFocus(dialog.getByRole('button', { name: 'Cancel' }))) ? 'Cancel' : focused(anna),
      )
      .toBe('Cancel');
    // Modal: the page behind is inert, so Tab and Shift+Tab reach only the dialog's buttons (and,
    // past its ends, the browser's own controls, where the page has no focus at all).
    const inDialogOrBrowser = () =>
      dialog.evaluate(
        (d) =>
          d.contains(document.activeElement) ||
          document.activeElement === null ||
          document.activeElement === document.body,
      );
    for (const key of ['Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Tab', 'Tab', 'Tab', 'Tab']) {
      await anna.keyboard.press(key);
      expect(await inDialogOrBrowser(), `after ${key} focus is on ${await focused(anna)}`).toBe(
        true,
      );
    }
    await tabTo(anna, dialog.getByRole('button', { name: 'Cancel' }));

    await anna.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await hasFocus(end), `focus is on ${await focused(anna)}`).toBe(true);
    await expect.poll(() => heading(bram).textContent()).toBe('Awareness');

    await anna.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(1);
    await tabTo(anna, dialog.getByRole('button', { name: 'Yes, end it' }), true);
    await anna.keyboard.press('Enter');
    const ended = (panel: Page) => panel.getByRole('heading', { name: 'The meeting has ended.' });
    await expect.poll(() => ended(anna).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => ended(bram).count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(async () => ((await hasFocus(ended(anna))) ? 'the ended heading' : focused(anna)))
      .toBe('the ended heading');
  });

  it('puts the focus on the heading of the group, home, my notes and the settings as they open, and back on the button as they close', async () => {
    await anna.bringToFront();
    const focusIs = (target: Locator, what: string) =>
      expect.poll(async () => ((await hasFocus(target)) ? what : focused(anna))).toBe(what);

    // The ended view's own way back ("Done") and the group's "Back to your groups" do the same.
    await tabTo(anna, anna.getByRole('button', { name: 'Back to your groups' }), true);
    await anna.keyboard.press('Enter');
    await focusIs(anna.getByRole('heading', { level: 1 }), 'the home heading');

    await tabTo(anna, anna.getByRole('button', { name: 'Open Team Zuid' }));
    await anna.keyboard.press('Enter');
    await focusIs(anna.getByRole('heading', { level: 1, name: 'Team Zuid' }), 'the group heading');

    const notesButton = anna.getByRole('button', { name: 'My notes' });
    await tabTo(anna, notesButton, true);
    await anna.keyboard.press('Enter');
    await focusIs(anna.getByRole('heading', { name: 'My notes' }), 'the notes heading');
    await tabTo(anna, anna.getByRole('button', { name: 'Close notes' }));
    await anna.keyboard.press('Enter');
    await focusIs(notesButton, 'the My notes button');

    const settingsButton = anna.getByRole('button', { name: 'Settings' });
    await tabTo(anna, settingsButton);
    await anna.keyboard.press('Enter');
    await focusIs(anna.getByRole('heading', { name: 'Settings' }), 'the settings heading');
    await tabTo(anna, anna.getByRole('button', { name: 'Close', exact: true }));
    await anna.keyboard.press('Enter');
    await focusIs(settingsButton, 'the Settings button');
  });
});
