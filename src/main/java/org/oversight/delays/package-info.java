/**
 * Delayed transfers of care: the days people ready to leave hospital waited, by organisation (a trust or one of its sites), month
 * or week, and the body responsible; loaded from files all or nothing, against the year's adult population and the Better Care
 * Fund targets, monthly and weekly, and the {@code delays} command. It writes the figures of the indicators it feeds through the
 * performance module's API ({@code FedFigures}), and gives a directorate's sheet its latest month ({@link org.oversight.delays.DirectorateDelays}).
 */
package org.oversight.delays;
