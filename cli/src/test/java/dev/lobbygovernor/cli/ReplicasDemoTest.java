package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code demo replicas} on an embedded PostgreSQL: the shared ledger holds, deciding alone does not. */
class ReplicasDemoTest {

    @Test
    void showsTheSharedLedgerHoldingTheCapBesideTheOvershootWithoutIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        int code = new Main(out, out, Map.of()).run("demo", "replicas", "--rounds", "15");

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).contains("embedded PostgreSQL")
                .containsPattern("with the shared ledger \\(JdbcAdmissionLedger\\): +most lobbies running 5/5, "
                        + "races over the cap: 0 of 15")
                // usually over the cap in 15 races; ReplicaRaceTest proves that it can be
                .containsPattern("deciding alone \\(in-process ledger\\): +most lobbies running [5-9]/5")
                .contains("the shared ledger never went over the cap");
    }

    @Test
    void refusesNonsenseCountsAsAUsageError() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        assertThat(new Main(out, out, Map.of()).run("demo", "replicas", "--free", "9")).isEqualTo(ExitCode.USAGE);
    }
}
