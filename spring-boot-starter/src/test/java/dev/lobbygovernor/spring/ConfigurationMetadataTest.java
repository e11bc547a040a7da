package dev.lobbygovernor.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** IDEs complete lobby-governor.* from the metadata the build writes, and Boot finds the auto-configuration. */
class ConfigurationMetadataTest {

    private static String resource(String name) throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void describesEveryPropertyGroupWithItsDefaults() throws Exception {
        // the processor writes a slash as "\/", as JSON allows
        String metadata = resource("META-INF/spring-configuration-metadata.json").replace("\\/", "/");

        assertThat(metadata).contains("\"lobby-governor.hosts\"", "\"lobby-governor.admission.blind\"",
                "\"lobby-governor.monitor.probe-interval\"", "\"lobby-governor.reaper.idle-timeout\"",
                "\"lobby-governor.problem.sessions-url\"", "\"lobby-governor.dashboard.path\"", "/lobby-governor/dashboard");
    }

    @Test
    void registersTheAutoConfigurationWhereBootLooksForIt() throws Exception {
        assertThat(resource("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
                .contains(LobbyGovernorAutoConfiguration.class.getName());
    }
}
