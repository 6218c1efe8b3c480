import type { Clock } from './clock';

/**
 * What a member sees while the lobby names a meeting whose document has not arrived yet. A large
 * meeting arrives in frames (message-chunks.ts) and shows how far it is; a meeting that does not
 * arrive at all used to leave the member on "Loading the meeting…" for good, with no advice.
 */
export interface MeetingLoading {
  /** How much of the meeting has arrived, when it arrives in parts; null before any part. */
  readonly percent: number | null;
  /** Nothing new arrived for LOAD_STALL_MS: the member is told what to do. */
  readonly stalled: boolean;
}

/**
 * How long a wait may go without anything new arriving before the member is told it stalled.
 * A joiner's WebRTC connections take a few seconds, and a hung attempt is retried after 8 s
 * (mesh-watchdog.ts); a 1 MB meeting arrived in about a second on loopback.
 */
export const LOAD_STALL_MS = 20_000;

/**
 * Follows one member's wait for a meeting document. `update` is called on every refresh; when the
 * wait could turn stalled before the next refresh, it asks for one (`onDue`) at that moment.
 */
export class LoadWatch {
  private waitingFor: string | null = null;
  private lastNewsAt = 0;
  private lastPercent: number | null = null;
  private cancelCheck: (() => void) | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly onDue: () => void,
  ) {}

  /**
   * The loading state while waiting for the meeting `meetingId` (null: not waiting), with the
   * share of its largest message that has arrived so far (null: none is arriving in parts).
   */
  update(meetingId: string | null, progress: number | null): MeetingLoading | null {
    const now = this.clock.now();
    if (meetingId === null) {
      this.stop();
      this.waitingFor = null;
      return null;
    }
    const percent = progress === null ? null : Math.floor(progress * 100);
    if (meetingId !== this.waitingFor) {
      this.waitingFor = meetingId;
      this.lastNewsAt = now;
      this.lastPercent = percent;
    } else if (percent !== null && percent !== this.lastPercent) {
      // A part that arrives is news; a message dropped half-way (percent back to null) is not.
      this.lastNewsAt = now;
      this.lastPercent = percent;
    }
    const left = this.lastNewsAt + LOAD_STALL_MS - now;
    this.stop();
    if (left > 0) {
      this.cancelCheck = this.clock.after(left, () => {
        this.cancelCheck = null;
        this.onDue();
      });
    }
    return { percent, stalled: left <= 0 };
  }

  /** Cancels a pending check (when the session ends). */
  stop(): void {
    this.cancelCheck?.();
    this.cancelCheck = null;
  }
}
