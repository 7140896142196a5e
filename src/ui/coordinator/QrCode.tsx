import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';

/** An SVG QR code of `text`, drawn by the qrcode library, which loads only when a code is shown. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setSvg(undefined);
    import('qrcode')
      .then((qr) => qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then((made) => live && setSvg(made), () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [text]);
  if (failed) return <p role="alert">{t('The QR code could not be drawn; use the link instead.')}</p>;
  if (!svg) return <p role="status">{t('Drawing the QR code…')}</p>;
  // An image, not inline markup: the SVG comes from a library, and an <img> runs nothing in it.
  return <img class="qr-code" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={label} width={240} height={240} />;
}
