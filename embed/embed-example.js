// The example host's own script: shows the wizard's events as they arrive.
const log = document.getElementById('portal-events');
for (const name of ['cw-step-change', 'cw-draft-saved', 'cw-submitted', 'cw-cancel', 'cw-error']) {
  document.addEventListener(name, (e) => {
    // Draft saves come often: keep one line for a run of them.
    if (name === 'cw-draft-saved' && log.lastElementChild?.dataset.name === name) return;
    const li = document.createElement('li');
    li.dataset.name = name;
    li.textContent = `${name} ${JSON.stringify(e.detail)}`;
    log.append(li);
  });
}
