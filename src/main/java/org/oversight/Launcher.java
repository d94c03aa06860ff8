package org.oversight;

import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.YearMonth;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import ch.qos.logback.classic.Level;
import org.oversight.finance.BudgetCommand;
import org.oversight.finance.UpliftCommand;
import org.oversight.performance.DelaysCommand;
import org.oversight.performance.ImportCommand;
import org.oversight.performance.ScoreCommand;
import org.oversight.publishing.ReportCommand;
import org.oversight.publishing.ScorecardAudit;
import org.oversight.platform.ApiTokens;
import org.oversight.platform.CommandDatabase;
import org.oversight.platform.DatabaseBackup;
import org.oversight.risk.RiskProfileCommand;
import org.oversight.shared.Dates;
import org.oversight.shared.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The one entry point: {@code serve} (the default) starts the web app; the stateless commands
 * read a file, print JSON on standard output and never start the application context.
 */
final class Launcher {

    static final String HELP = """
            Usage: oversight [COMMAND] [OPTIONS]

            Commands:
              serve                 the web app (the default)
                  --port N            HTTP port (default 8080)
                  --data DIR          where the embedded PostgreSQL keeps its data (default ./data)
                  --database-url URL  use this external PostgreSQL instead (jdbc:postgresql://...),
                                      with --database-user and --database-password
                  --no-demo           do not load the demo data into an empty database
              score FILE.csv        rate a scorecard file (RAG, direction of travel) and print JSON
              audit FILE.csv        check a scorecard file for contradictions before it is published; print JSON
              audit --period YYYY-MM [--scope NAME] [--kind KIND]
                                    the same checks on the stored data of a paper (default the month's dashboard)
              report KIND --period YYYY-MM [--scope NAME] [--format pdf|html] --out FILE [--publish [--accept WHY]]
                                    a paper from the stored data: a draft, or published as its next version;
                                    KIND is dashboard, qpr (the quarter ending in or after the month),
                                    exceptions (the month's Red indicators) or risks (--scope names the register)
              import FILE.csv       load a figures file (many indicators and months), all or nothing;
                  --dry-run           check it and print the counts, store nothing
                  (takes --data DIR or --database-url ... like backup; the running app's database is
                   used while it runs)
              risk-profile FILE.csv rate a risk register file (bands, profile, heat map) and print JSON
              budget FILE.csv       check budget monitoring lines (nets, totals, revised variances, movements,
                                    the variance lists) or activity budgets (volume and price variances); print JSON
                  --threshold N       the variance lists' threshold in the file's unit (default 100)
              delays FILE.csv       delayed transfers of care: totals, days attributable to social care, shares; print JSON
                  --population N      the adult population, for the average delayed per day per 100,000
                                      (the file must be of one period)
              uplift FILE.csv --pay P --cpi C
                                    next year's rates and charges from this year's (pay award and CPI in %),
                                    rounded to their multiples, formulas in order; mismatches with `proposed`; print JSON
              backup FILE           copy all data, consistently, into FILE (a zip)
              restore FILE          replace all data with FILE's, in one transaction; a backup whose
                                    signature is not this installation's is refused unless
                  --from-another-installation  is given (its SHA-256 hashes are still checked)
                  (both take --data DIR, default ./data, or --database-url with --database-user and
                   --database-password; a running app's embedded database is used while it runs;
                   the data folder holds the key that signs backups)
              token USER            make a personal API token for USER and print it (for a first script
                                    or CI; users make their own on their account page); takes the
                                    same --data / --database-url options
              help                  this text
            """;

    private Launcher() {
    }

