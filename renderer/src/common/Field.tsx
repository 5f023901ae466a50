// A labelled input with its one-sentence "why" and its as-you-type error, wired for screen readers.
import type { InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  id: string;
  label: string;
  why?: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
}

export function Field({ id, label, why, error, value, onValue, ...input }: Props) {
  const described = [why && `${id}-why`, `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {why && (
        <p className="why" id={`${id}-why`}>
          {why}
        </p>
      )}
      <input
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        spellCheck={false}
        autoComplete="off"
        {...input}
      />
      <p id={`${id}-error`} className="field-error">
        {error}
      </p>
    </div>
  );
}
