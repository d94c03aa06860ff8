package org.oversight.delays;

/** A trust or one of its hospital sites, as the files of delayed days name it. */
record Organisation(long id, String name) {
}
