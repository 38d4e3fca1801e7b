/** A QR code of a text (an address), drawn as SVG from qrcode-generator's module matrix. */
import { useMemo, type ReactNode } from 'react';
import qrcode from 'qrcode-generator';

export function QrCode({ text, label, size = 176 }: { text: string; label: string; size?: number }): ReactNode {
  const path = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const n = qr.getModuleCount();
    let d = '';
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
    return { d, n: n + 8 };
  }, [text]);
  return (
    <svg role="img" aria-label={label} data-testid="receive-qr" width={size} height={size} viewBox={`0 0 ${path.n} ${path.n}`} shapeRendering="crispEdges">
      <rect width={path.n} height={path.n} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
