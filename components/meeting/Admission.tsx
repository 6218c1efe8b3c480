import { useEffect, useId, useRef, useState } from 'react';
import type { AdmissionView, KnockView } from '../../lib/connection/group-session';
import { useI18n } from '../common/I18n';
import { once } from '../common/repeat-click';
import { LiveRegion } from '../common/LiveRegion';
import type { Member } from '../../lib/shared-doc/presence';
import { memberLabels } from './member-label';

/**
 * Admission (issue 13, point 1). A member who is not in today's meeting yet waits for the chair
 * with their device's code on screen (`AskToJoin`); the chair sees who asks, by name and code,
 * and lets each in or refuses (`JoinRequests`).
 */
export function AskToJoin({
  admission,
  onAskAgain,
}: {
  admission: AdmissionView;
  onAskAgain: () => void;
}) {
  const { t } = useI18n();
  if (admission.state === 'refused') {
    return (
      <section className="admission admission-refused" aria-labelledby="admission-heading">
        <h2 id="admission-heading">{t('refusedHeading')}</h2>
        <LiveRegion live="alert">
          {t('refusedBody', { name: admission.refusedBy ?? '' })}
        </LiveRegion>
        <button type="button" onClick={onAskAgain}>
          {t('askAgain')}
        </button>
      </section>
    );
  }
  // The code stands out and never breaks over two lines: it is read out to the chair. Where the
  // chair (or everyone) has been gone a while, the text says so instead of "the chair sees".
  const body =
    admission.away === 'everyone'
      ? t('askingBodyNobody', { code: CODE_SLOT })
      : admission.away === 'chair' && admission.chairName !== null
        ? t('askingBodyChairAway', { code: CODE_SLOT, name: admission.chairName })
        : admission.away === 'chair'
          ? t('askingBodyChairAwayUnnamed', { code: CODE_SLOT })
          : t('askingBody', { code: CODE_SLOT });
  const [before, after = ''] = body.split(CODE_SLOT);
  return (
    <section className="admission" aria-labelledby="admission-heading">
      <h2 id="admission-heading">{t('askingHeading')}</h2>
      <LiveRegion>
        {before}
        <strong className="admission-code">{admission.fingerprint}</strong>
        {after}
      </LiveRegion>
    </section>
  );
}

/** Stands in for the code in the message, to place the code's own element there. */
const CODE_SLOT = '\u0000';

/** The chair's list of members asking to join, each with "Let in" and "Refuse". */
export function JoinRequests({
  knocks,
  onAdmit,
  onRefuse,
}: {
  knocks: readonly KnockView[];
  onAdmit: (memberId: string) => void;
  onRefuse: (memberId: string) => void;
}) {
  const { t } = useI18n();
  const list = useRef<HTMLUListElement>(null);
  // A row goes once its answer is in the lobby (the session's next snapshot). When the focus was
  // on the row that went, it moves to the next one asking rather than falling to the page.
  const focusedRow = useRef<string | null>(null);
  useEffect(() => {
    const gone = focusedRow.current;
    if (gone === null || knocks.some((k) => k.memberId === gone)) return;
    focusedRow.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    list.current?.querySelector<HTMLButtonElement>('button.primary')?.focus();
  }, [knocks]);
  // Two asking under one name: each button says whose code it is (memberLabels).
  const label = memberLabels(knocks, (name, code) => t('knockNameAndCode', { name, code }));
  return (
    <LiveRegion live="polite" as="div">
      {knocks.length > 0 && (
        <section className="join-requests" aria-labelledby="join-requests-heading">
          <h2 id="join-requests-heading">{t('knocksHeading')}</h2>
          <ul ref={list}>
            {knocks.map((k) => {
              const named = label(k);
              return (
                <li
                  key={k.memberId}
                  onFocus={() => {
                    focusedRow.current = k.memberId;
                  }}
                >
                  <span className="join-name">{k.name}</span>{' '}
                  <span className="member-fingerprint">
                    {t('knockCode', { code: k.fingerprint })}
                  </span>
                  <span className="join-actions">
                    <button
                      type="button"
                      className="primary"
                      onClick={once(() => onAdmit(k.memberId))}
                    >
                      <NamedAction text={t('letInName', { name: NAME_SLOT })} name={named} />
                    </button>
                    <button type="button" onClick={once(() => onRefuse(k.memberId))}>
                      <NamedAction text={t('refuseName', { name: NAME_SLOT })} name={named} />
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="hint">{t('knocksHint')}</p>
        </section>
      )}
    </LiveRegion>
  );
}

/**
 * The chair's "Make a new invite" (issue 13, point 2), with a confirmation: the members in the
 * meeting move along, whoever is not here needs the new invite.
 */
export function NewInviteControl({ onNewInvite }: { onNewInvite: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <details className="new-invite">
      <summary>{t('newInviteHeading')}</summary>
      <p className="hint">{t('newInviteHint')}</p>
      {confirming ? (
        <span className="join-actions">
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              onNewInvite();
            }}
          >
            {t('confirmNewInvite')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('makeNewInvite')}
        </button>
      )}
    </details>
  );
}

/** Stands in for a member's name in a message, to place the name's own element there. */
const NAME_SLOT = '\u0001';

/**
 * A button's words with the member's name heard but not shown: screen readers and voice control
 * get "Let Bram in", the row already shows the name beside "Let in". (An aria-label "Let Bram
 * in" over the visible "Let in" would hide the visible words from the name, WCAG 2.5.3.)
 */
function NamedAction({ text, name }: { text: string; name: string }) {
  const [before, after = ''] = text.split(NAME_SLOT);
  return (
    <>
      {before}
      <span className="visually-hidden">{name}</span>
      {after}
    </>
  );
}

/**
 * The chair names a member who may let people in too (issue 13, point 1: "the chair (or a
 * member the chair delegates)"), or nobody.
 */
export function DoorControl({
  members,
  doorkeeper,
  onChange,
}: {
  /** The others present, who could open the door. */
  members: readonly Pick<Member, 'memberId' | 'name' | 'fingerprint'>[];
  doorkeeper: string | null;
  onChange: (memberId: string | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const label = memberLabels(members, (name, code) =>
    t('nameWithKey', { name, key: t('fingerprint', { code }) }),
  );
  return (
    <p className="door-control">
      <label htmlFor={id}>{t('doorkeeperLabel')}</label>{' '}
      <select
        id={id}
        value={doorkeeper ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('doorkeeperNobody')}</option>
        {members.map((m) => (
          <option key={m.memberId} value={m.memberId}>
            {label(m)}
          </option>
        ))}
      </select>
    </p>
  );
}
