package org.oversight.shared;

/** A stale edit: someone else saved the record since it was read. Nothing was written. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
