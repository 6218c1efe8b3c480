import type { ChildProcess } from 'node:child_process';

/** Whether a child process has ended: by an exit code, or by a signal (then it has no code). */
export function hasEnded(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * How a child process ended ("code 1", "signal SIGSEGV"), or "still running": said by a command
 * to a Node member that is gone (a native crash in node-webrtc ends it by a signal, printing
 * nothing, and its IPC channel then only says "Channel closed").
 */
export function howEnded(child: ChildProcess): string {
  if (child.signalCode !== null) return `signal ${child.signalCode}`;
  if (child.exitCode !== null) return `code ${String(child.exitCode)}`;
  return 'still running';
}
