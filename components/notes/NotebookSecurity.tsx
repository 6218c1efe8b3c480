import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n/messages';
import type { Notebook } from '../../lib/notebook/notebook';
import { loadStrengthEstimator } from '../../lib/notebook/passphrase-strength';
import type { StrengthEstimator, StrengthHint } from '../../lib/notebook/passphrase-strength';
import { useI18n } from '../common/I18n';
import { SUBMIT_ONCE } from '../common/repeat-click';
import { LiveRegion } from '../common/LiveRegion';

/** A status, or an alert; `done` when the notebook's protection changed. */
type Notice = { readonly status: string; readonly done?: true } | { readonly alert: string };

/** What the forms below report; kept here, so that it outlives the form that reported it. */
type Report = (notice: Notice) => void;

/** Why the notebook refused a passphrase ('not-encrypted': another window removed it). */
const REFUSED = {
  'wrong-passphrase': 'wrongPassphrase',
  'empty-passphrase': 'passphraseEmpty',
  'not-encrypted': 'protectionOff',
} as const satisfies Record<string, MessageKey>;

function isBlank(passphrase: string): boolean {
  return passphrase.trim() === '';
}

/** The strength estimator while it loads (lazily, when a form for a new passphrase opens). */
type Estimator =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'ready'; readonly estimate: StrengthEstimator };

/** Without the estimator (it failed to load), only a long passphrase is accepted. */
const FALLBACK_LENGTH = 20;

const HINTS = {
  common: 'strengthWeakCommon',
  pattern: 'strengthWeakPattern',
  short: 'strengthWeakShort',
} as const satisfies Record<StrengthHint, MessageKey>;

