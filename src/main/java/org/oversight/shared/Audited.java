package org.oversight.shared;

/**
 * A change to a record, published by the module that made it; the platform writes it to the
 * audit trail in the same transaction, so a change and its record stand or fall together.
 *
 * @param recordId for records that belong to another, "owner:key" (an indicator's figure for
 *                 January 2019 is "7:2019-01"), so a record's history includes its parts
 */
public record Audited(Action action, String recordType, String recordId, String summary, Object before, Object after) {

    public enum Action { CREATE, UPDATE, DELETE, IMPORT, PUBLISH, SIGN_IN, SIGN_IN_FAILED, RESTORE }
}
