import { cleanName, shownName } from '../util/clean-name';
import { boundedString, isRecord, safeId } from '../util/guards';
import { LIMITS } from '../util/limits';
import type { MeetingState } from './meeting-state';
import type { Role } from '../method/roles';
import { toBase64 } from '../util/base64';
import { fingerprintOf, signedByCard, verifyCard } from './signed';
import type { MemberCard, SessionSigner } from './signed';
import { byCodeUnits, byName } from '../util/order';

/**
 * What each panel says about itself through awareness. Awareness is display-only: any peer can
 * claim any name, so nothing here grants rights; the chair is whoever the document names.
 */
export interface PresenceState {
  readonly memberId: string;
  readonly name: string;
  /** The member's clock when they last refreshed their presence (for the shared timer). */
  readonly clock?: number;
  /**
   * The group's name, from a panel that knows it: an invite carries no name, so a member who
   * joined with one learns it here (group-name.ts). Display only, like all of awareness.
   */
  readonly groupName?: string;
  /**
   * The member's card (signed.ts) and the session key's signature over this awareness client and
   * member id: with both, the name shown is the card's, bound to the member's device key.
   */
  readonly card?: unknown;
  readonly proof?: string;
}

/** A member as every panel lists them. */
export interface Member {
  readonly memberId: string;
  readonly name: string;
  readonly role: Role;
  readonly isSelf: boolean;
  /**
   * The short fingerprint of the member's device key (signed sessions): shown when two members
   * have the same name, so that nobody can pass for someone else.
   */
  readonly fingerprint?: string;
  /** The chair guides as an external procesbegeleider, not a member (issue 14, point 8). */
  readonly external?: true;
}

/** The awareness field that carries our presence (other fields are ignored). */
export const PRESENCE_FIELD = 'kring';

/** Decodes one peer's awareness state; null when it carries no valid presence. */
export function decodePresence(state: unknown): PresenceState | null {
  if (!isRecord(state)) return null;
  const value = state[PRESENCE_FIELD];
  if (!isRecord(value)) return null;
  const memberId = safeId(value.memberId);
  const name = boundedString(value.name, LIMITS.memberName);
  if (memberId === null || name === null) return null;
  const clock = value.clock;
  // Shown as the group's heading: no control characters that could break or hide text.
  const groupName = cleanName(
    boundedString(value.groupName, LIMITS.groupName) ?? '',
    LIMITS.groupName,
  );
  return {
    memberId,
    name,
    ...(typeof clock === 'number' && Number.isFinite(clock) ? { clock } : {}),
    ...(groupName !== '' ? { groupName } : {}),
    // Checked only where it counts (provenCard): a peer's card is a claim until it verifies.
    ...(isRecord(value.card) ? { card: value.card } : {}),
    ...(typeof value.proof === 'string' && value.proof.length <= 200 ? { proof: value.proof } : {}),
  };
}

const encoder = new TextEncoder();

/** The bytes a presence's proof signs: its awareness client id and its member id. */
export function proofBytes(clientId: number, memberId: string): Uint8Array {
  return encoder.encode(`kring-presence\n${clientId}\n${memberId}`);
}

/** The proof a panel puts in its presence: its session key over its awareness client id. */
export function presenceProof(signer: SessionSigner, clientId: number): string {
  return toBase64(signer.sign(proofBytes(clientId, signer.card.memberId)));
}

/** Verified proofs, by the presence's proof text and client id. */
const proofs = new Map<string, MemberCard | null>();

/**
 * Proofs the browser is verifying for one reader (vouch-ahead.ts `provePresencesAhead`), by
 * `proofKey`, since when (ms, wall clock): until it answers, or for PENDING_PROOF_MS at most,
 * that reader neither counts such a presence nor verifies it in JavaScript.
 */
export class ProofsInFlight {
  private readonly since = new Map<string, number>();

  /** Whether this presence's proof is being verified natively. */
  has(presence: PresenceState, clientId: number): boolean {
    if (presence.proof === undefined) return false;
    const since = this.since.get(proofKey(clientId, presence.proof));
    return since !== undefined && Date.now() - since < PENDING_PROOF_MS;
  }

  /** Whether this proof is being verified natively, by its parts. */
  hasProof(clientId: number, proof: string): boolean {
    return this.since.has(proofKey(clientId, proof));
  }

  start(clientId: number, proof: string): void {
    if (this.since.size < 1_000) this.since.set(proofKey(clientId, proof), Date.now());
  }

  end(clientId: number, proof: string): void {
    this.since.delete(proofKey(clientId, proof));
  }
}

