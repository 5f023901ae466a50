// Getting a lab device's secret in: the otpauth:// URI, the Base32 seed, or the QR image the AWS console
// shows (PNG). All three end as a checked Base32 secret (SHA-1, 6 digits, 30 s — what AWS uses).
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { parseOtpauthUri } from '../totp';
import { errorMessage } from '../../shared/error-message';
import { checkedSecret } from './device-store';
import { LabDeviceError } from './lab-device-error';

export type SecretInput =
  { format: 'otpauth-uri'; text: string } | { format: 'base32'; text: string } | { format: 'qr-png'; base64: string };

export interface ImportedSecret {
  secret: string;
  /** The URI's label (NAME@ACCOUNT for AWS), when there was one. */
  label?: string;
}

/** The otpauth URI held by a QR code PNG. Throws LabDeviceError('bad-secret'). */
export function decodeQrPng(png: Buffer): string {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch {
    throw new LabDeviceError(
      'bad-secret',
      'That file is not a readable PNG image; save the QR code from the AWS console as PNG.',
    );
  }
  const found = jsQR(
    new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    image.width,
    image.height,
  );
  if (!found) throw new LabDeviceError('bad-secret', 'No QR code was found in that image.');
  return found.data;
}

function fromUri(uri: string): ImportedSecret {
  try {
    const parsed = parseOtpauthUri(uri);
    return { secret: parsed.secret, label: parsed.label };
  } catch (error) {
    throw new LabDeviceError('bad-secret', errorMessage(error));
  }
}

export function readSecretInput(input: SecretInput): ImportedSecret {
  switch (input.format) {
    case 'otpauth-uri':
      return fromUri(input.text);
    case 'base32':
      return { secret: checkedSecret(input.text) };
    case 'qr-png': {
      const text = decodeQrPng(Buffer.from(input.base64, 'base64'));
      if (!text.startsWith('otpauth://'))
        throw new LabDeviceError(
          'bad-secret',
          'The QR code does not hold an otpauth:// URI, so it is not an MFA device QR code.',
        );
      return fromUri(text);
    }
  }
}
