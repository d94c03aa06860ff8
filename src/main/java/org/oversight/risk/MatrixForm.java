package org.oversight.risk;

import jakarta.validation.constraints.NotNull;

/** New band cut-offs for a register's matrix: scores up to lowUpTo are low, up to mediumUpTo medium, the rest high. */
class MatrixForm {

    @NotNull(message = "Enter the highest score that is Low, such as 6")
    public Integer lowUpTo;
    @NotNull(message = "Enter the highest score that is Medium, such as 12")
    public Integer mediumUpTo;
    public int version;
}
