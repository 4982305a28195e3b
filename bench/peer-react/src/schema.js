import * as z from 'zod';
import { COUNTRIES } from './rules.js';

const LEGAL_FORMS = new Set([
  'inc', 'llc', 'ltd', 'limited', 'gmbh', 'ag', 'co', 'corp', 'corporation', 'company', 'plc', 'sa',
  'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'kk', 'pty', 'ptyltd', 'as', 'ab', 'oy', 'aş', 'şti',
  'ltdşti', 'llp', 'lp', 'kg', 'ug', 'sl', 'spzoo', 'ooo',
]);

const required = (message) => z.string().trim().min(1, message);

const companyName = required('Enter the company legal name')
  .refine((v) => v.length !== 1, 'Company legal name must be more than a single character')
  .refine((v) => !/^[^\p{L}\p{N}]+$/u.test(v), 'Company legal name must contain letters or numbers')
  .refine(
    (v) => !LEGAL_FORMS.has(v.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')),
    'Enter the full legal name, not only the legal form (like Inc or GmbH)',
  );

export const accountSchema = z
  .object({
    country: required('Choose the customer’s country or region'),
    companyName,
    domainPrefix: required('Enter a domain prefix')
      .regex(/^[A-Za-z0-9]*$/, 'Domain prefix must contain only letters and numbers')
      .max(27, 'Domain prefix must be 27 characters or fewer'),
    registrationNumber: z.string().trim(),
    addressLine1: required('Enter address line 1'),
    addressLine2: z.string().trim(),
    city: required('Enter the town or city'),
    state: z.string().trim(),
    postalCode: required('Enter the postal code'),
    firstName: required('Enter the first name'),
    lastName: required('Enter the last name'),
    email: required('Enter an email address')
      .email('Enter an email address in the correct format, like name@example.com')
      .refine((v) => !/@microsoft\.com$/i.test(v), 'Enter the customer’s email address, not a microsoft.com one'),
    phone: z.string().trim(),
    agreement: z
      .string()
      .nullable()
      .refine((v) => v === 'accepted' || v === 'later', 'Select whether the customer has accepted the Microsoft Customer Agreement'),
  })
  .superRefine((v, ctx) => {
    const rules = COUNTRIES[v.country];
    if (!rules) return;
    const issue = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (rules.stateRequired && !v.state) issue('state', 'Enter the state or province');
    else if (rules.states && v.state && !rules.states.includes(v.state)) issue('state', 'Select a state from the list');
    if (rules.postalCode && v.postalCode && !rules.postalCode.test(v.postalCode)) {
      issue('postalCode', 'Enter a real postal code for the selected country');
    }
    if (rules.registrationRequired) {
      if (!v.registrationNumber) issue('registrationNumber', 'Enter the organization registration number');
      if (!v.phone) issue('phone', 'Enter a phone number');
    }
  });

export const defaultValues = {
  country: '', companyName: '', domainPrefix: '', registrationNumber: '', addressLine1: '',
  addressLine2: '', city: '', state: '', postalCode: '', firstName: '', lastName: '', email: '',
  phone: '', agreement: null,
};
