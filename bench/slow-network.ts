/**
 * `npx wxt build && npx tsx bench/slow-network.ts [one-way ms] [members]`: a meeting of built
 * extension panels on a slow network, timed as a group would feel it. Not part of
 * `npm run bench` (no baseline, no budget): a tool for looking, whose figures go into
 * docs/benchmarks.md's hand-written part.
 *
 * This machine's kernel has no netem (docs/environment.md). So every member connects only
 * through the server ("Only connect through the server": TURN, iceTransportPolicy 'relay'),
 * to a coturn on loopback reached over TCP through a delay proxy, and the companion sits behind
 * another (tests/helpers/delay-proxy.ts). With a one-way delay d (default 25 ms), members are
 * 4d apart (a round trip) and the companion 2d. The first panel starts a group and its meeting;
 * the others join one by one with the invite and are let in; then the chair moves the phase six
 * times. Printed, in ms: each newcomer's click on Join until "Waiting to be let in", the click
 * on "Let <name> in" until the newcomer's board, and each phase change until every other panel
 * shows it (polled from here every few ms, so a few ms late, alike for all).
 */
import type { Page } from 'playwright-core';
import { slowNetwork } from '../tests/helpers/delay-proxy';
import { EXTENSION_DIR } from '../tests/e2e/helpers/member-browser';
import {
  connectOnlyThroughServer,
  currentPhase,
  joinGroup,
  letIn,
  openMemberPanels,
  startGroup,
  waitingToBeLetIn,
} from '../tests/e2e/helpers/panel';

const NAMES = ['Anna', 'Bram', 'Carla', 'Dirk', 'Eva', 'Fleur', 'Gijs', 'Hanna'];

async function main(oneWayMs: number, members: number): Promise<void> {
  const network = await slowNetwork(oneWayMs, EXTENSION_DIR);
  console.log(
    `${members} members, each only through TURN over TCP; round trip ${4 * oneWayMs} ms between members, ${2 * oneWayMs} ms to the companion`,
  );
  const { browsers, panels } = await openMemberPanels(members, {
    callUrl: 'https://meet.google.com/slo-wnet-wrk',
    signalingUrl: network.signalingUrl,
    viewport: { width: 360, height: 720 },
  });
  try {
    for (const panel of panels) await connectOnlyThroughServer(panel);
    const [chair, ...others] = panels as [Page, ...Page[]];
    const code = await startGroup(chair, 'Wijkteam Oost', NAMES[0]!);
    await chair.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await currentPhase(chair).filter({ hasText: 'Inventory' }).waitFor({ timeout: 60_000 });
    for (const [i, panel] of others.entries()) {
      const name = NAMES[i + 1]!;
      const clicked = Date.now();
      await joinGroup(panel, code, name);
      await waitingToBeLetIn(panel).waitFor({ timeout: 60_000 });
      const waiting = Date.now() - clicked;
      const letInAt = Date.now();
      await letIn(chair, name);
      await currentPhase(panel).filter({ hasText: 'Inventory' }).waitFor({ timeout: 60_000 });
      console.log(
        `${name}: Join until "Waiting to be let in" ${waiting} ms; "Let ${name} in" until the board ${Date.now() - letInAt} ms`,
      );
    }
    for (let k = 0; k < 6; k++) {
      const target = k % 2 === 0 ? 'Analysis' : 'Inventory';
      const clicked = Date.now();
      await chair
        .getByRole('button', { name: k % 2 === 0 ? 'Next phase' : 'Previous phase' })
        .click();
      const each = await Promise.all(
        others.map(async (panel) => {
          await currentPhase(panel).filter({ hasText: target }).waitFor({ timeout: 60_000 });
          return Date.now() - clicked;
        }),
      );
      const note = k === 0 ? ' (the first after the last admission)' : '';
      console.log(
        `phase change ${k + 1}${note}: in every other panel after ${Math.max(...each)} ms (each: ${each.join(', ')})`,
      );
    }
  } finally {
    await Promise.all(browsers.map((browser) => browser.close()));
    await network.close();
  }
}

const oneWay = Number(process.argv[2] ?? 25);
const members = Number(process.argv[3] ?? 4);
if (!Number.isFinite(oneWay) || oneWay < 0 || !Number.isInteger(members) || members < 2) {
  console.error('usage: npx tsx bench/slow-network.ts [one-way ms >= 0] [members >= 2]');
  process.exit(2);
}
if (members > NAMES.length) {
  console.error(`at most ${NAMES.length} members`);
  process.exit(2);
}
main(oneWay, members).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
