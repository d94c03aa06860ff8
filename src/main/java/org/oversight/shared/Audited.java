package org.oversight.shared;

/**
 * A change to a record as the audit trail keeps it: published as it is for plain edits, or made by
 * a module's domain event ({@link Recorded}); the platform writes it in the same transaction.
 *
 * @param recordId for records that belong to another, 'owner:key' (an indicator's figure for
 *                 January 2019 is '7:2019-01'), so a record's history includes its parts
 */
public record Audited(Action action, String recordType, String recordId, String summary, Object before, Object after) implements Recorded {

    /** A plain change (a record created or edited) is its own audit record. */
    @Override
    public Audited audited() {
        return this;
    }

    public enum Action { CREATE, UPDATE, DELETE, IMPORT, PUBLISH, SIGN_IN, SIGN_IN_FAILED, RESTORE }
}
