package org.oversight.risk;

import jakarta.validation.constraints.NotNull;

/** New band cut-offs for a register's matrix: scores up to lowUpTo are low, up to mediumUpTo medium, the rest high. */
class MatrixForm {

    @NotNull(message = "Give the highest low score")
    public Integer lowUpTo;
    @NotNull(message = "Give the highest medium score")
    public Integer mediumUpTo;
    public int version;
}