export const PENDING_PROOF_MS = 250;

function proofKey(clientId: number, proof: string): string {
  return `${clientId}|${proof}`;
}

/** Whether this presence's proof has a verdict already (`provenCard` answers from memory). */
export function proofKnown(presence: PresenceState, clientId: number): boolean {
  return presence.proof !== undefined && proofs.has(proofKey(clientId, presence.proof));
}

/** A proof the browser verified, for the card `card` verified with it: kept as `provenCard` keeps it. */
export function rememberProof(clientId: number, proof: string, card: MemberCard): void {
  keepProof(proofKey(clientId, proof), card);
}

function keepProof(key: string, card: MemberCard | null): void {
  if (proofs.size > 5_000) proofs.clear();
  proofs.set(key, card);
}

/**
 * The card a presence proves for this awareness client: its card verifies (signed.ts), names
 * the presence's member id, and its session key signed this client id. Null otherwise: such a
 * presence names nobody (someone unknown), whatever name it shows.
 */
export function provenCard(presence: PresenceState, clientId: number): MemberCard | null {
  if (!isRecord(presence.card) || !presence.proof) return null;
  const cert = presence.card.cert;
  const key = proofKey(clientId, presence.proof);
  const known = proofs.get(key);
  if (known !== undefined) return known && known.cert === cert ? known : null;
  const card = verifyCard(presence.card);
  let proven: MemberCard | null = null;
  if (
    card &&
    card.memberId === presence.memberId &&
    signedByCard(card, presence.proof, proofBytes(clientId, card.memberId))
  ) {
    proven = card;
  }
  keepProof(key, proven);
  return proven;
}

/**
 * Lists who is in the meeting from all awareness states: one entry per member id (a member with
 * two panels open counts once), the chair first, then the case bringer, then by name.
 */
export function listMembers(
  states: ReadonlyMap<number, unknown>,
  meeting: MeetingState,
  selfId: string,
  {
    proven = false,
    inFlight = null,
    self = null,
  }: {
    readonly proven?: boolean;
    readonly inFlight?: ProofsInFlight | null;
    /**
     * This panel's awareness client and card. A state under its own client id that names this
     * member counts under that card, unverified: it is the state this panel set (a peer that
     * wrote over it could only show this member as this member). Verifying it was, in
     * JavaScript, the page's first Ed25519 check and an ECDSA one, on a reloaded panel's way to
     * its board (docs/benchmarks.md, twenty-first round).
     */
    readonly self?: { readonly clientId: number; readonly card: MemberCard } | null;
  } = {},
): Member[] {
  const byId = new Map<string, Member>();
  for (const [clientId, state] of states) {
    const presence = decodePresence(state);
    if (presence === null || byId.has(presence.memberId)) continue;
    // Being proven by the browser for this reader: counted once it answers.
    if (proven && inFlight?.has(presence, clientId)) continue;
    // With proof required, a presence counts only with its device-bound card, under its name.
    const own =
      self !== null && clientId === self.clientId && presence.memberId === self.card.memberId;
    const card = !proven ? null : own ? self.card : provenCard(presence, clientId);
    if (proven && card === null) continue;
    byId.set(presence.memberId, {
      memberId: presence.memberId,
      name: shownName(card ? card.name : presence.name),
      ...(card ? { fingerprint: fingerprintOf(card) } : {}),
      role:
        presence.memberId === meeting.chairId
          ? 'chair'
          : presence.memberId === meeting.caseBringerId
            ? 'bringer'
            : 'member',
      ...(presence.memberId === meeting.chairId && meeting.chairIsExternal
        ? { external: true as const }
        : {}),
      isSelf: presence.memberId === selfId,
    });
  }
  const rank: Record<Role, number> = { chair: 0, bringer: 1, member: 2 };
  return [...byId.values()].sort((a, b) => {
    if (a.role !== b.role) return rank[a.role] - rank[b.role];
    return byName(a.name, b.name) || byCodeUnits(a.memberId, b.memberId);
  });
}

/**
 * The one member whose panel tidies the meeting when no one in particular owns the job (the
 * clean-up after the end): the smallest member id among those present, so that every panel
 * with the same presence picks the same member, and another takes over when that one leaves.
 * Panels that briefly disagree both tidy, which is harmless: the clean-up is idempotent.
 */
export function keeperOf(members: readonly Member[]): string | null {
  let keeper: string | null = null;
  for (const { memberId } of members) if (keeper === null || memberId < keeper) keeper = memberId;
  return keeper;
}
