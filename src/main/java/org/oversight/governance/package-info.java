/**
 * Governance: committees and their members, meetings and their agendas, with the performance and
 * risk papers attached as standing items from what the publishing module has published; public
 * pages and calendar feeds.
 */
package org.oversight.governance;
