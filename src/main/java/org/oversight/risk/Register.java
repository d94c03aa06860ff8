package org.oversight.risk;

/**
 * A risk register: the corporate one, a directorate's, a division's or a project's; {@code unit} is the part of the council
 * it is the register of, by the structure's name (none for the corporate register and a project's).
 */
public record Register(Long id, String code, String name, Long parentId, Level level, String unit, RiskMatrix matrix, int version) {

    public enum Level { CORPORATE, DIRECTORATE, DIVISION, PROJECT }
}
