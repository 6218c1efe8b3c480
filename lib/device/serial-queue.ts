/**
 * Runs async tasks one after the other, each after the previous one settled; a task that fails
 * rejects its own promise and does not stop the ones queued after it.
 */
export function serialQueue(): <R>(task: () => Promise<R>) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };
}