    /** The exit status, or null while the web app runs on. */
    static Integer run(String[] args, Class<?> application) {
        boolean implicitServe = args.length == 0 || (args[0].startsWith("--") && !args[0].equals("--help"));
        String command = implicitServe ? "serve" : args[0];
        List<String> rest = List.of(args).subList(implicitServe ? 0 : 1, args.length);
        try {
            return switch (command) {
                case "serve" -> serve(rest, application);
                case "score" -> print(ScoreCommand.run(Path.of(single(rest, "score FILE.csv"))));
                case "audit" -> rest.contains("--period") ? stored(command, rest, application) : print(ScorecardAudit.run(Path.of(single(rest, "audit FILE.csv"))));
                case "report" -> stored(command, rest, application);
                case "risk-profile" -> print(RiskProfileCommand.run(Path.of(single(rest, "risk-profile FILE.csv"))));
                case "budget" -> budget(rest);
                case "delays" -> delays(rest);
                case "uplift" -> uplift(rest);
                case "backup", "restore", "token", "import" -> database(command, rest);
                case "help", "--help", "-h" -> {
                    System.out.print(HELP);
                    yield 0;
                }
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            System.err.println("oversight: " + e.getMessage());
            System.err.print(HELP);
            return 2;
        } catch (InputException e) {
            // The specs' form for a bad file: "row N, column C: problem".
            System.err.println(e.row() == null ? "oversight: " + e.getMessage()
                    : "row " + e.row() + (e.field() == null ? "" : ", column " + e.field()) + ": " + e.problem());
            return 1;
        } catch (UncheckedIOException e) {
            System.err.println("oversight: cannot read the file: " + e.getCause().getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("oversight: " + command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static int budget(List<String> args) {
        String file = null;
        java.math.BigDecimal threshold = BudgetCommand.THRESHOLD;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--threshold")) {
                String t = value(args, ++i, "--threshold");
                try {
                    threshold = new java.math.BigDecimal(t.strip());
                } catch (NumberFormatException e) {
                    throw new UsageException("--threshold takes a number, such as 100, not '" + t + "'");
                }
                if (threshold.signum() < 0) {
                    throw new UsageException("--threshold is a size: 0 or more");
                }
            } else if (file == null && !args.get(i).startsWith("--")) {
                file = args.get(i);
            } else {
                throw new UsageException("usage: oversight budget FILE.csv [--threshold N]");
            }
        }
        if (file == null) {
            throw new UsageException("usage: oversight budget FILE.csv [--threshold N]");
        }
        return print(BudgetCommand.run(Path.of(file), threshold));
    }

    private static int delays(List<String> args) {
        String usage = "usage: oversight delays FILE.csv [--population N]";
        Map<String, String> options = options(args, usage, "--population");
        return print(DelaysCommand.run(Path.of(options.get("")), options.containsKey("--population") ? number(options.get("--population"), "--population") : null));
    }

    private static int uplift(List<String> args) {
        String usage = "usage: oversight uplift FILE.csv --pay P --cpi C";
        Map<String, String> options = options(args, usage, "--pay", "--cpi");
        if (!options.containsKey("--pay") || !options.containsKey("--cpi")) {
            throw new UsageException(usage + " (both the pay award and CPI, in %)");
        }
        return print(UpliftCommand.run(Path.of(options.get("")), number(options.get("--pay"), "--pay"), number(options.get("--cpi"), "--cpi")));
    }

    /** One file (under "") and the named options, each once with its value; anything else is a usage error. */
    private static Map<String, String> options(List<String> args, String usage, String... names) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String key = List.of(names).contains(a) ? a : a.startsWith("--") ? null : "";
            if (key == null || out.containsKey(key)) {
                throw new UsageException(usage);
            }
            out.put(key, key.isEmpty() ? a : value(args, ++i, a));
        }
        if (!out.containsKey("")) {
            throw new UsageException(usage);
        }
        return out;
    }

    private static java.math.BigDecimal number(String typed, String option) {
        try {
            return new java.math.BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number, such as 2.8, not '" + typed + "'");
        }
    }

    private static int database(String command, List<String> args) throws Exception {
        // A command prints its result; the embedded database's start-up chatter is not part of it.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String file = null;
        String url = null, user = null, password = null, data = "data";
        boolean foreign = false;
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--data" -> data = value(args, ++i, "--data");
                case "--database-url" -> url = value(args, ++i, "--database-url");
                case "--database-user" -> user = value(args, ++i, "--database-user");
                case "--database-password" -> password = value(args, ++i, "--database-password");
                case "--from-another-installation" -> foreign = true;
                case "--dry-run" -> dryRun = true;
                default -> {
                    if (file != null || args.get(i).startsWith("--")) {
                        throw new UsageException("usage: oversight " + command + " FILE [--data DIR | --database-url URL ...]");
                    }
                    file = args.get(i);
                }
            }
        }
        if (file == null) {
            throw new UsageException("usage: oversight " + command + " FILE [--data DIR | --database-url URL ...]");
        }
        CommandDatabase.Target target = new CommandDatabase.Target(url, user, password, Path.of(data));
        if (command.equals("import")) {
            return print(ImportCommand.run(target, Path.of(file), dryRun));
        }
        if (command.equals("token")) {
            // The token is the command's result: standard output, for a script to capture.
            return print(ApiTokens.createFromCommandLine(target, file, "made on the command line"));
        }
        System.err.println(command.equals("backup") ? DatabaseBackup.backup(target, Path.of(file)) : DatabaseBackup.restore(target, Path.of(file), foreign));
        return 0;
    }

    /**
     * {@code report} and {@code audit --period}: the app started for the command on the same
     * database (the running app's, or its data folder's, or an external one), on a port of its own.
     */
    private static int stored(String command, List<String> args, Class<?> application) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        boolean report = command.equals("report");
        String usage = report ? "report dashboard|qpr|exceptions|risks --period YYYY-MM [--scope NAME] [--format pdf|html] --out FILE [--publish [--accept WHY]]"
                : "audit --period YYYY-MM [--scope NAME] [--kind dashboard|qpr|exceptions|risks]";
        String kind = null, period = null, scope = null, format = "pdf", out = null, why = null;
        String url = null, user = null, password = null, data = "data";
        boolean publish = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--period" -> period = value(args, ++i, a);
                case "--scope" -> scope = value(args, ++i, a);
                case "--format" -> format = value(args, ++i, a);
                case "--out" -> out = value(args, ++i, a);
                case "--publish" -> publish = true;
                case "--kind" -> {
                    if (report) {
                        throw new UsageException("usage: oversight " + usage);
                    }
                    kind = value(args, ++i, a);
                }
                case "--accept" -> why = value(args, ++i, a);
                case "--data" -> data = value(args, ++i, a);
                case "--database-url" -> url = value(args, ++i, a);
                case "--database-user" -> user = value(args, ++i, a);
                case "--database-password" -> password = value(args, ++i, a);
                default -> {
                    if (!report || kind != null || a.startsWith("--")) {
                        throw new UsageException("usage: oversight " + usage);
                    }
                    kind = a;
                }
            }
        }
        if (period == null || report && (kind == null || out == null)) {
            throw new UsageException("usage: oversight " + usage);
        }
        YearMonth month;
        try {
            month = Dates.month(period);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--period " + period + " is not a month: write it as 2019-01");
        }
        // Standard output is the command's result: whatever the app logs while it runs goes to standard error.
        PrintStream result = System.out;
        System.setOut(System.err);
        String printed;
        try (CommandDatabase.Connected db = CommandDatabase.connect(new CommandDatabase.Target(url, user, password, Path.of(data)));
             ConfigurableApplicationContext app = new SpringApplicationBuilder(application).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                     .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                             "--oversight.data=" + data, "--oversight.demo=false", "--server.port=0", "--server.address=127.0.0.1",
                             "--logging.level.root=WARN", "--logging.level.io.zonky=ERROR", "--logging.level.org.springdoc=ERROR")) {
            printed = report ? ReportCommand.report(app, kind, month, scope, format, Path.of(out), publish, why) : ReportCommand.audit(app, kind == null ? "dashboard" : kind, month, scope);
        } finally {
            System.setOut(result);
        }
        return print(printed);
    }

    private static int print(String json) {
        PrintStream out = System.out;
        out.println(json);
        out.flush();
        return 0;
    }

    private static String single(List<String> rest, String usage) {
        if (rest.size() != 1) {
            throw new UsageException("usage: oversight " + usage);
        }
        return rest.get(0);
    }

    private static Integer serve(List<String> options, Class<?> application) {
        List<String> springArgs = new ArrayList<>();
        if (!options.contains("--data")) {
            springArgs.add("--oversight.data=data");
        }
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            switch (option) {
                case "--port" -> springArgs.add("--server.port=" + value(options, ++i, option));
                case "--data" -> springArgs.add("--oversight.data=" + value(options, ++i, option));
                case "--database-url" -> springArgs.add("--spring.datasource.url=" + value(options, ++i, option));
                case "--database-user" -> springArgs.add("--spring.datasource.username=" + value(options, ++i, option));
                case "--database-password" -> springArgs.add("--spring.datasource.password=" + value(options, ++i, option));
                case "--no-demo" -> springArgs.add("--oversight.demo=false");
                default -> throw new UsageException("unknown option '" + option + "' for serve");
            }
        }
        SpringApplication.run(application, springArgs.toArray(String[]::new));
        return null;
    }

    private static String value(List<String> options, int i, String option) {
        if (i >= options.size()) {
            throw new UsageException(option + " needs a value");
        }
        return options.get(i);
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