function useStrengthEstimator(): Estimator {
  const [estimator, setEstimator] = useState<Estimator>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    loadStrengthEstimator().then(
      (estimate) => live && setEstimator({ kind: 'ready', estimate }),
      () => live && setEstimator({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, []);
  return estimator;
}

/** What the line under a new passphrase says as the member types; null for an empty field. */
function strengthLine(estimator: Estimator, passphrase: string): MessageKey | null {
  if (passphrase === '') return null;
  if (estimator.kind === 'loading') return 'strengthChecking';
  if (estimator.kind === 'failed') {
    return passphrase.length >= FALLBACK_LENGTH ? 'strengthOk' : 'strengthUnavailable';
  }
  const strength = estimator.estimate(passphrase);
  return strength.hint === null ? 'strengthOk' : HINTS[strength.hint];
}

/**
 * Passphrase protection of the notebook, with its cost stated before anything else: a forgotten
 * passphrase cannot be recovered by anyone. Off: turn it on. Unlocked: change the passphrase,
 * remove the protection, or lock now. (Locked, the overview shows the unlock form instead.)
 */
export function NotebookSecurity({
  notebook,
  state,
  onChanged,
  onLocked,
}: {
  notebook: Notebook;
  state: 'off' | 'unlocked';
  /** After protection was turned on or off or the passphrase changed. */
  onChanged: () => void;
  /** After "Lock now": this section is about to give way to the unlock form. */
  onLocked: () => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [open, setOpen] = useState<'change' | 'remove' | null>(null);
  const report: Report = (next) => {
    setNotice(next);
    if ('done' in next) {
      // The form that had the focus is gone: the section's heading takes it.
      setOpen(null);
      onChanged();
      heading.current?.focus();
    }
  };
  const toggle = (form: 'change' | 'remove') => {
    setNotice(null);
    setOpen((current) => (current === form ? null : form));
  };
  return (
    <section aria-labelledby={headingId} className="notebook-security">
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('protectHeading')}
      </h3>
      {/* The cipher and its key derivation are named in docs/threat-model.md, not here. */}
      <p>{t('protectExplain')}</p>
      <p className="warning">{t('protectWarning')}</p>
      {state === 'off' ? (
        <>
          <p>{t('protectionOff')}</p>
          <p className="hint">{t('protectEarly')}</p>
          <ProtectForm notebook={notebook} report={report} />
        </>
      ) : (
        <>
          <p>{t('protectionOn')}</p>
          {/* Each form follows its button, so that Tab goes from one into the other. */}
          <div>
            <button
              type="button"
              aria-expanded={open === 'change'}
              onClick={() => toggle('change')}
            >
              {t('changePassphrase')}
            </button>
            {open === 'change' && <ChangeForm notebook={notebook} report={report} />}
          </div>
          <div>
            <button
              type="button"
              aria-expanded={open === 'remove'}
              onClick={() => toggle('remove')}
            >
              {t('removeProtection')}
            </button>
            {open === 'remove' && <RemoveForm notebook={notebook} report={report} />}
          </div>
          <button
            type="button"
            onClick={() => {
              notebook.lock();
              onLocked();
            }}
          >
            {t('lockNow')}
          </button>
        </>
      )}
      <p role="status">{notice && 'status' in notice ? notice.status : ''}</p>
      {notice && 'alert' in notice && <LiveRegion live="alert">{notice.alert}</LiveRegion>}
    </section>
  );
}

/** A password field with its label; `autoComplete` tells password managers which one it is. */
function PassphraseField({
  label,
  value,
  onChange,
  autoComplete,
  describedBy,
}: {
  label: MessageKey;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  /** The id of the text that says how strong the passphrase is. */
  describedBy?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t(label)}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        aria-describedby={describedBy}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}

/**
 * A form whose submit derives a key (about half a second): `refuse` first checks the fields
 * (a refusal changes nothing), then `run` does the work, busy meanwhile, and says so.
 */
/** A new passphrase and its repetition, for protecting the notes and for changing the passphrase. */
function NewPassphraseFields({
  passphrase,
  repeat,
  onPassphrase,
  onRepeat,
  estimator,
}: {
  passphrase: string;
  repeat: string;
  onPassphrase: (value: string) => void;
  onRepeat: (value: string) => void;
  estimator: Estimator;
}) {
  const { t } = useI18n();
  const strengthId = useId();
  const line = strengthLine(estimator, passphrase);
  return (
    <>
      <PassphraseField
        label="newPassphrase"
        value={passphrase}
        onChange={onPassphrase}
        autoComplete="new-password"
        describedBy={strengthId}
      />
      {/* A warning's look only for a warning: an empty field has nothing to warn of. */}
      <p id={strengthId} className={line !== null && line !== 'strengthOk' ? 'warning' : undefined}>
        {line ? t(line) : ''}
      </p>
      <PassphraseField
        label="repeatPassphrase"
        value={repeat}
        onChange={onRepeat}
        autoComplete="new-password"
      />
    </>
  );
}

function SlowForm({
  label,
  refuse,
  run,
  report,
  children,
  submitLabel,
}: {
  label: MessageKey;
  refuse: () => MessageKey | null;
  run: () => Promise<Notice>;
  report: Report;
  children: ReactNode;
  submitLabel: MessageKey;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const refusal = refuse();
    if (refusal) {
      report({ alert: t(refusal) });
      return;
    }
    setBusy(true);
    report({ status: t('securityWorking') });
    run()
      .catch((error: unknown) => ({
        alert: t('somethingWrong', {
          error: error instanceof Error ? error.message : String(error),
        }),
      }))
      .then((notice) => {
        setBusy(false);
        report(notice);
      });
  };
  return (
    <form onSubmit={onSubmit} aria-label={t(label)} noValidate>
      {children}
      <button type="submit" {...SUBMIT_ONCE} disabled={busy}>
        {t(submitLabel)}
      </button>
    </form>
  );
}

/**
 * Why a new passphrase and its repetition are refused, or null. Only new passphrases are
 * measured: one set before the minimum existed still unlocks, changes and removes.
 */
function refuseNew(passphrase: string, repeat: string, estimator: Estimator): MessageKey | null {
  if (isBlank(passphrase)) return 'passphraseEmpty';
  const line = strengthLine(estimator, passphrase);
  if (line === 'strengthChecking') return line;
  if (line !== 'strengthOk') return 'passphraseWeak';
  return passphrase === repeat ? null : 'passphraseMismatch';
}

function ProtectForm({ notebook, report }: { notebook: Notebook; report: Report }) {
  const { t } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const estimator = useStrengthEstimator();
  const run = async (): Promise<Notice> => {
    const result = await notebook.enableEncryption(passphrase);
    if (!result.ok) {
      const reason = result.reason === 'empty-passphrase' ? 'passphraseEmpty' : 'alreadyProtected';
      return { alert: t(reason) };
    }
    setPassphrase('');
    setRepeat('');
    return { status: t('protectDone'), done: true };
  };
  return (
    <SlowForm
      label="protectHeading"
      refuse={() => refuseNew(passphrase, repeat, estimator)}
      run={run}
      report={report}
      submitLabel="protectNotes"
    >
      <NewPassphraseFields
        passphrase={passphrase}
        repeat={repeat}
        onPassphrase={setPassphrase}
        onRepeat={setRepeat}
        estimator={estimator}
      />
    </SlowForm>
  );
}

function ChangeForm({ notebook, report }: { notebook: Notebook; report: Report }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const estimator = useStrengthEstimator();
  const run = async (): Promise<Notice> => {
    const result = await notebook.changePassphrase(current, passphrase);
    if (result.ok) return { status: t('passphraseChanged'), done: true };
    return { alert: t(REFUSED[result.reason]) };
  };
  return (
    <SlowForm
      label="changePassphrase"
      refuse={() => refuseNew(passphrase, repeat, estimator)}
      run={run}
      report={report}
      submitLabel="saveNewPassphrase"
    >
      <PassphraseField
        label="currentPassphrase"
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      <NewPassphraseFields
        passphrase={passphrase}
        repeat={repeat}
        onPassphrase={setPassphrase}
        onRepeat={setRepeat}
        estimator={estimator}
      />
    </SlowForm>
  );
}

function RemoveForm({ notebook, report }: { notebook: Notebook; report: Report }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const run = async (): Promise<Notice> => {
    const result = await notebook.disableEncryption(current);
    return result.ok
      ? { status: t('protectionRemoved'), done: true }
      : { alert: t(REFUSED[result.reason]) };
  };
  return (
    <SlowForm
      label="removeProtection"
      refuse={() => null}
      run={run}
      report={report}
      submitLabel="removeProtectionYes"
    >
      <p>{t('removeProtectionExplain')}</p>
      <PassphraseField
        label="currentPassphrase"
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
    </SlowForm>
  );
}
