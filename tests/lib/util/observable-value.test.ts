import { describe, expect, it } from 'vitest';
import { observableValue } from '../../../lib/util/observable-value';

describe('an observable value', () => {
  it('tells every listener after a change, and no longer one that unsubscribed', () => {
    const value = observableValue(1);
    const heard: string[] = [];
    const offA = value.subscribe(() => heard.push(`a${value.get()}`));
    value.subscribe(() => heard.push(`b${value.get()}`));
    value.set(2);
    offA();
    value.set(3);
    expect(heard).toEqual(['a2', 'b2', 'b3']);
  });

  it('keeps the old snapshot and tells nobody when the new one counts as the same', () => {
    const first = [1, 2];
    const value = observableValue(first, (a, b) => a.join() === b.join());
    let heard = 0;
    value.subscribe(() => heard++);
    value.set([1, 2]);
    expect(value.get()).toBe(first);
    expect(heard).toBe(0);
    value.set([1, 2, 3]);
    expect(heard).toBe(1);
  });
});
