// A QR code as an inline SVG (one path of dark modules, a quiet zone of four
// modules), drawn from qrcode-generator's matrix; no network, no canvas.
// role="img" with a label; the address itself is always shown as text too.
import { useMemo } from 'react';
import qrcode from 'qrcode-generator';

/** The dark modules of the QR code of `text` as one SVG path, and the size in modules with the quiet zone. */
export function qrPath(text: string, quiet = 4): { d: string; size: number } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
  return { d, size: n + 2 * quiet };
}

export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const { d, size: modules } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      focusable="false"
    >
      <rect width={modules} height={modules} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
