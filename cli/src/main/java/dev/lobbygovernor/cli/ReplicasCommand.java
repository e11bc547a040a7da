package dev.lobbygovernor.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo replicas}: control-plane replicas sharing one PostgreSQL race for a host's last
 * slots, first with the shared ledger, then with each replica deciding alone, side by side.
 * Exits 0 only if the shared ledger never let the host go over its cap.
 */
@Command(name = "replicas",
        description = {"Race several governors sharing one PostgreSQL (embedded, or "
                + "LOBBY_GOVERNOR_PG_URL) for a host's last slots, with the shared ledger and without it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.OK_LINE, ExitCode.USAGE_LINE, ExitCode.FAILED_LINE})
final class ReplicasCommand implements Callable<Integer> {

    /** Where an external PostgreSQL is named instead of the embedded one. */
    static final String URL_ENV = "LOBBY_GOVERNOR_PG_URL";

    private final PrintStream out;
    private final String externalUrl;

    @Mixin
    HelpOption help;

    @Option(names = "--replicas", defaultValue = "4", paramLabel = "N",
            description = "governors racing, each with its own connection pool (default: ${DEFAULT-VALUE})")
    int replicas;

    @Option(names = "--rounds", defaultValue = "20", paramLabel = "N",
            description = "races per side (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--free", defaultValue = "2", paramLabel = "N",
            description = "slots left free before each race (default: ${DEFAULT-VALUE})")
    int free;

    ReplicasCommand(PrintStream out, String externalUrl) {
        this.out = out;
        this.externalUrl = externalUrl;
    }

    @Override
    public Integer call() {
        if (replicas < 2 || rounds < 1 || free < 1 || free > ReplicaRace.CAP) {
            out.println("demo replicas: needs --replicas of 2 or more, --rounds of 1 or more and --free from 1 to "
                    + ReplicaRace.CAP);
            return ExitCode.USAGE;
        }
        EmbeddedPostgres embedded = null;
        try {
            String url = externalUrl;
            String where = "PostgreSQL from " + URL_ENV;
            if (url == null || url.isBlank()) {
                embedded = EmbeddedPostgres.builder().start();
                url = embedded.getJdbcUrl("postgres", "postgres");
                where = "embedded PostgreSQL on port " + embedded.getPort();
            }
            out.printf("Lobby Governor demo: %d control-plane replicas, each with its own connection pool to one %s,%n"
                    + "race for a Wolf host's last %d of %d slots; Wolf lists a new lobby %d ms late, so no replica%n"
                    + "sees the others' lobbies in a listing. %d races a side.%n%n",
                    replicas, where, free, ReplicaRace.CAP, ReplicaRace.LISTING_DELAY.toMillis(), rounds);
            try (ReplicaRace race = new ReplicaRace(url, replicas)) {
                ReplicaRace.Result shared = race.run(rounds, free, true);
                ReplicaRace.Result alone = race.run(rounds, free, false);
                line("with the shared ledger (JdbcAdmissionLedger)", shared);
                line("each replica deciding alone (in-process ledger)", alone);
                out.println();
                boolean held = shared.overAdmissions() == 0;
                out.println(held ? "demo replicas: the shared ledger never went over the cap"
                        : "demo replicas: FAILED: the shared ledger went over the cap");
                return held ? ExitCode.OK : ExitCode.FAILED;
            }
        } catch (Exception e) {
            out.println("demo replicas failed: " + e);
            return ExitCode.FAILED;
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    out.println("could not stop the embedded PostgreSQL: " + e.getMessage());
                }
            }
        }
    }

    private void line(String label, ReplicaRace.Result r) {
        out.printf("%-50s most lobbies running %d/%d, races over the cap: %d of %d%n", label + ":", r.worst(),
                ReplicaRace.CAP, r.overAdmissions(), r.trials().size());
    }
}
