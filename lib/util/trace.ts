/**
 * A user-timing mark, `kring:<name>`, at a milestone of a join (the knock, the answer, the
 * meeting's first state). bench/late-join-profile.ts prints a panel's marks on its timeline; in
 * Node, `KRING_TRACE=1` also writes each mark to stderr on the wall clock (`[trace <ms since
 * 1970>] <pid> <name>`), so that the profile can put the Node members' marks on the same
 * timeline. Nothing in the product reads them; a join leaves a handful.
 */
export function traceMark(name: string): void {
  globalThis.performance?.mark?.(`kring:${name}`);
  const node = (
    globalThis as { process?: { env?: Record<string, string | undefined>; pid?: number } }
  ).process;
  if (node?.env?.KRING_TRACE) {
    const at = (performance.timeOrigin + performance.now()).toFixed(1);
    console.error(`[trace ${at}] ${node.pid} ${name}`);
  }
}
