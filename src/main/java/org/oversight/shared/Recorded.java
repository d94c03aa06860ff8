package org.oversight.shared;

/**
 * A domain event the audit trail keeps. The event says what happened in its own terms, for the
 * modules that listen to it; {@link #audited()} is how the trail records it. Published in the
 * transaction that made the change, so the change and its record stand or fall together.
 */
public interface Recorded {

    Audited audited();
}
