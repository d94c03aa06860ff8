package org.oversight.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The packaged jar, run as its own process the way an operator runs it. */
final class Launch {

    private Launch() {
    }

    static ProcessBuilder java(String... args) {
        return sized("512m", args);
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

    /** {@code oversight serve} once, to its first answer, then stopped: the schema (and with a data folder, the demo) in place. */
    static void serveOnce(int port, String log, String... options) throws IOException, InterruptedException {
        String[] args = new String[options.length + 3];
        args[0] = "serve";
        args[1] = "--port";
        args[2] = String.valueOf(port);
        System.arraycopy(options, 0, args, 3, options.length);
        Process app = java(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new java.io.File(log))).start();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/login")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        app.destroy();
        app.waitFor();
    }

    /** {@code oversight token USER} against the test's external database: the token it prints. */
    static String token(EmbeddedPostgres pg, String user) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("oversight-it-data");
        return run("token", user, "--data", data.toString(), "--database-url", pg.getJdbcUrl("postgres", "postgres"),
                "--database-user", "postgres", "--database-password", "");
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
