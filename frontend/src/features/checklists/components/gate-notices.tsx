// The phase gate in plain words, in the "Ryk sagen videre" form: before the
// move (open core principles in the checklist, and whether the move will be
// refused), after a move in warn mode (what was not answered), and when a
// move is refused (what is missing, with a way to the checklist).
import { Alert } from '@/components/alert';
import type { Schemas } from '@/lib/api/client';
import type { Phase } from '@/features/cases/components/list/filters';
import { useI18n } from '@/lib/i18n';
import type { Principle } from '../api/list-checklists';
import type { GateMode } from '../api/get-settings';
import type { MissingItem } from '../gate';
import { principleTitle } from '../titles';
import { CHECKLIST_HEADING_ID } from './ids';

/** Moves focus to the checklist's heading (and scrolls it into view). */
function ToChecklist() {
  const { t } = useI18n();
  return (
    <a
      href={`#${CHECKLIST_HEADING_ID}`}
      onClick={(e) => {
        const el = document.getElementById(CHECKLIST_HEADING_ID);
        if (el) {
          e.preventDefault();
          el.focus();
          el.scrollIntoView({ block: 'start' });
        }
      }}
    >
      {t('checklists.gate.toChecklist')}
    </a>
  );
}

function Titles({ titles }: { titles: string[] }) {
  return (
    <ul>
      {titles.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
}

/** Before moving: the open core principles of the phase's checklist. Nothing when there are none. */
export function GateBefore({ phase, open, mode }: { phase: Phase; open: Principle[]; mode: GateMode | undefined }) {
  const { t, lang } = useI18n();
  if (!open.length) return null;
  return (
    <div className={`alert ${mode === 'require' ? 'alert-warning' : 'alert-info'}`} data-testid="gate-before">
      <div className="alert-body">
        <div className="alert-text">
          <p className="mt-0">{t('checklists.gate.openBefore', { phase: t(`cases.labels.phase.${phase}`) })}</p>
          <Titles titles={open.map((p) => principleTitle(p, lang))} />
          <p>
            {mode === 'require' ? t('checklists.gate.requireBefore') : mode === 'warn' ? t('checklists.gate.warnBefore') : null} <ToChecklist />
          </p>
        </div>
      </div>
    </div>
  );
}

/** After a move in warn mode: the core principles that were open. Nothing when there were none. */
export function GateAfter({ open }: { open: Schemas['GatePrinciple'][] }) {
  const { t, lang } = useI18n();
  if (!open.length) return null;
  return (
    <Alert variant="warning">
      <p className="mt-0">{t('checklists.gate.warnAfter')}</p>
      <Titles titles={open.map((p) => principleTitle(p, lang))} />
    </Alert>
  );
}

/**
 * A refused move (409 checklist-incomplete): the missing core principles.
 * The server names them in Danish; the English screen looks them up in the
 * checklist when it can.
 */
export function GateRefused({ phase, missing, principles }: { phase: Phase; missing: MissingItem[]; principles: Principle[] }) {
  const { t, lang } = useI18n();
  const titles = missing.map((m) => {
    const p = principles.find((x) => x.code === m.code);
    return p ? principleTitle(p, lang) : m.title;
  });
  return (
    <Alert variant="error">
      <p className="mt-0">
        <strong>{t('checklists.gate.refusedHeading')}</strong>
      </p>
      <p>{t('checklists.gate.refused', { phase: t(`cases.labels.phase.${phase}`) })}</p>
      <Titles titles={titles} />
      <p>
        <ToChecklist />
      </p>
    </Alert>
  );
}
