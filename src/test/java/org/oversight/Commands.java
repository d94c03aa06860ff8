package org.oversight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;

/**
 * The {@code oversight} commands run in this JVM through the jar's own entry point ({@link Launcher}),
 * standard output and error kept apart as an operator's shell keeps them: the commands' behaviour
 * without a cold JVM start for each.
 */
public final class Commands {

    private Commands() {
    }

    public record Result(int status, String out, String err) {
    }

    public static synchronized Result attempt(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Integer status = Launcher.run(args, OversightApplication.class);
            return new Result(status, out.toString(StandardCharsets.UTF_8).strip(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    /** Runs a command to its end; its standard output, or a failure with what it printed. */
    public static String run(String... args) {
        Result r = attempt(args);
        if (r.status() != 0) {
            throw new IllegalStateException("oversight " + String.join(" ", args) + " failed: " + r.err());
        }
        return r.out();
    }

    /**
     * {@code oversight serve} started and stopped, with the settings its options give ({@code --oversight.data=DIR},
     * {@code --spring.datasource.url=URL}, ...): the schema, and unless switched off the demo and its papers, in place.
     */
    public static void serveOnce(String... settings) {
        String[] args = Arrays.copyOf(settings, settings.length + 2);
        args[settings.length] = "--server.port=0";
        args[settings.length + 1] = "--server.address=127.0.0.1";
        SpringApplication.run(OversightApplication.class, args).close();
    }

    /** {@code oversight token USER} against an external database: the token it prints. */
    public static String token(String user, String url) throws IOException {
        Path data = Files.createTempDirectory("oversight-it-data");
        return run("token", user, "--data", data.toString(), "--database-url", url, "--database-user", "postgres", "--database-password", "");
    }
}
