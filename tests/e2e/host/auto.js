// Test host for auto-mounting: loads embed.js from the app's origin (another origin), which
// shows the prerendered first screen in every [data-customer-wizard] element and mounts them.
// The locale comes from `?locale=` of this page (set on the element before embed.js runs).
const params = new URLSearchParams(location.search);
const app = params.get('app') ?? 'http://127.0.0.1:8090';
const locale = params.get('locale');
if (locale) document.querySelector('[data-customer-wizard]').dataset.locale = locale;
await import(`${app}/embed.js`);
