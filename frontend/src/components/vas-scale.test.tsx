// The visual analogue scale: keys (arrows ±0.1, PageUp/PageDown ±1.0,
// Home/End), a click or tap at a position on the line sets the value there,
// dragging moves it, a vertical swipe (cancelled gesture) does not answer,
// and an unset scale shows no mark.
import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider, type Lang } from '@/lib/i18n';
import { formatTenths, keyStep, tenthsAt, VasScale } from './vas-scale';

function Harness({ initial = null, onChange, error }: { initial?: number | null; onChange?: (n: number) => void; error?: string }) {
  const [value, setValue] = useState<number | null>(initial);
  return (
    <VasScale
      id="field-items-overall"
      label="Alt i alt"
      lowLabel="Slet ikke godt"
      highLabel="Rigtig godt"
      hint="Sæt en streg"
      error={error}
      value={value}
      onChange={(n) => {
        setValue(n);
        onChange?.(n);
      }}
    />
  );
}

function renderScale(props: Parameters<typeof Harness>[0] = {}, lang: Lang = 'da') {
  const r = render(
    <I18nProvider lang={lang}>
      <Harness {...props} />
    </I18nProvider>,
  );
  // jsdom does no layout: the line is 200 px wide starting at x = 20.
  const line = screen.getByTestId('field-items-overall-line');
  line.getBoundingClientRect = () => ({ left: 20, right: 220, width: 200, top: 0, bottom: 64, height: 64, x: 20, y: 0, toJSON: () => ({}) });
  return { ...r, slider: screen.getByRole('slider', { name: 'Alt i alt' }), track: line.parentElement! };
}

describe('helpers', () => {
  it('formats tenths with a decimal comma in Danish', () => {
    expect(formatTenths(64, 'da')).toBe('6,4');
    expect(formatTenths(64, 'en')).toBe('6.4');
    expect(formatTenths(0, 'da')).toBe('0,0');
    expect(formatTenths(100, 'en')).toBe('10.0');
  });

  it('maps a position on the line to tenths and clamps outside it', () => {
    expect(tenthsAt(20, 20, 200)).toBe(0);
    expect(tenthsAt(148, 20, 200)).toBe(64);
    expect(tenthsAt(220, 20, 200)).toBe(100);
    expect(tenthsAt(0, 20, 200)).toBe(0);
    expect(tenthsAt(500, 20, 200)).toBe(100);
  });

  it('steps by keys, counting an unset scale from 0', () => {
    expect(keyStep('ArrowRight', null)).toBe(1);
    expect(keyStep('PageUp', null)).toBe(10);
    expect(keyStep('ArrowLeft', null)).toBe(0);
    expect(keyStep('ArrowUp', 64)).toBe(65);
    expect(keyStep('ArrowDown', 64)).toBe(63);
    expect(keyStep('PageDown', 64)).toBe(54);
    expect(keyStep('PageUp', 95)).toBe(100);
    expect(keyStep('PageDown', 5)).toBe(0);
    expect(keyStep('Home', 64)).toBe(0);
    expect(keyStep('End', 64)).toBe(100);
    expect(keyStep('a', 64)).toBeNull();
  });
});

