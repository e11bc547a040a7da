package dev.lobbygovernor.wolf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Wire values that Wolf may leave out are empty, never null; what it sends is kept. */
class ModelValuesTest {

    @Test
    void dockerRunnerWithoutListsHasEmptyOnesAndKeepsThoseGiven() {
        Runner.Docker bare = new Runner.Docker("n", "img", null, null, null, null, null);
        Runner.Docker full = new Runner.Docker("n", "img", List.of("/a:/b"), List.of("K=v"), List.of("/dev/dri"),
                List.of("8080"), null);

        assertThat(List.of(bare.mounts(), bare.env(), bare.devices(), bare.ports())).allSatisfy(l -> assertThat(l)
                .isEmpty());
        assertThat(full.mounts()).containsExactly("/a:/b");
        assertThat(full.env()).containsExactly("K=v");
        assertThat(full.devices()).containsExactly("/dev/dri");
        assertThat(full.ports()).containsExactly("8080");
    }

    @Test
    void appsReplyWithoutAppsHasNoneAndKeepsThoseGiven() {
        App app = new App("1", "Desktop", false, null, null, false, false, null);

        assertThat(new AppsReply(true, null).apps()).isEmpty();
        assertThat(new AppsReply(true, List.of(app)).apps()).containsExactly(app);
    }

    @Test
    void unavailableGpuStatsKeepWolfsErrorAndNoReadings() {
        GpuStats stats = GpuStats.unavailable("nvidia-smi exited with code 255");

        assertThat(stats.available()).isFalse();
        assertThat(stats.error()).isEqualTo("nvidia-smi exited with code 255");
        assertThat(stats.memoryTotalMb()).isNull();
    }

    @Test
    void sessionShowsWhetherItHasKeysNeverTheKeys() {
        StreamSession keyed = new StreamSession("desktop", "7", "10.0.0.2", "SECRETKEY", "SECRETIV", null, null,
                1920, 1080, 60, 2);
        StreamSession bare = new StreamSession("desktop", "7", "10.0.0.2", null, null, null, null, 1920, 1080, 60, 2);

        assertThat(keyed.toString()).contains("aesKey=[redacted]", "aesIv=[redacted]")
                .doesNotContain("SECRETKEY", "SECRETIV");
        assertThat(bare.toString()).contains("aesKey=null", "aesIv=null");
    }
}
