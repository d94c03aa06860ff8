// Enhancement only: every page works without it. govuk-frontend's components (the menu button on a
// narrow screen, the error summary taking focus, conditional reveals) come alive when it runs.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

enhance();

/** Everything the script adds to a page; run again on the page an upload answers with. */
function enhance() {
    document.body.classList.add('js-enabled', 'govuk-frontend-supported');
    initAll();
    sortableTables();
    uploadProgress();
    // Where a box scrolls sideways through time, it opens on the latest month (the one the page is about).
    document.querySelectorAll('[data-scroll=end]').forEach(box => box.scrollLeft = box.scrollWidth);
}

// Sortable tables: a table marked data-sortable gets a button in each header that has aria-sort.
// A cell's data-sort-value (a number, a date, a rating's rank) is used before its text; numbers sort
// as numbers and blanks go last. Without script the table keeps the order the server gave it.
function sortableTables() {
for (const table of document.querySelectorAll('table[data-sortable]')) {
    const headers = [...table.tHead.rows[0].cells];
    headers.forEach((th, column) => {
        if (!th.hasAttribute('aria-sort')) {
            return;
        }
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'oversight-sort';
        button.textContent = th.textContent.trim();
        th.replaceChildren(button);
        button.addEventListener('click', () => {
            const ascending = th.getAttribute('aria-sort') !== 'ascending';
            headers.filter(h => h.hasAttribute('aria-sort')).forEach(h => h.setAttribute('aria-sort', 'none'));
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            const key = row => {
                const cell = row.cells[column];
                const text = (cell?.dataset.sortValue ?? cell?.textContent ?? '').trim();
                if (text === '' || text === '–' || text === 'N/A') {
                    return null;
                }
                const number = Number(text.replace(/[,%£]/g, ''));
                return Number.isNaN(number) ? text.toLowerCase() : number;
            };
            const body = table.tBodies[0];
            const rows = [...body.rows].map(row => [key(row), row]);
            rows.sort(([a], [b]) => {
                if (a === null || b === null) {
                    return a === b ? 0 : a === null ? 1 : -1;
                }
                const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en', {numeric: true});
                return ascending ? order : -order;
            });
            body.append(...rows.map(([, row]) => row));
        });
    });
}
}

// Upload progress: a form marked data-upload-progress sends its file by XMLHttpRequest so the page
// can say how much has gone ('Uploading figures.csv: 45% of 38.2 MB'), then how the server is
// getting on, and shows the server's answer as the browser would have. Without script the form
// posts as usual.
function uploadProgress() {
for (const form of document.querySelectorAll('form[data-upload-progress]')) {
    form.addEventListener('submit', event => {
        const file = form.querySelector('input[type=file]')?.files?.[0];
        const panel = form.querySelector('.oversight-upload');
        if (!file || !panel) {
            return;
        }
        event.preventDefault();
        const bar = panel.querySelector('progress');
        const status = panel.querySelector('[role=status]');
        const buttons = form.querySelectorAll('button');
        const size = file.size >= 1048576 ? (file.size / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(file.size / 1024)) + ' KB';
        panel.hidden = false;
        buttons.forEach(b => b.disabled = true);
        status.textContent = `Uploading ${file.name} (${size})`;
        const request = new XMLHttpRequest();
        request.open('POST', form.action);
        request.upload.addEventListener('progress', e => {
            if (e.lengthComputable) {
                const percent = Math.floor(e.loaded / e.total * 100);
                bar.value = percent;
                status.textContent = `Uploading ${file.name}: ${percent}% of ${size}`;
            }
        });
        request.upload.addEventListener('load', () => {
            bar.removeAttribute('value');
            status.textContent = `Uploaded ${file.name}. Checking every row before anything is saved…`;
        });
        request.addEventListener('load', () => {
            // The server's answer (the preview, or the form with its errors) replaces the page, as a plain post would.
            const page = new DOMParser().parseFromString(request.responseText, 'text/html');
            if (request.responseURL && request.responseURL !== location.href) {
                history.replaceState(null, '', request.responseURL);
            }
            document.title = page.title;
            document.body.replaceWith(page.body);
            window.scrollTo(0, 0);
            enhance();
            // The error summary takes focus itself (govuk-frontend); otherwise the new page's heading does.
            const heading = document.getElementById('error-summary') ? null : document.querySelector('h1');
            if (heading) {
                heading.tabIndex = -1;
                heading.focus();
            }
        });
        request.addEventListener('error', () => {
            buttons.forEach(b => b.disabled = false);
            status.textContent = `${file.name} could not be sent: the connection failed. Nothing was loaded. Try again.`;
        });
        request.send(new FormData(form));
    });
}
}
