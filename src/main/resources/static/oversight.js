// Enhancement only: every page works without it. govuk-frontend's components (the menu button on a
// narrow screen, the error summary taking focus, conditional reveals) come alive when it runs.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
