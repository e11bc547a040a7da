package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.List;

/**
 * What a lobby or app runs, tagged by {@code type} as Wolf writes it: {@code "process"} or
 * {@code "docker"}. A type this library does not know reads as {@link Unknown} rather than
 * failing the whole reply.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = Runner.Unknown.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = Runner.Process.class, name = "process"),
    @JsonSubTypes.Type(value = Runner.Docker.class, name = "docker"),
    @JsonSubTypes.Type(value = Runner.Unknown.class, name = "unknown")
})
public sealed interface Runner {

    /**
     * A command run directly by Wolf.
     *
     * @param runCmd the command line
     */
    @JsonTypeName("process")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Process(String runCmd) implements Runner {
    }

    /**
     * A Docker container Wolf starts for the lobby.
     *
     * @param name the container name
     * @param image the image
     * @param mounts bind mounts, {@code src:dst[:mode]}
     * @param env environment entries, {@code KEY=value}
     * @param devices device nodes
     * @param ports published ports
     * @param baseCreateJson extra Docker create JSON, or {@code null}
     */
    @JsonTypeName("docker")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Docker(String name, String image, List<String> mounts, List<String> env,
            List<String> devices, List<String> ports, String baseCreateJson) implements Runner {

        /**
         * Absent lists become empty.
         *
         * @param name the container name
         * @param image the image
         * @param mounts bind mounts, {@code src:dst[:mode]}
         * @param env environment entries, {@code KEY=value}
         * @param devices device nodes
         * @param ports published ports
         * @param baseCreateJson extra Docker create JSON, or {@code null}
         */
        public Docker {
            mounts = mounts == null ? List.of() : List.copyOf(mounts);
            env = env == null ? List.of() : List.copyOf(env);
            devices = devices == null ? List.of() : List.copyOf(devices);
            ports = ports == null ? List.of() : List.copyOf(ports);
        }
    }

    /** A runner of a type this library does not model; its fields are dropped. */
    @JsonTypeName("unknown")
    record Unknown() implements Runner {
    }
}
