package org.oversight;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import ch.qos.logback.classic.Level;
import org.oversight.delays.DelaysCommand;
import org.oversight.finance.BudgetCommand;
import org.oversight.finance.UpliftCommand;
import org.oversight.performance.ImportCommand;
import org.oversight.performance.ScoreCommand;
import org.oversight.platform.ApiTokens;
import org.oversight.platform.CommandDatabase;
import org.oversight.platform.DatabaseBackup;
import org.oversight.publishing.ReportCommand;
import org.oversight.publishing.ScorecardAudit;
import org.oversight.risk.RiskProfileCommand;
import org.oversight.shared.Dates;
import org.oversight.shared.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one entry point: {@code serve} (the default) starts the web app; the stateless commands
 * read a file, print JSON on standard output and never start the application context. picocli
 * reads the arguments into each command's method; the help text, each command's usage line
 * ({@code customSynopsis}) and the exit statuses (2 for a usage error, 1 for a bad file or a
 * failure) are what scripts know, so they stay as they were written before it.
 */
@Command(name = "oversight")
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

    private final Class<?> application;
    private boolean serving;
    @Spec
    private CommandSpec spec;

    private Launcher(Class<?> application) {
        this.application = application;
    }

    /** The exit status, or null while the web app runs on. */
    static Integer run(String[] args, Class<?> application) {
        if (args.length > 0 && List.of("help", "--help", "-h").contains(args[0])) {
            System.out.print(HELP);
            return 0;
        }
        Launcher launcher = new Launcher(application);
        // As before picocli: a file named @x is that file, and an option's value is the word after it, whatever it looks like.
        CommandLine cli = new CommandLine(launcher).setExpandAtFiles(false).setAllowOptionsAsOptionParameters(true)
                .setParameterExceptionHandler((e, parsed) -> usageError(message(e, args)))
                .setExecutionExceptionHandler((e, command, parsed) -> failed(e, command));
        // Options alone, or nothing at all, are serve's.
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length == 0 || args[0].startsWith("--")) {
            all.add(0, "serve");
        }
        int status = cli.execute(all.toArray(String[]::new));
        return launcher.serving ? null : status;
    }

    @Command(name = "serve")
    int serve(@Mixin Database db, @Option(names = "--port") String port, @Option(names = "--no-demo") boolean noDemo) {
        List<String> spring = new ArrayList<>(List.of("--oversight.data=" + db.data));
        String[][] given = {{"server.port", port}, {"spring.datasource.url", db.url}, {"spring.datasource.username", db.user},
                {"spring.datasource.password", db.password}, {"oversight.demo", noDemo ? "false" : null}};
        for (String[] property : given) {
            if (property[1] != null) {
                spring.add("--" + property[0] + "=" + property[1]);
            }
        }
        SpringApplication.run(application, spring.toArray(String[]::new));
        serving = true;
        return 0;
    }

    @Command(name = "score", customSynopsis = "score FILE.csv")
    int score(@Parameters(paramLabel = "FILE") Path file) {
        return print(ScoreCommand.run(file));
    }

    @Command(name = "audit", customSynopsis = {"audit FILE.csv", "audit --period YYYY-MM [--scope NAME] [--kind dashboard|qpr|exceptions|risks]"})
    int audit(@Parameters(paramLabel = "FILE", arity = "0..1") Path file, @Option(names = "--period") String period,
              @Option(names = "--scope") String scope, @Option(names = "--kind", defaultValue = "dashboard") String kind, @Mixin Database db) throws Exception {
        if (period == null) {
            if (file == null || !spec.subcommands().get("audit").getParseResult().matchedOptions().isEmpty()) {
                throw usage("audit", false);
            }
            return print(ScorecardAudit.run(file));
        }
        if (file != null) {
            throw usage("audit", true);
        }
        return stored(db, period, (app, month) -> ReportCommand.audit(app, kind, month, scope));
    }

    @Command(name = "report", customSynopsis = "report dashboard|qpr|exceptions|risks --period YYYY-MM [--scope NAME] [--format pdf|html] --out FILE [--publish [--accept WHY]]")
    int report(@Parameters(paramLabel = "KIND") String kind, @Option(names = "--period") String period, @Option(names = "--scope") String scope,
               @Option(names = "--format", defaultValue = "pdf") String format, @Option(names = "--out") String out,
               @Option(names = "--publish") boolean publish, @Option(names = "--accept") String why, @Mixin Database db) throws Exception {
        if (period == null || out == null) {
            throw usage("report", false);
        }
        return stored(db, period, (app, month) -> ReportCommand.report(app, kind, month, scope, format, Path.of(out), publish, why));
    }

    @Command(name = "risk-profile", customSynopsis = "risk-profile FILE.csv")
    int riskProfile(@Parameters(paramLabel = "FILE") Path file) {
        return print(RiskProfileCommand.run(file));
    }

    @Command(name = "budget", customSynopsis = "budget FILE.csv [--threshold N]")
    int budget(@Parameters(paramLabel = "FILE") Path file, @Option(names = "--threshold") String threshold) {
        BigDecimal size = threshold == null ? BudgetCommand.THRESHOLD : number(threshold, "--threshold", "100");
        if (size.signum() < 0) {
            throw new UsageException("--threshold is a size: 0 or more");
        }
        return print(BudgetCommand.run(file, size));
    }

    @Command(name = "delays", customSynopsis = "delays FILE.csv [--population N]")
    int delays(@Parameters(paramLabel = "FILE") Path file, @Option(names = "--population") String population) {
        return print(DelaysCommand.run(file, population == null ? null : number(population, "--population", "2.8")));
    }

    @Command(name = "uplift", customSynopsis = "uplift FILE.csv --pay P --cpi C")
    int uplift(@Parameters(paramLabel = "FILE") Path file, @Option(names = "--pay") String pay, @Option(names = "--cpi") String cpi) {
        if (pay == null || cpi == null) {
            throw new UsageException(usage("uplift", false).getMessage() + " (both the pay award and CPI, in %)");
        }
        return print(UpliftCommand.run(file, number(pay, "--pay", "2.8"), number(cpi, "--cpi", "2.8")));
    }

    @Command(name = "import", customSynopsis = "import FILE [--data DIR | --database-url URL ...]")
    int importFigures(@Parameters(paramLabel = "FILE") Path file, @Option(names = "--dry-run") boolean dryRun, @Mixin Database db) throws Exception {
        quiet();
        return print(ImportCommand.run(db.target(), file, dryRun));
    }

    @Command(name = "backup", customSynopsis = "backup FILE [--data DIR | --database-url URL ...]")
    int backup(@Parameters(paramLabel = "FILE") Path file, @Mixin Database db) throws Exception {
        quiet();
        System.err.println(DatabaseBackup.backup(db.target(), file));
        return 0;
    }

    @Command(name = "restore", customSynopsis = "restore FILE [--data DIR | --database-url URL ...]")
    int restore(@Parameters(paramLabel = "FILE") Path file, @Option(names = "--from-another-installation") boolean foreign, @Mixin Database db)
            throws Exception {
        quiet();
        System.err.println(DatabaseBackup.restore(db.target(), file, foreign));
        return 0;
    }

    @Command(name = "token", customSynopsis = "token FILE [--data DIR | --database-url URL ...]")
    int token(@Parameters(paramLabel = "USER") String user, @Mixin Database db) throws Exception {
        quiet();
        // The token is the command's result: standard output, for a script to capture.
        return print(ApiTokens.createFromCommandLine(db.target(), user, "made on the command line"));
    }

    /** Where a command finds the installation's database: its data folder, or an external PostgreSQL. */
    static final class Database {
        @Option(names = "--data", defaultValue = "data") String data;
        @Option(names = "--database-url") String url;
        @Option(names = "--database-user") String user;
        @Option(names = "--database-password") String password;

        CommandDatabase.Target target() {
            return new CommandDatabase.Target(url, user, password, Path.of(data));
        }
    }

    /**
     * {@code report} and {@code audit --period}: the app started for the command on the same
     * database (the running app's, or its data folder's, or an external one), on a port of its own.
     */
    private int stored(Database db, String period, BiFunction<ApplicationContext, YearMonth, String> command) throws Exception {
        YearMonth month;
        try {
            month = Dates.month(period);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--period " + period + " is not a month: write it as 2019-01");
        }
        quiet();
        // Standard output is the command's result: whatever the app logs while it runs goes to standard error.
        PrintStream result = System.out;
        System.setOut(System.err);
        String printed;
        try (CommandDatabase.Connected connected = CommandDatabase.connect(db.target());
             ConfigurableApplicationContext app = new SpringApplicationBuilder(application).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                     .run("--spring.datasource.url=" + connected.url(), "--spring.datasource.username=" + connected.user(),
                             "--spring.datasource.password=" + connected.password(), "--oversight.data=" + db.data, "--oversight.demo=false",
                             "--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN", "--logging.level.io.zonky=ERROR",
                             "--logging.level.org.springdoc=ERROR")) {
            printed = command.apply(app, month);
        } finally {
            System.setOut(result);
        }
        return print(printed);
    }

    /** The hand-written parser's messages, which scripts may read, for what picocli refuses. */
    private static String message(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (command.getParent() == null) {
            return "unknown command '" + args[0] + "'";
        }
        if (e instanceof MissingParameterException m && m.getMissing().get(0) instanceof OptionSpec option) {
            return option.longestName() + " needs a value";
        }
        if (command.getCommandName().equals("serve")) {
            return e instanceof UnmatchedArgumentException u ? "unknown option '" + u.getUnmatched().get(0) + "' for serve" : e.getMessage();
        }
        return usage(command, List.of(args).contains("--period")).getMessage();
    }

    private UsageException usage(String command, boolean onStoredData) {
        return usage(spec.subcommands().get(command), onStoredData);
    }

    /** The command's usage line; audit has a second, for its form on the stored data. */
    private static UsageException usage(CommandLine command, boolean onStoredData) {
        String[] lines = command.getCommandSpec().usageMessage().customSynopsis();
        return new UsageException("usage: oversight " + lines[onStoredData && lines.length > 1 ? 1 : 0]);
    }

    private static int usageError(String message) {
        System.err.println("oversight: " + message);
        System.err.print(HELP);
        return 2;
    }

    private static int failed(Exception e, CommandLine command) {
        if (e instanceof UsageException) {
            return usageError(e.getMessage());
        }
        if (e instanceof InputException bad) {
            // The specs' form for a bad file: "row N, column C: problem".
            System.err.println(bad.row() == null ? "oversight: " + bad.getMessage()
                    : "row " + bad.row() + (bad.field() == null ? "" : ", column " + bad.field()) + ": " + bad.problem());
        } else if (e instanceof UncheckedIOException io) {
            System.err.println("oversight: cannot read the file: " + io.getCause().getMessage());
        } else {
            System.err.println("oversight: " + command.getCommandName() + " failed: " + e.getMessage());
        }
        return 1;
    }

    private static int print(String result) {
        PrintStream out = System.out;
        out.println(result);
        out.flush();
        return 0;
    }

    private static BigDecimal number(String typed, String option, String example) {
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number, such as " + example + ", not '" + typed + "'");
        }
    }

    /** A command prints its result; the embedded database's start-up chatter is not part of it. */
    private static void quiet() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
