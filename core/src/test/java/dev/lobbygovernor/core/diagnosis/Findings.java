package dev.lobbygovernor.core.diagnosis;

import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.time.Duration;

/** Runs the doctor on a fake tree and picks one check's finding. */
final class Findings {

    /** Generous: a fake tree takes milliseconds, but a loaded build machine is slow. */
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private Findings() {
    }

    static Finding of(FakeNvidiaSystem system, Check check) {
        return GpuDoctor.examine(system.view(), DEADLINE).stream().filter(f -> f.check() == check)
                .findFirst().orElseThrow();
    }
}
