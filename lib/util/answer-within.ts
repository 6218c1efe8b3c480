/**
 * The promise's answer, or `fallback` once `ms` have passed without one, or when it rejects: for
 * a wait that must not hold a screen up forever (storage that never answers). The promise itself
 * goes on; only this wait ends.
 */
export function answerWithin<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
