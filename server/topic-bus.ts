/**
 * How a publish reaches subscribers on other companion instances. The signaling server delivers
 * every publish to its own subscribers itself (at once, also when the link is down) and hands it
 * to the bus; the bus carries it to the other instances, whose servers deliver it to theirs
 * (`deliver`). An instance never gets its own publishes back from the bus, so nobody receives a
 * publish twice. Without Redis the bus is `singleInstanceBus`: nothing leaves the process.
 */

/** The link between the instances that serve the same rooms. */
export interface TopicBus {
  /** The first local subscriber of `topic` arrived: from now on receive its publishes. */
  join(topic: string): void;
  /** The last local subscriber of `topic` left: stop receiving its publishes. */
  leave(topic: string): void;
  /** A client of this instance published (and local subscribers have it): tell the others. */
  publish(topic: string, data: unknown): void;
  /** Whether the other instances are reachable now; null when there are none (one process). */
  connected(): boolean | null;
  /** Closes the link; pending deliveries are dropped. */
  close(): Promise<void>;
}

/** What the bus calls back into the signaling server. */
export interface BusHandlers {
  /** A publish from another instance, already validated: deliver it to local subscribers. */
  deliver(topic: string, data: unknown): void;
  /**
   * The link is up (first connection or back after an outage). Publishes sent while it was
   * down were lost (the bus has no backlog), so members who subscribed meanwhile may not know
   * the members on other instances yet.
   */
  recovered(): void;
}

/** The bus of a companion that runs as one process: nothing to reach. */
export const singleInstanceBus: TopicBus = {
  join: () => {},
  leave: () => {},
  publish: () => {},
  connected: () => null,
  close: () => Promise.resolve(),
};
