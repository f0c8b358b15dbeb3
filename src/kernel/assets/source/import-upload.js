// Uploads in the browser (police.uk imports, panel papers, population figures and series): sends a chosen file
// to Peelian as the request body, with the form's other fields in the query string, then opens the page the
// answer names or, for imports, follows the import run's progress. A refusal lists each problem the answer
// names (a CSV file's line and column, say) in the error summary. A module of its own, loaded only by the upload and run pages (the
// Content-Security-Policy allows no inline script). Without JavaScript the import forms stay hidden and the
// run page offers a link to refresh; the panel papers' form is shown and posts as a plain multipart form. Its
// CSRF field stays out of the query string: the request carries the token in its header.

const uploadForm = document.querySelector('[data-peelian-upload]');
if (uploadForm instanceof HTMLFormElement) setUpUpload(uploadForm);

const runStatus = document.querySelector('[data-peelian-run-status]');
if (runStatus instanceof HTMLElement && runStatus.dataset.done !== 'true') followRun(runStatus);

function setUpUpload(form) {
  form.hidden = false;
  const input = form.querySelector('input[type="file"]');
  const button = form.querySelector('[data-upload-button]');
  const message = form.querySelector('[data-upload-status]');
  const summary = document.querySelector('[data-upload-error]');
  const firstItem = document.querySelector('[data-upload-error-text]').closest('li');
  const summaryList = firstItem.parentElement;
  const itemTemplate = firstItem.cloneNode(true);
  const title = document.title;

  /** Lists the problems, each linked to its field when the form has one by that id, else to the file. */
  function showErrors(problems) {
    summaryList.replaceChildren(
      ...problems.map(({ field, message }) => {
        const item = itemTemplate.cloneNode(true);
        const link = item.querySelector('[data-upload-error-text]');
        const target = field ? form.querySelector(`#${CSS.escape(field)}`) : null;
        link.textContent = target || !field ? message : `${field}: ${message}`;
        if (target) link.setAttribute('href', `#${field}`);
        return item;
      }),
    );
    summary.hidden = false;
    document.title = `Error: ${title}`;
    summary.focus();
  }

  function problemsOf(answer, status) {
    if (Array.isArray(answer.fields) && answer.fields.length > 0) return answer.fields;
    return [{ message: answer.error ?? `The upload failed (status ${status}).` }];
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) {
      showErrors([{ message: 'Choose a file to upload' }]);
      return;
    }
    summary.hidden = true;
    document.title = title;
    button.disabled = true;
    message.textContent = `Uploading ${file.name}…`;
    const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
    try {
      // The file is the body, so the form's other fields (if any) travel in the query string.
      const query = new URLSearchParams({ name: file.name });
      for (const [field, value] of new FormData(form))
        if (typeof value === 'string' && field !== '_csrf') query.append(field, value);
      const response = await fetch(`${form.action}?${query}`, {
        method: 'POST',
        body: file,
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/octet-stream',
          'X-CSRF-Token': token,
          Accept: 'application/json',
        },
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        message.textContent = 'Uploaded. Opening the next page…';
        window.location.assign(answer.page);
        return;
      }
      message.textContent = '';
      button.disabled = false;
      showErrors(problemsOf(answer, response.status));
    } catch (error) {
      message.textContent = '';
      button.disabled = false;
      showErrors([{ message: error instanceof Error ? error.message : String(error) }]);
    }
  });
}

function followRun(container) {
  const url = container.dataset.peelianRunStatus;
  const bar = container.querySelector('progress');
  const text = container.querySelector('[role="status"]');
  async function tick() {
    try {
      const response = await fetch(url, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (response.ok) {
        const run = await response.json();
        bar.value = run.progress.percent;
        bar.textContent = `${run.progress.percent}%`;
        if (text.textContent !== run.progress.text) text.textContent = run.progress.text;
        if (run.progress.done) {
          // The finished run's page lists every file, checksum and rejected row.
          window.location.reload();
          return;
        }
      }
    } catch {
      // A dropped request is tried again on the next tick.
    }
    window.setTimeout(tick, 1000);
  }
  window.setTimeout(tick, 1000);
}
