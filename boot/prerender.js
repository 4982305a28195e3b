// The first screen before the wasm (issue 18). scripts/post-build.mjs writes dist/prerender.js
// as `const SCREENS = {...};` (the markup the app's own components render natively at build
// time: src/view/prerender.rs) followed by this file.
//
//  - show(el, standalone): puts the prerendered screen into a mount element at once, in the
//    locale the app will choose (configuration, then the URL on the standalone page, then the
//    language last chosen, then the browser's), with the element ids the app will use. Where
//    a saved draft exists it says that the draft is loading instead of showing an empty form.
//    Continue (or Enter) does not submit the page: it is remembered.
//  - handover(els, mount): once the wasm is ready and the user pauses typing, mounts the app
//    next to the prerendered screen in the same task (nothing is painted in between), removes
//    the prerendered screen, hands what was typed to the app as input events (into the draft,
//    validated as if typed), and keeps focus, caret and scroll. A remembered Continue is then
//    pressed for the user. What is typed before then is kept in storage until the handover, so
//    a reload or a crash before it loses nothing.
/* global SCREENS */

const PREFIX = new RegExp(`\\b${SCREENS.instance}-`, 'g');
const LOCALES = Object.keys(SCREENS).filter((k) => k !== 'instance');
let unnamed = 0;
// Per mount element: where its early typing is kept, and what of it the screen could not show.
const EARLY = new WeakMap();

// The app's mount is one long task (about 100 ms unthrottled, four times that on a slow phone,
// docs/performance.md): a key pressed during it waits for it. So the handover waits for a pause
// in the user's typing (PAUSE ms without a key, input or press since the screen appeared), at
// most PATIENCE ms, and happens at once when Continue is pressed: then the user is waiting for
// the app's answer.
const PAUSE = 400;
const PATIENCE = 3000;
let lastInput = -Infinity;
let wake = null;
const typing = () => {
  lastInput = performance.now();
};

// The first Intl.DisplayNames a page constructs loads the browser's region names: 15-25 ms
// (four times that on a slow phone); later ones, in any language or kind, cost 0.1 ms
// (docs/performance.md). The app constructs one as it mounts (its country list), so the mount
// is that much shorter when the names are already loaded. They are loaded here, once per page,
// at the first moment the page is idle and no one has typed for PAUSE ms, so neither the first
// keys nor the mount wait for them. When the wasm is ready before such a pause, the handover
// takes the pause and the app loads the names itself.
let intlWarm = false;
let intlWarming = false;
function warmIntl(bcp47) {
  if (intlWarming || typeof Intl !== 'object' || typeof Intl.DisplayNames !== 'function') return;
  intlWarming = true;
  const idle = (f) => (window.requestIdleCallback ? requestIdleCallback(f) : setTimeout(f, 0));
  const attempt = () => {
    if (intlWarm) return;
    const wait = lastInput + PAUSE - performance.now();
    if (wait > 0) {
      setTimeout(() => idle(attempt), wait);
      return;
    }
    intlWarm = true;
    new Intl.DisplayNames([bcp47], { type: 'region' });
  };
  idle(attempt);
}

const kebab = (k) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const fromTag = (tag) => {
  const lang = String(tag ?? '').split(/[-_]/)[0].trim().toLowerCase();
  return LOCALES.includes(lang) ? lang : null;
};

/** The element's configuration as mount.rs reads it: data attributes, a JSON config child,
 * and on the standalone page the URL's `locale`. */
function config(el, standalone) {
  const c = {};
  for (const a of el.attributes) if (a.name.startsWith('data-')) c[a.name.slice(5)] = a.value;
  const script = el.querySelector('script[type="application/json"][data-config]');
  if (script) {
    try {
      for (const [k, v] of Object.entries(JSON.parse(script.textContent))) c[kebab(k)] = String(v);
    } catch {
      // The app reports a bad configuration; the screen still shows.
    }
  }
  if (standalone) {
    const locale = new URLSearchParams(location.search).get('locale');
    if (locale !== null) c.locale = locale;
  }
  return c;
}

