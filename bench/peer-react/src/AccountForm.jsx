import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, useFormContext, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { accountSchema, defaultValues } from './schema.js';
import { COUNTRIES } from './rules.js';

// Field names in camelCase, element ids in kebab-case: companyName -> cw-company-name.
const fieldId = (name) => `cw-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

// Field order, for the error summary.
const ORDER = Object.keys(defaultValues);

function describedBy(...ids) {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function ErrorMessage({ id, error }) {
  if (!error) return null;
  return (
    <p className="cw-error-message" id={id}>
      <span className="cw-visually-hidden">Error: </span>
      {error.message}
    </p>
  );
}

function Field({ name, label, hint, optional, suffix, options, children, ...inputProps }) {
  const { register, formState: { errors } } = useFormContext();
  const id = fieldId(name);
  const error = errors[name];
  const hintId = hint && `${id}-hint`;
  const errorId = error && `${id}-error`;
  const control = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(hintId, errorId),
    ...register(name, options),
  };
  return (
    <div className={error ? 'cw-field cw-field--error' : 'cw-field'}>
      <label className="cw-label" htmlFor={id}>
        {label}
        {optional && <span className="cw-optional"> (optional)</span>}
      </label>
      {hint && <p className="cw-hint" id={hintId}>{hint}</p>}
      <ErrorMessage id={`${id}-error`} error={error} />
      <div className="cw-input-wrap">
        {children ? (
          <select className="cw-select" {...control}>{children}</select>
        ) : (
          <input className="cw-input" type="text" {...control} {...inputProps} />
        )}
        {suffix && <span className="cw-input-suffix" aria-hidden="true">{suffix}</span>}
      </div>
    </div>
  );
}

function Agreement() {
  const { register, formState: { errors } } = useFormContext();
  const error = errors.agreement;
  return (
    <div className={error ? 'cw-field cw-field--error' : 'cw-field'}>
      <fieldset className="cw-fieldset" aria-describedby={describedBy(error && 'cw-agreement-error')}>
        <legend className="cw-label">Microsoft Customer Agreement</legend>
        <ErrorMessage id="cw-agreement-error" error={error} />
        <div className="cw-radio">
          <input type="radio" id="cw-agreement" value="accepted" {...register('agreement')} />
          <label htmlFor="cw-agreement">The customer has accepted the latest Microsoft Customer Agreement</label>
        </div>
        <div className="cw-radio">
          <input type="radio" id="cw-agreement-later" value="later" {...register('agreement')} />
          <label htmlFor="cw-agreement-later">The customer will accept it in the Microsoft 365 admin center</label>
        </div>
      </fieldset>
    </div>
  );
}

function ErrorSummary({ errors, summaryRef }) {
  const names = ORDER.filter((name) => errors[name]);
  if (names.length === 0) return null;
  return (
    <div className="cw-error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="cw-error-summary-title">
      <h2 className="cw-error-summary__title" id="cw-error-summary-title">There is a problem</h2>
      <ul className="cw-error-summary__list">
        {names.map((name) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{errors[name].message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AccountForm() {
  const form = useForm({
    resolver: zodResolver(accountSchema),
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const { handleSubmit, formState: { errors, submitCount } } = form;
  const country = useWatch({ control: form.control, name: 'country' });
  const rules = COUNTRIES[country] ?? {};
  const summaryRef = useRef(null);
  const [done, setDone] = useState(null);

  // GOV.UK: after a failed submit, move focus to the error summary.
  useEffect(() => {
    if (submitCount > 0) summaryRef.current?.focus();
  }, [submitCount]);

  if (done) {
    return (
      <section className="cw-step">
        <h1 className="cw-heading">Subscriptions</h1>
        <p>Account info for {done.companyName} saved.</p>
      </section>
    );
  }

  return (
    <FormProvider {...form}>
      <form className="cw-form" noValidate onSubmit={handleSubmit(setDone)}>
        <ErrorSummary errors={errors} summaryRef={summaryRef} />
        <h1 className="cw-heading">Account info</h1>

        <Field
          name="country"
          label="Country or region"
          options={{ deps: ['state', 'postalCode', 'registrationNumber', 'phone'] }}
        >
          <option value="">Choose a country</option>
          {Object.entries(COUNTRIES).map(([code, c]) => (
            <option key={code} value={code}>{c.name}</option>
          ))}
        </Field>

        <h2 className="cw-subheading">Company</h2>
        <Field name="companyName" label="Company legal name" hint="As on official documents, without abbreviations" autoComplete="organization" />
        <Field name="domainPrefix" label="Domain prefix" hint="Cannot be changed later" suffix=".onmicrosoft.com" spellCheck={false} />
        {rules.registrationRequired && (
          <Field name="registrationNumber" label="Organization registration number" />
        )}

        <h2 className="cw-subheading">Address</h2>
        <Field name="addressLine1" label="Address line 1" autoComplete="address-line1" />
        <Field name="addressLine2" label="Address line 2" optional autoComplete="address-line2" />
        <Field name="city" label="Town or city" autoComplete="address-level2" />
        {rules.states ? (
          <Field name="state" label="State">
            <option value="">Select a state</option>
            {rules.states.map((s) => <option key={s} value={s}>{s}</option>)}
          </Field>
        ) : (
          <Field name="state" label="State or province" optional={!rules.stateRequired} autoComplete="address-level1" />
        )}
        <Field name="postalCode" label="Postal code" autoComplete="postal-code" />

        <h2 className="cw-subheading">Primary contact</h2>
        <Field name="firstName" label="First name" autoComplete="given-name" />
        <Field name="lastName" label="Last name" autoComplete="family-name" />
        <Field name="email" label="Email address" type="email" autoComplete="email" spellCheck={false} />
        <Field name="phone" label="Phone number" type="tel" optional={!rules.registrationRequired} autoComplete="tel" />

        <Agreement />

        <div className="cw-nav">
          <button type="submit" className="cw-button">Next: Subscriptions</button>
        </div>
      </form>
    </FormProvider>
  );
}
