package org.oversight.risk;

import java.util.List;
import java.util.Map;

import org.oversight.shared.Audited;
import org.oversight.shared.Recorded;

/** A risk register file was loaded into a register: the file (name, size, SHA-256) and each risk before and after. */
public record RegisterLoaded(String register, String registerName, String file, long bytes, String sha256, List<Map<String, Object>> risks)
        implements Recorded {

    @Override
    public Audited audited() {
        return new Audited(Audited.Action.IMPORT, "risk-register", register, "Register file " + file + " loaded into " + registerName + ": "
                + risks.size() + " risks", null, Map.of("file", file, "bytes", bytes, "sha256", sha256, "risks", risks));
    }
}