/** The instance's id prefix, as mount.rs's instance_id makes it. */
function instanceId(el) {
  if (el.id && /^[A-Za-z0-9_-]+$/.test(el.id)) return el.id === 'customer-wizard' ? 'cw' : el.id;
  unnamed += 1;
  return `cw${unnamed}`;
}

function storage(kind) {
  try {
    return kind === 'none' ? null : kind === 'session' ? sessionStorage : localStorage;
  } catch {
    return null;
  }
}

/** When the draft the app will restore was saved (v1, younger than `keep` ms), or null. */
function savedDraftAt(store, id, keep) {
  try {
    const saved = JSON.parse(store?.getItem(`customer-wizard:${id}:draft`) ?? 'null');
    return saved && saved.v === 1 && Date.now() - saved.saved_at < keep ? saved.saved_at : null;
  } catch {
    return null;
  }
}

/** The fields whose value differs from the markup's: [id, value or checked]. */
function typed(root) {
  const out = [];
  for (const f of root.querySelectorAll('input[id], select[id], textarea[id]')) {
    if (f.dataset.cwUi !== undefined) continue;
    if (f.type === 'checkbox' || f.type === 'radio') {
      if (f.checked !== f.defaultChecked) out.push([f.id, f.checked]);
    } else if (f.tagName === 'SELECT') {
      const initial = [...f.options].find((o) => o.defaultSelected) ?? f.options[0];
      if (f.value !== (initial?.value ?? '')) out.push([f.id, f.value]);
    } else if (f.value !== f.defaultValue) {
      out.push([f.id, f.value]);
    }
  }
  return out;
}

/** The Continue button as the app shows it while Continue waits (`aria-disabled`). */
function showWaiting(root) {
  root.querySelector('.cw-nav button[type=submit]')?.setAttribute('aria-disabled', 'true');
}

function focusState(root) {
  const el = document.activeElement;
  if (!el || !el.id || !root.contains(el)) return null;
  let caret = null;
  try {
    if (typeof el.selectionStart === 'number') caret = [el.selectionStart, el.selectionEnd, el.selectionDirection];
  } catch {
    // Inputs without a text selection (email, date...) keep none.
  }
  return { id: el.id, caret };
}

function restoreFocus(root, focus) {
  const el = focus && root.querySelector(`#${CSS.escape(focus.id)}`);
  if (!el) return;
  el.focus({ preventScroll: true });
  const caret = () => {
    try {
      if (document.activeElement === el) el.setSelectionRange(...focus.caret);
    } catch {
      // Not a text control in the app: focus is enough.
    }
  };
  if (focus.caret) {
    caret();
    // Again before the next paint: the app's first effects write the field's value (the same
    // text), which puts the caret at the end.
    requestAnimationFrame(caret);
  }
}

/** Names and orders the country options as the app will (this browser's Intl). */
function localizeCountries(country, bcp47) {
  intlWarm = true;
  const names = new Intl.DisplayNames([bcp47], { type: 'region' });
  const options = [...country.options].filter((o) => o.value);
  for (const o of options) o.textContent = names.of(o.value) ?? o.value;
  const collator = new Intl.Collator(bcp47);
  options.sort((a, b) => collator.compare(a.textContent, b.textContent));
  country.append(...options);
}

