// Test host for auto-mounting: loads embed.js from the app's origin (another origin), which
// shows the prerendered first screen in every [data-customer-wizard] element and mounts them.
// `?locale=` and `?attrs=<JSON>` of this page configure the element before embed.js runs.
const params = new URLSearchParams(location.search);
const app = params.get('app') ?? 'http://127.0.0.1:8090';
const locale = params.get('locale');
const el = document.querySelector('[data-customer-wizard]');
if (locale) el.dataset.locale = locale;
for (const [k, v] of Object.entries(JSON.parse(params.get('attrs') ?? '{}'))) el.setAttribute(`data-${k}`, v);
await import(`${app}/embed.js`);
