// Import a lab device's secret: its serial (ARN) and the secret as an otpauth:// link, a Base32 seed or the QR image
// the AWS console shows. The secret goes to main once and the fields are emptied after it is stored.
import { useRef, useState, type FormEvent } from 'react';
import { type ActionResult, type LabSecretStore } from '../../../electron/shared/contract';
import { MfaSerialSchema } from '../../../electron/shared/vocabulary';
import { Field } from '../common/Field';
import { useBridgeCall } from '../common/use-bridge-call';
import { base64FromDataUrl, FORMAT_LABELS, secretInputFrom, type SecretFormat } from './secret-form';
import { WEAK_STORE_REQUIRED, WeakStoreChoice } from './WeakStoreChoice';

interface Props {
  store: LabSecretStore;
  /** MFA devices the profiles name (suggestions for the serial). */
  knownSerials: readonly string[];
  onResult(result: ActionResult): void;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      try {
        resolve(base64FromDataUrl(String(reader.result)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

export function ImportForm({ store, knownSerials, onResult }: Props) {
  const [serial, setSerial] = useState('');
  const [label, setLabel] = useState('');
  const [format, setFormat] = useState<SecretFormat>('otpauth-uri');
  const [text, setText] = useState('');
  const [png, setPng] = useState<{ name: string; base64: string }>();
  const [fileError, setFileError] = useState<string>();
  const [acceptWeak, setAcceptWeak] = useState(false);
  const [tried, setTried] = useState(false);
  const { run, pending: busy } = useBridgeCall(onResult);
  const fileInput = useRef<HTMLInputElement>(null);

  const serialCheck = MfaSerialSchema.safeParse(serial);
  const serialError =
    (tried || serial !== '') && !serialCheck.success ? serialCheck.error.issues[0]?.message : undefined;
  const secret = secretInputFrom(format, text, png?.base64);
  const secretError = tried && !secret.ok ? secret.message : undefined;
  const weakError = tried && store.kind === 'weak' && !acceptWeak ? WEAK_STORE_REQUIRED : undefined;

  const chooseFile = (file: File | undefined) => {
    setPng(undefined);
    setFileError(undefined);
    if (!file) return;
    readAsBase64(file).then(
      (base64) => setPng({ name: file.name, base64 }),
      (error: unknown) => setFileError(error instanceof Error ? error.message : String(error)),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (busy || !serialCheck.success || !secret.ok || (store.kind === 'weak' && !acceptWeak)) return;
    run(
      'Could not import the device',
      (api) =>
        api.labDeviceImport({
          serial: serialCheck.data,
          input: secret.input,
          ...(label.trim() && { label: label.trim() }),
          acceptWeakStore: acceptWeak,
        }),
      (result) => {
        onResult(result);
        if (!result.ok) return;
        // The secret leaves the page as soon as main holds it.
        setText('');
        setPng(undefined);
        if (fileInput.current) fileInput.current.value = '';
        setSerial('');
        setLabel('');
        setAcceptWeak(false);
        setTried(false);
      },
    );
  };

  return (
    <form className="device-form" onSubmit={submit} aria-labelledby="import-title" noValidate>
      <h2 id="import-title">Import a device you already have</h2>
      <p className="why">
        For a virtual MFA device of a lab account: its ARN and the secret AWS showed when it was created.
      </p>
      <fieldset disabled={store.kind === 'unavailable'}>
        <legend>Device</legend>
        <Field
          id="import-serial"
          label="MFA device ARN"
          why="arn:aws:iam::ACCOUNT:mfa/NAME, as in the profile's mfa_serial."
          value={serial}
          onValue={setSerial}
          error={serialError}
          list="known-serials"
          placeholder="arn:aws:iam::123456789012:mfa/MyRepositoryUser"
        />
        <datalist id="known-serials">
          {knownSerials.map((known) => (
            <option key={known} value={known} />
          ))}
        </datalist>
        <Field id="import-label" label="Name shown here (optional)" value={label} onValue={setLabel} maxLength={128} />
      </fieldset>
      <fieldset disabled={store.kind === 'unavailable'}>
        <legend>How you have the secret</legend>
        <div className="choices" role="radiogroup" aria-label="Secret format">
          {(Object.keys(FORMAT_LABELS) as SecretFormat[]).map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name="secret-format"
                value={choice}
                checked={format === choice}
                onChange={() => setFormat(choice)}
              />{' '}
              {FORMAT_LABELS[choice]}
            </label>
          ))}
        </div>
        {format === 'otpauth-uri' && (
          <Field
            id="import-uri"
            label="Paste the otpauth:// link"
            why="The link behind the QR code; it holds the secret, so it is hidden while you paste it."
            type="password"
            value={text}
            onValue={setText}
            error={secretError}
          />
        )}
        {format === 'base32' && (
          <Field
            id="import-seed"
            label="Paste the secret key (Base32)"
            why="The “secret key” AWS offers instead of the QR code; spaces are fine."
            type="password"
            value={text}
            onValue={setText}
            error={secretError}
          />
        )}
        {format === 'qr-png' && (
          <div className="field">
            <label htmlFor="import-qr">Choose the QR code image (PNG)</label>
            <p className="why" id="import-qr-why">
              The QR code saved from the AWS console as a PNG file.
            </p>
            <input
              id="import-qr"
              ref={fileInput}
              type="file"
              accept="image/png"
              onChange={(event) => chooseFile(event.target.files?.[0])}
              aria-describedby="import-qr-why import-qr-error"
              aria-invalid={secretError || fileError ? true : undefined}
            />
            <p id="import-qr-error" className="field-error">
              {fileError ?? (png ? `Read ${png.name}.` : secretError)}
            </p>
          </div>
        )}
        <WeakStoreChoice
          id="import-accept-weak"
          store={store}
          accepted={acceptWeak}
          error={weakError}
          onChange={setAcceptWeak}
        />
      </fieldset>
      <div className="buttons left">
        <button
          type="submit"
          className="primary"
          disabled={store.kind === 'unavailable'}
          aria-disabled={busy || undefined}
        >
          {busy ? 'Importing…' : 'Import device'}
        </button>
      </div>
    </form>
  );
}
