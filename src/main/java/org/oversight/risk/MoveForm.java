package org.oversight.risk;

/** A risk moved to another register, with why, against the version of the risk read: from the risk's sheet. */
class MoveForm {

    /** The code of the register it goes to. */
    public String register;
    public String reason;
    public int version;
}
