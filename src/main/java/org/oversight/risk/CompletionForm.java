package org.oversight.risk;

/** An action marked completed, against the version of it read, so that a stale page does not complete it twice. */
class CompletionForm {

    public int version;
}
