/**
 * Directorates: a page per directorate of the council's structure, on one sheet — its ratings, its register, its budget, its
 * delays and its committees' business — for the public as published, for staff as it stands; and the same as a paper
 * ("directorate summary") that publishing publishes and committees take as a standing item. It reads the other modules'
 * public APIs and nothing depends on it.
 */
package org.oversight.directorates;
