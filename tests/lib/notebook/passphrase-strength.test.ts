import { describe, expect, it } from 'vitest';
import {
  hintOf,
  loadStrengthEstimator,
  MIN_PASSPHRASE_SCORE,
} from '../../../lib/notebook/passphrase-strength';

describe('passphrase strength', () => {
  it('refuses guessable passphrases and says why in its own words', async () => {
    const estimate = await loadStrengthEstimator();
    expect(estimate('a')).toMatchObject({ strongEnough: false, hint: 'short' });
    expect(estimate('password1')).toMatchObject({ strongEnough: false, hint: 'common' });
    expect(estimate('qwertyuiop')).toMatchObject({ strongEnough: false, hint: 'common' });
    expect(estimate('abcabcabc')).toMatchObject({ strongEnough: false, hint: 'pattern' });
    // The app's own words count as guessable.
    expect(estimate('kring1')).toMatchObject({ strongEnough: false, hint: 'common' });
    expect(estimate('kring2024').strongEnough).toBe(false);
  });

  it('accepts a few unrelated words', async () => {
    const estimate = await loadStrengthEstimator();
    for (const passphrase of ['fiets lamp wolk thee', 'correct horse battery staple']) {
      const strength = estimate(passphrase);
      expect(strength.score).toBeGreaterThanOrEqual(MIN_PASSPHRASE_SCORE);
      expect(strength).toMatchObject({ strongEnough: true, hint: null });
    }
  });

  it('loads the estimator once', async () => {
    expect(loadStrengthEstimator()).toBe(loadStrengthEstimator());
    await loadStrengthEstimator();
  });

  it('maps zxcvbn warnings to hints, and none at the minimum score', () => {
    expect(hintOf(MIN_PASSPHRASE_SCORE, 'common')).toBeNull();
    expect(hintOf(1, 'straightRow')).toBe('pattern');
    expect(hintOf(2, 'recentYears')).toBe('pattern');
    expect(hintOf(0, 'namesByThemselves')).toBe('common');
    expect(hintOf(2, null)).toBe('short');
    expect(hintOf(2, 'something new')).toBe('short');
  });
});