describe('VasScale', () => {
  it('is a labelled slider, unset at first, described by its end labels and hint', () => {
    const { slider, container } = renderScale();
    expect(slider).toHaveProperty('min', '0');
    expect(slider).toHaveProperty('max', '100');
    expect(slider.getAttribute('aria-valuetext')).toBe('Ikke udfyldt');
    expect(screen.getByTestId('field-items-overall-value').textContent).toBe('Ikke udfyldt');
    expect(container.querySelector('.vas-mark')).toBeNull();
    const described = slider.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Slet ikke godt, Rigtig godt', 'Sæt en streg']);
  });

  it('moves by keyboard: arrows ±0.1, PageUp/PageDown ±1.0, Home/End', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { slider } = renderScale({ onChange });
    await user.tab();
    expect(document.activeElement).toBe(slider);
    for (let i = 0; i < 6; i++) await user.keyboard('{PageUp}');
    for (let i = 0; i < 4; i++) await user.keyboard('{ArrowRight}');
    expect(slider.getAttribute('aria-valuetext')).toBe('6,4 af 10');
    expect(screen.getByTestId('field-items-overall-value').textContent).toBe('Dit svar: 6,4');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(slider.getAttribute('aria-valuetext')).toBe('6,2 af 10');
    await user.keyboard('{PageDown}');
    expect(slider.getAttribute('aria-valuetext')).toBe('5,2 af 10');
    await user.keyboard('{End}');
    expect(slider.getAttribute('aria-valuetext')).toBe('10,0 af 10');
    await user.keyboard('{ArrowRight}');
    expect(slider.getAttribute('aria-valuetext')).toBe('10,0 af 10');
    await user.keyboard('{Home}');
    expect(slider.getAttribute('aria-valuetext')).toBe('0,0 af 10');
    expect(onChange).toHaveBeenLastCalledWith(0);
    expect((slider as HTMLInputElement).value).toBe('0');
  });

  it('sets the mark where the line is clicked, and follows a drag', () => {
    const onChange = vi.fn();
    const { slider, track, container } = renderScale({ onChange });
    fireEvent.pointerDown(track, { pointerId: 1, pointerType: 'mouse', button: 0, clientX: 148, clientY: 30 });
    expect(onChange).toHaveBeenLastCalledWith(64);
    expect(slider.getAttribute('aria-valuetext')).toBe('6,4 af 10');
    expect(document.activeElement).toBe(slider);
    expect((container.querySelector('.vas-mark') as HTMLElement).style.left).toBe('64%');
    fireEvent.pointerMove(track, { pointerId: 1, pointerType: 'mouse', clientX: 60, clientY: 30 });
    expect(onChange).toHaveBeenLastCalledWith(20);
    fireEvent.pointerUp(track, { pointerId: 1, pointerType: 'mouse', clientX: 60, clientY: 30 });
    // After the button is released, moving the mouse does nothing.
    fireEvent.pointerMove(track, { pointerId: 1, pointerType: 'mouse', clientX: 200, clientY: 30 });
    expect(onChange).toHaveBeenLastCalledWith(20);
    // Beyond the ends: 0 and 10.
    fireEvent.pointerDown(track, { pointerId: 2, pointerType: 'mouse', button: 0, clientX: 5, clientY: 30 });
    expect(onChange).toHaveBeenLastCalledWith(0);
    fireEvent.pointerUp(track, { pointerId: 2, pointerType: 'mouse', clientX: 5, clientY: 30 });
  });

  it('takes a tap on pointer up, a sideways drag while moving, and not a scroll', () => {
    const onChange = vi.fn();
    const { slider, track } = renderScale({ onChange }, 'en');
    // Tap at 3.0.
    fireEvent.pointerDown(track, { pointerId: 5, pointerType: 'touch', clientX: 80, clientY: 30 });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.pointerUp(track, { pointerId: 5, pointerType: 'touch', clientX: 80, clientY: 30 });
    expect(onChange).toHaveBeenLastCalledWith(30);
    expect(slider.getAttribute('aria-valuetext')).toBe('3.0 of 10');
    // Drag sideways to 7.5.
    fireEvent.pointerDown(track, { pointerId: 6, pointerType: 'touch', clientX: 80, clientY: 30 });
    fireEvent.pointerMove(track, { pointerId: 6, pointerType: 'touch', clientX: 120, clientY: 32 });
    expect(onChange).toHaveBeenLastCalledWith(50);
    fireEvent.pointerMove(track, { pointerId: 6, pointerType: 'touch', clientX: 170, clientY: 33 });
    fireEvent.pointerUp(track, { pointerId: 6, pointerType: 'touch', clientX: 170, clientY: 33 });
    expect(onChange).toHaveBeenLastCalledWith(75);
    // A vertical swipe that becomes a scroll leaves the answer alone.
    onChange.mockClear();
    fireEvent.pointerDown(track, { pointerId: 7, pointerType: 'touch', clientX: 40, clientY: 30 });
    fireEvent.pointerMove(track, { pointerId: 7, pointerType: 'touch', clientX: 42, clientY: 60 });
    fireEvent.pointerCancel(track, { pointerId: 7, pointerType: 'touch', clientX: 42, clientY: 90 });
    expect(onChange).not.toHaveBeenCalled();
    expect(slider.getAttribute('aria-valuetext')).toBe('7.5 of 10');
  });

  it('takes a value set by assistive technology on the input', () => {
    const onChange = vi.fn();
    const { slider } = renderScale({ onChange, initial: 40 });
    act(() => {
      fireEvent.change(slider, { target: { value: '50' } });
    });
    expect(onChange).toHaveBeenLastCalledWith(50);
    expect(slider.getAttribute('aria-valuetext')).toBe('5,0 af 10');
  });

  it('shows an error at the field and marks the slider invalid', () => {
    const { slider } = renderScale({ error: 'Sæt et mærke på linjen' });
    expect(slider.getAttribute('aria-invalid')).toBe('true');
    expect(slider.getAttribute('aria-describedby')).toContain('field-items-overall-error');
    expect(document.getElementById('field-items-overall-error')?.textContent).toContain('Sæt et mærke på linjen');
  });
});
