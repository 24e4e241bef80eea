// Full screen for the board: the Fullscreen API on the board's element where
// the browser allows it; otherwise (no API, or the request is refused) the
// board covers the window with CSS instead. Esc leaves either.
import { useCallback, useEffect, useState, type RefObject } from 'react';

export type FullscreenMode = 'off' | 'native' | 'fallback';

export function useFullscreen(ref: RefObject<HTMLElement | null>) {
  const [mode, setMode] = useState<FullscreenMode>('off');

  useEffect(() => {
    const onChange = () => {
      const on = !!document.fullscreenElement && document.fullscreenElement === ref.current;
      setMode((m) => (on ? 'native' : m === 'native' ? 'off' : m));
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [ref]);

  useEffect(() => {
    if (mode !== 'fallback') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMode('off');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [mode]);

  // Leaving the page leaves full screen too.
  useEffect(
    () => () => {
      if (document.fullscreenElement && document.fullscreenElement === ref.current) void document.exitFullscreen?.().catch(() => {});
    },
    [ref],
  );

  const toggle = useCallback(async () => {
    if (mode === 'native') {
      await document.exitFullscreen?.().catch(() => {});
      setMode('off');
      return;
    }
    if (mode === 'fallback') {
      setMode('off');
      return;
    }
    const el = ref.current;
    if (el && document.fullscreenEnabled && typeof el.requestFullscreen === 'function') {
      try {
        await el.requestFullscreen();
        setMode('native');
        return;
      } catch {
        // refused (e.g. inside a frame without permission): fall back below
      }
    }
    setMode('fallback');
  }, [mode, ref]);

  return { mode, on: mode !== 'off', toggle };
}
