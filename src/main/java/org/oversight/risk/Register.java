package org.oversight.risk;

/** A risk register: the corporate one, a directorate's, a division's or a project's. */
public record Register(Long id, String code, String name, Long parentId, Level level, RiskMatrix matrix, int version) {

    public enum Level { CORPORATE, DIRECTORATE, DIVISION, PROJECT }
}
