package org.oversight.risk;

/** A risk closed, with why, against the version of the risk read: from the risk's sheet. */
class ClosureForm {

    public String reason;
    public int version;
}
