// The import form's secret, as the contract's LabSecretInput: an otpauth:// URI, a Base32 seed, or a QR PNG read
// as base64. Only shape is checked here; main reads the secret and explains anything it cannot use.
import type { LabSecretInput } from '../../../electron/shared/contract';

export type SecretFormat = LabSecretInput['format'];

export const FORMAT_LABELS: Record<SecretFormat, string> = {
  'otpauth-uri': 'otpauth:// link',
  base32: 'Secret key (Base32 seed)',
  'qr-png': 'QR code image (PNG)',
};

export type SecretCheck = { ok: true; input: LabSecretInput } | { ok: false; message: string };

export function secretInputFrom(format: SecretFormat, text: string, pngBase64: string | undefined): SecretCheck {
  const trimmed = text.trim();
  switch (format) {
    case 'otpauth-uri':
      if (!/^otpauth:\/\/totp\//i.test(trimmed))
        return { ok: false, message: 'Paste the whole link: it starts with otpauth://totp/' };
      return { ok: true, input: { format, text: trimmed } };
    case 'base32':
      if (!/^[A-Za-z2-7\s=-]+$/.test(trimmed))
        return { ok: false, message: 'A Base32 seed has the letters A–Z and the digits 2–7 only' };
      return { ok: true, input: { format, text: trimmed } };
    case 'qr-png':
      if (!pngBase64) return { ok: false, message: 'Choose the PNG file of the QR code' };
      return { ok: true, input: { format, base64: pngBase64 } };
  }
}

/** The base64 body of a `data:…;base64,` URL (what FileReader.readAsDataURL gives). */
export function base64FromDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma === -1 || !dataUrl.slice(0, comma).endsWith(';base64')) {
    throw new Error('The file could not be read as an image.');
  }
  return dataUrl.slice(comma + 1);
}
