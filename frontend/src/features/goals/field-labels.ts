// What a goal field is called, for a line in the error summary.
import type { MessageKey } from '@/lib/i18n';
import type { T } from './smart';

const LABELS: Record<string, MessageKey> = {
  title: 'goals.form.title',
  dream_id: 'goals.form.dream',
  specific: 'goals.form.specific',
  measurable_indicator: 'goals.form.indicator',
  measurable_target: 'goals.form.target',
  achievable_steps: 'goals.form.steps_',
  achievable_resources: 'goals.form.resources',
  relevant: 'goals.form.relevant',
  target_date: 'goals.form.targetDate',
  horizon: 'goals.form.horizon',
  participants: 'goals.form.steps.participants',
  gas_levels: 'goals.form.steps.gas',
  'gas_levels.minus2': 'goals.form.gasLevel.minus2',
  'gas_levels.minus1': 'goals.form.gasLevel.minus1',
  'gas_levels.zero': 'goals.form.gasLevel.zero',
  'gas_levels.plus1': 'goals.form.gasLevel.plus1',
  'gas_levels.plus2': 'goals.form.gasLevel.plus2',
  gas_attained: 'goals.form.gasAttained',
  reason: 'goals.form.reason',
};

const ROW: Record<string, MessageKey> = {
  kind: 'goals.form.participantKind',
  name: 'goals.form.participantName',
  task: 'goals.form.participantTask',
};

export function fieldLabel(t: T, path: string): string {
  const m = /^participants\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) {
    const row = t('goals.form.participant', { n: Number(m[1]) + 1 });
    const field = ROW[m[2]!];
    return field ? `${row}, ${t(field)}` : row;
  }
  const key = LABELS[path];
  return key ? t(key) : path;
}
