// Test host: loads the wizard from another origin (the app server), records its events, and
// exposes mount/unmount to the tests. A test page, so a global is fine here.
const params = new URLSearchParams(location.search);
const app = params.get('app') ?? 'http://127.0.0.1:8090';
const events = [];
for (const name of ['cw-step-change', 'cw-draft-saved', 'cw-submitted', 'cw-cancel', 'cw-error']) {
  document.addEventListener(name, (e) => events.push({ name, target: e.target.id, detail: e.detail }));
}
const { mount } = await import(`${app}/embed.js`);
window.host = { events, mount, handles: {} };
document.body.dataset.ready = 'true';
