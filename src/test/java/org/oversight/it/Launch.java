package org.oversight.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The packaged jar, run as its own process the way an operator runs it. */
final class Launch {

    private Launch() {
    }

    /**
     * The app as a server, started again and again by the kill tests. Only the quick compiler (C1): a start is
     * mostly code run once, and the optimising compiler's threads would take the cores the start itself needs.
     */
    static ProcessBuilder java(String... args) {
        ProcessBuilder pb = sized("512m", args);
        pb.command().add(1, "-XX:TieredStopAtLevel=1");
        return pb;
    }

    /** The jar with this much heap at most (an out-of-memory there fails the command). */
    static ProcessBuilder sized(String heap, String... args) {
        Path jar = Path.of("target", "oversight.jar").toAbsolutePath();
        String[] command = new String[args.length + 4];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-Xmx" + heap;
        command[2] = "-jar";
        command[3] = jar.toString();
        System.arraycopy(args, 0, command, 4, args.length);
        return new ProcessBuilder(command);
    }

    /** Runs a command to its end; its standard output, or a failure with what it printed. */
    static String run(String... args) throws IOException, InterruptedException {
        Result r = attempt("512m", args);
        if (r.status() != 0) {
            throw new IllegalStateException("oversight " + String.join(" ", args) + " failed: " + r.err());
        }
        return r.out();
    }

    record Result(int status, String out, String err) {
    }

    static Result attempt(String heap, String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile("oversight-it", ".err");
        Process p = sized(heap, args).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int status = p.waitFor();
        return new Result(status, out, Files.readString(err));
    }
}
