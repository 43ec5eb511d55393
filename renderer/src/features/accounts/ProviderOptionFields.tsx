import type { OptionKey, ProviderInfo } from '../../lib/contract'
import { OPTION_FIELDS, optionFieldsFor, type OptionText } from './providerOptions'

/** What the form adds to every field it may need to focus or flag. */
export type FieldProps = {
  ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => void
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

type Props = {
  provider: ProviderInfo
  idPrefix: string
  values: OptionText
  onChange: (key: OptionKey, value: string) => void
  fieldProps: (key: OptionKey, hintId: string | undefined) => FieldProps
}

/** The settings this provider asks for, driven by its ProviderInfo rather than by its id. */
export function ProviderOptionFields({ provider, idPrefix, values, onChange, fieldProps }: Props) {
  return optionFieldsFor(provider).map(({ key, required }) => {
    const field = OPTION_FIELDS[key]
    const id = `${idPrefix}-${key}`
    const hintId = field.hint ? `${id}-hint` : undefined
    const common = {
      id,
      ...fieldProps(key, hintId),
      required,
      value: values[key] ?? '',
      placeholder: field.placeholder,
      autoComplete: 'off',
      spellCheck: false
    }
    return (
      <div key={key} className="field field-wide">
        <label htmlFor={id}>
          {field.label}
          {!required && <span className="optional"> (optional)</span>}
        </label>
        {field.choices ? (
          <select
            id={id}
            aria-describedby={hintId}
            value={values[key] || field.choices[0]?.value}
            onChange={(e) => onChange(key, e.target.value)}
          >
            {field.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        ) : field.multiline ? (
          <textarea {...common} rows={3} onChange={(e) => onChange(key, e.target.value)} />
        ) : (
          <input
            {...common}
            type={field.type ?? 'text'}
            inputMode={field.type}
            maxLength={field.maxLength}
            onChange={(e) => onChange(key, e.target.value)}
          />
        )}
        {hintId && (
          <p id={hintId} className="hint">
            {field.hint}
          </p>
        )}
      </div>
    )
  })
}