/** Puts the prerendered screen into `el` unless the app or a screen is already there. */
export function show(el, standalone) {
  if (el.hasAttribute('data-cw-mounted') || el.querySelector(':scope > [data-cw-prerendered]')) return;
  const c = config(el, standalone);
  const id = instanceId(el);
  const store = storage(c.storage);
  const localeKey = `customer-wizard:${id}:locale`;
  let chosen = null;
  try {
    chosen = store?.getItem(localeKey);
  } catch {
    // Privacy mode: no remembered choice.
  }
  const locale = fromTag(c.locale) ?? fromTag(chosen)
    ?? [...(navigator.languages ?? []), navigator.language].map(fromTag).find(Boolean) ?? LOCALES[0];
  // How long the app keeps a draft, and when the one it will restore was saved.
  const keep = Number(c['draft-days'] ?? 7) * 86_400_000;
  const draftAt = savedDraftAt(store, id, keep);
  const loading = draftAt !== null;
  // What was typed into this screen on an earlier load that ended before the app took over
  // (a reload, a crash): kept where the app keeps its draft, so it is not lost either.
  const earlyKey = `customer-wizard:${id}:typed`;
  // Kept no longer than a draft, and never over a draft saved after it.
  let early = [];
  try {
    const kept = JSON.parse(store?.getItem(earlyKey) ?? 'null');
    const fresh = kept && Date.now() - kept.saved_at < keep && kept.saved_at > (draftAt ?? 0);
    if (fresh && Array.isArray(kept.values)) early = kept.values;
    else if (kept) store.removeItem(earlyKey);
  } catch {
    // Unreadable: nothing to restore.
  }
  const keepTyped = (root) => {
    try {
      const values = typed(root);
      if (values.length) store?.setItem(earlyKey, JSON.stringify({ saved_at: Date.now(), values }));
      else store?.removeItem(earlyKey);
    } catch {
      // Storage full or refused: the app still adopts what is on the screen.
    }
  };

  const render = (locale, values) => {
    const screen = SCREENS[locale];
    const t = document.createElement('template');
    t.innerHTML = (loading ? screen.loading : standalone ? screen.standalone : screen.embedded).replace(PREFIX, `${id}-`);
    const root = t.content.firstElementChild;
    root.setAttribute('data-cw-prerendered', '');
    // The demo banner is the demo backend's: a wizard with an API base has none.
    if (!['', 'demo'].includes((c['api-base'] ?? '').trim())) root.querySelector('.cw-demo-banner')?.remove();
    const form = root.querySelector('form');
    // Continue or Enter before the app runs: remembered, pressed once the app runs. Meanwhile
    // the button shows that it is waiting, as the app's Continue does while a check runs.
    form?.addEventListener('submit', (e) => {
      e.preventDefault();
      root.dataset.cwPending = 'continue';
      showWaiting(root);
      wake?.();
    });
    // Cancel before the app runs: remembered too, and pressed once the app runs (the app then
    // asks whether to delete what was entered, or tells the host page).
    root.querySelector('.cw-nav__cancel')?.addEventListener('click', () => {
      root.dataset.cwPending = 'cancel';
      wake?.();
    });
    for (const type of ['keydown', 'input', 'pointerdown']) root.addEventListener(type, typing, true);
    for (const type of ['input', 'change']) root.addEventListener(type, () => keepTyped(root));
    // Country names as this browser's Intl gives them and in its order, as the app lists them
    // (the build's Intl names a few differently, e.g. "Hong Kong SAR China" for "Hong Kong").
    // Only once the list is reached (focus, a press, or a value set by autofill) or shows a
    // kept country before the app takes over: until then the closed list shows its
    // placeholder, and the app names the countries itself. The first Intl.DisplayNames costs
    // 15-25 ms (80 on a slow phone), which right after the first paint held back the first
    // keys typed (docs/performance.md).
    const country = root.querySelector(`#${CSS.escape(`${id}-country`)}`);
    const intl = country && typeof Intl === 'object' && typeof Intl.DisplayNames === 'function';
    const reached = ['focus', 'pointerdown', 'change'];
    let named = false;
    const localize = () => {
      if (named) return;
      named = true;
      for (const type of reached) country.removeEventListener(type, localize, true);
      localizeCountries(country, screen.bcp47);
    };
    if (intl) {
      for (const type of reached) country.addEventListener(type, localize, true);
    }
    const ui = root.querySelector(`#${CSS.escape(`${id}-ui-language`)}`);
    if (ui) {
      ui.dataset.cwUi = '';
      ui.value = locale;
      // Switching the language before the app runs: the same screen in that language, with
      // what was typed, remembered as the app remembers it.
      ui.addEventListener('change', () => {
        const next = fromTag(ui.value);
        if (!next) return;
        try {
          store?.setItem(localeKey, next);
        } catch {
          // Not remembered; the switch still happens.
        }
        const pending = root.dataset.cwPending;
        const fresh = render(next, typed(root));
        if (pending) fresh.dataset.cwPending = pending;
        if (pending === 'continue') showWaiting(fresh);
        root.replaceWith(fresh);
        restoreFocus(fresh, { id: ui.id, caret: null });
      });
    }
    for (const [fid, v] of values ?? []) {
      const f = root.querySelector(`#${CSS.escape(fid)}`);
      if (f && typeof v === 'boolean') f.checked = v;
      else if (f) f.value = v;
    }
    // A country kept from earlier typing is named as the app will name it, after the first
    // paint (this runs on the render-blocking path of the standalone page).
    if (intl && country.value) requestAnimationFrame(() => setTimeout(localize, 0));
    if (standalone && c['manage-title'] !== 'false') {
      document.title = screen.title;
      document.documentElement.lang = locale;
    }
    return root;
  };
  // The loading screen has no fields: what was typed early is handed to the app with the rest.
  el.append(render(locale, loading ? [] : early));
  EARLY.set(el, { key: earlyKey, store, values: loading ? early : [] });
  // The first moments after the screen appears are when a user starts typing: the handover
  // waits for a pause from here on too.
  typing();
  warmIntl(SCREENS[locale].bcp47);
}

