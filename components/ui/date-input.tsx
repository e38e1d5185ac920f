'use client';
import { useState, type CSSProperties } from 'react';
import { DAY_TEXT_PATTERN, DAY_TIME_TEXT_PATTERN, formValueToText, textToFormValue } from './date-text';

/**
 * The one date (or date and time) input: typed as dd/MM/yyyy (HH:mm) in both languages, whatever the browser's
 * locale (native pickers showed mm/dd/yyyy in a vi-VN browser). The form still receives `name` as yyyy-MM-dd
 * (yyyy-MM-ddTHH:mm) from a hidden field, the value the native picker sent, so the server side is unchanged.
 */
export function DateInput({
  name,
  defaultValue,
  withTime = false,
  required,
  id,
  style,
  'aria-label': ariaLabel,
}: {
  name: string;
  /** yyyy-MM-dd, or yyyy-MM-ddTHH:mm with `withTime`. */
  defaultValue?: string;
  withTime?: boolean;
  required?: boolean;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}) {
  const [text, setText] = useState(() => formValueToText(defaultValue));
  const value = textToFormValue(text, withTime);
  const placeholder = withTime ? 'dd/MM/yyyy HH:mm' : 'dd/MM/yyyy';
  return (
    <>
      <input
        className="input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        id={id}
        style={style}
        aria-label={ariaLabel}
        placeholder={placeholder}
        title={placeholder}
        pattern={withTime ? DAY_TIME_TEXT_PATTERN : DAY_TEXT_PATTERN}
        required={required}
        value={text}
        aria-invalid={text !== '' && value === null ? true : undefined}
        data-date-input={name}
        onChange={(e) => {
          setText(e.target.value);
          e.target.setCustomValidity(e.target.value !== '' && textToFormValue(e.target.value, withTime) === null ? placeholder : '');
        }}
      />
      <input type="hidden" name={name} value={value ?? ''} />
    </>
  );
}
