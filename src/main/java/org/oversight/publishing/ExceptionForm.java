package org.oversight.publishing;

import java.time.LocalDate;

/**
 * A Red indicator's exception for the month, one form for each on the exception report's page: why it is Red, what
 * action, who owns it and by when; or (the performance team) its waiver with why. Against the version read, -1 for none yet.
 */
class ExceptionForm {

    /** The directorate the report is for; none for the whole council. */
    public String scope;
    public String why;
    public String action;
    public LocalDate due;
    public String owner;
    public boolean waived;
    public String waiver;
    public int version = -1;
}
