import { describe, expect, it } from 'vitest';
import { notePrompt } from '../../../lib/method/note-prompts';
import { METHODS } from '../../../lib/method/method-list';
import { itemWords } from '../../../lib/method/method';

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

  it('does not speak of advice where the items are associations, compliments or suggestions, or where no advice was given', () => {
    for (const method of METHODS) {
      const advised = (index: number) =>
        method.phases.slice(0, index).some((p) => p.activity === 'advising');
      method.phases.forEach((phase, index) => {
        const notAdvice =
          itemWords(phase) !== 'advice' || (phase.activity === 'reacting' && !advised(index));
        if (!notAdvice) return;
        for (const role of ['bringer', 'member'] as const) {
          const prompt = notePrompt(phase.activity, role, {
            methodId: method.id,
            phaseId: phase.id,
          });
          expect(prompt.en, `${method.id}/${phase.id}`).not.toMatch(/advice/i);
          expect(prompt.nl, `${method.id}/${phase.id}`).not.toMatch(/advie/i);
        }
      });
    }
  });
});
