// A small, embedded copy of the country rules the real app fetches from
// GET /v1/countryvalidationrules/{iso2} (only what this fixture needs).
const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY',
  'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV',
  'WI', 'WY', 'DC', 'AS', 'GU', 'MP', 'PR', 'VI', 'AA', 'AE', 'AP',
];

export const COUNTRIES = {
  US: { name: 'United States', states: US_STATES, stateRequired: true, postalCode: /^\d{5}(-\d{4})?$/ },
  GB: { name: 'United Kingdom', stateRequired: false, postalCode: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/ },
  TR: { name: 'Türkiye', stateRequired: true, postalCode: /^\d{5}$/, registrationRequired: true },
  DE: { name: 'Germany', stateRequired: false },
};
