// A visual analogue scale (VAS), as used for the ORS and SRS: a long
// horizontal line; a tap or click anywhere on it puts the mark there
// (0.0–10.0 in tenths), dragging moves it. Before the first answer there is
// no mark at all ("Ikke udfyldt").
//
// Accessibility: the control itself is a native <input type="range">
// (0–100 tenths, step 1) with aria-valuetext "6,4 af 10", so screen readers
// (also iOS VoiceOver and TalkBack, which do not send key presses to custom
// ARIA sliders) can read and change it. It lies transparent over the drawn
// line; the pointer is handled by the line itself, so the position of a tap
// maps exactly onto the line, and a vertical swipe over the line still
// scrolls the page. Keys: arrows ±0.1, PageUp/PageDown ±1.0, Home/End.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { ErrorMessage } from '@/components/fields';
import { useI18n, type Lang } from '@/lib/i18n';
import './vas-scale.css';

export type VasScaleProps = {
  /** DOM id of the control (e.g. fieldId('items.overall'), so an error summary can link to it). */
  id: string;
  label: string;
  lowLabel: string;
  highLabel: string;
  /** Tenths, 0..100; null before the first answer. */
  value: number | null;
  onChange: (tenths: number) => void;
  error?: string;
  hint?: string;
};

export const VAS_MAX = 100;

const clamp = (n: number) => Math.min(VAS_MAX, Math.max(0, Math.round(n)));

/** 64 → "6,4" (Danish) / "6.4" (English). */
export function formatTenths(tenths: number, lang: Lang): string {
  const s = (clamp(tenths) / 10).toFixed(1);
  return lang === 'da' ? s.replace('.', ',') : s;
}

/** The value a key press leads to, or null for keys the scale does not use.
 * An unset scale counts from 0 (the left end). */
export function keyStep(key: string, value: number | null): number | null {
  const base = value ?? 0;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(base + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(base - 1);
    case 'PageUp':
      return clamp(base + 10);
    case 'PageDown':
      return clamp(base - 10);
    case 'Home':
      return 0;
    case 'End':
      return VAS_MAX;
    default:
      return null;
  }
}

/** Tenths at clientX on a line spanning [left, left + width]; outside the line it clamps to the ends. */
export function tenthsAt(clientX: number, left: number, width: number): number {
  if (width <= 0) return 0;
  return clamp(((clientX - left) / width) * VAS_MAX);
}

// A touch that moves this far sideways (more than up or down) is a drag.
const DRAG_SLOP = 6;

type Gesture = { pointerId: number; touch: boolean; startX: number; startY: number; dragging: boolean };

export function VasScale(props: VasScaleProps) {
  const { t, lang } = useI18n();
  const { id, value, onChange } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  const lineRef = useRef<HTMLDivElement>(null);
  const gesture = useRef<Gesture | null>(null);

  const valueText = value === null ? t('vas.unset') : t('vas.valueText', { value: formatTenths(value, lang) });
  const describedBy = [`${id}-ends`, props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');

  function setFrom(clientX: number) {
    const rect = lineRef.current?.getBoundingClientRect();
    if (!rect) return;
    const next = tenthsAt(clientX, rect.left, rect.width);
    if (next !== value) onChange(next);
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const touch = e.pointerType === 'touch';
    gesture.current = { pointerId: e.pointerId, touch, startX: e.clientX, startY: e.clientY, dragging: !touch };
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // not capturable (e.g. synthetic events in tests); dragging still works over the line
    }
    if (!touch) {
      // Mouse and pen: the mark goes where pressed, at once. (No text selection while dragging.)
      e.preventDefault();
      inputRef.current?.focus({ preventScroll: true });
      setFrom(e.clientX);
    }
    // Touch: wait — the finger may be starting to scroll the page (a tap is
    // taken on pointerup, a sideways drag on pointermove).
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    if (!g.dragging) {
      const dx = Math.abs(e.clientX - g.startX);
      const dy = Math.abs(e.clientY - g.startY);
      if (dx < DRAG_SLOP || dx <= dy) return;
      g.dragging = true;
      inputRef.current?.focus({ preventScroll: true });
    }
    setFrom(e.clientX);
  }

  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    gesture.current = null;
    if (g.touch) {
      inputRef.current?.focus({ preventScroll: true });
      setFrom(e.clientX);
    }
  }

  function onPointerCancel(e: PointerEvent<HTMLDivElement>) {
    // The browser took the gesture (the page scrolls): no answer from it.
    if (gesture.current?.pointerId === e.pointerId) gesture.current = null;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const next = keyStep(e.key, value);
    if (next === null) return;
    e.preventDefault();
    if (next !== value) onChange(next);
  }

  return (
    <div className={`form-group vas${props.error ? ' form-error' : ''}${value === null ? ' vas-unset' : ''}`}>
      <label className="form-label vas-label" htmlFor={id}>
        {props.label}
      </label>
      {props.hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && <ErrorMessage id={`${id}-error`} text={props.error} />}
      {/* The slider announces its value itself; this is the same for the eye. */}
      <p className="vas-value" aria-hidden="true" data-testid={`${id}-value`}>
        {value === null ? t('vas.unset') : t('vas.visibleValue', { value: formatTenths(value, lang) })}
      </p>
      <div
        className="vas-track"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
      >
        <div className="vas-line" ref={lineRef} data-testid={`${id}-line`}>
          {value !== null && <span className="vas-mark" style={{ left: `${value}%` }} />}
        </div>
        <input
          ref={inputRef}
          id={id}
          className="vas-input"
          type="range"
          min={0}
          max={VAS_MAX}
          step={1}
          value={value ?? 0}
          aria-valuetext={valueText}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          onKeyDown={onKeyDown}
          // Assistive technology (swipe up/down on a phone) sets the value directly.
          onChange={(e) => {
            const next = clamp(Number(e.target.value));
            if (next !== value) onChange(next);
          }}
        />
      </div>
      <div className="vas-ends" id={`${id}-ends`}>
        <span className="vas-end-low">{props.lowLabel}</span>
        <span className="sr-only">, </span>
        <span className="vas-end-high">{props.highLabel}</span>
      </div>
    </div>
  );
}
