import { describe, expect, it } from 'vitest';
import { notePrompt } from '../../../lib/method/note-prompts';
import { METHODS } from '../../../lib/method/method-list';

describe('the prompts for private notes', () => {
  it('offers a prompt in Dutch and English in every phase of every method, for every role', () => {
    for (const method of METHODS) {
      for (const phase of method.phases) {
        for (const role of ['chair', 'bringer', 'member', null] as const) {
          const prompt = notePrompt(phase.activity, role);
          expect(prompt.nl, `${method.id}/${phase.id}`).toMatch(/\?$/);
          expect(prompt.en, `${method.id}/${phase.id}`).toMatch(/\?$/);
        }
      }
    }
  });

  it('asks what a member notices in themself during the analysis', () => {
    expect(notePrompt('asking', 'member')).toEqual({
      nl: 'Wat merk ik bij mezelf op?',
      en: 'What do I notice in myself?',
    });
  });

  it('gives the case bringer their own prompt while the others advise', () => {
    expect(notePrompt('advising', 'bringer').en).not.toBe(notePrompt('advising', 'member').en);
  });
});