/** Resolves at a moment the user is not typing into the screens in `els` (see PAUSE). */
function quietMoment(els) {
  const start = performance.now();
  return new Promise((resolve) => {
    let timer = null;
    const check = () => {
      clearTimeout(timer);
      const now = performance.now();
      const pending = els.some((el) => el.querySelector(':scope > [data-cw-prerendered][data-cw-pending]'));
      if (pending || now - lastInput >= PAUSE || now - start >= PATIENCE) {
        wake = null;
        resolve();
      } else {
        wake = check;
        timer = setTimeout(check, Math.min(lastInput + PAUSE, start + PATIENCE) - now);
      }
    };
    check();
  });
}

/** Once the user pauses (see PAUSE), runs `mount()` (which mounts the app into `els`) and
 * hands each prerendered screen over. */
export async function handover(els, mount) {
  await quietMoment(els);
  // From here the app loads the names itself.
  intlWarm = true;
  const scroll = [scrollX, scrollY];
  const states = els.map((el) => {
    const root = el.querySelector(':scope > [data-cw-prerendered]');
    const early = EARLY.get(el);
    return root && { el, root, early, values: [...(early?.values ?? []), ...typed(root)], focus: focusState(root), pending: root.dataset.cwPending };
  });
  mount();
  for (const s of states) {
    if (!s) continue;
    s.root.remove();
    const app = s.el.querySelector(':scope > .cw-root');
    if (!app) continue;
    // As if typed: the app's own input and change handlers put each value into the draft.
    for (const [fid, v] of s.values) {
      const f = app.querySelector(`#${CSS.escape(fid)}`);
      if (!f) continue;
      if (typeof v === 'boolean') {
        f.checked = v;
        f.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        f.value = v;
        f.dispatchEvent(new Event(f.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
      }
    }
    restoreFocus(app, s.focus);
    // In the app's draft now (saved by the app, also when the page goes away at once).
    try {
      s.early?.store?.removeItem(s.early.key);
    } catch {
      // Nothing was kept.
    }
    if (s.pending) {
      // After the app's first effects (e.g. the domain check starting), as a press would be.
      const form = app.querySelector('form');
      const cancel = app.querySelector('.cw-nav__cancel');
      setTimeout(() => {
        if (s.pending === 'cancel') cancel?.isConnected && cancel.click();
        else form?.isConnected && form.requestSubmit();
      }, 0);
    }
  }
  if (scrollX !== scroll[0] || scrollY !== scroll[1]) scrollTo(scroll[0], scroll[1]);
}

// The standalone page (index.html names itself): the screen goes in before the first paint
// (this module is render-blocking there).
if (document.querySelector('meta[name="customer-wizard"][content="standalone"]')) {
  const page = document.getElementById('customer-wizard');
  if (page) show(page, true);
}
