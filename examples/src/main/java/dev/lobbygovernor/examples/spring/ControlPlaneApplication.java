package dev.lobbygovernor.examples.spring;

import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.wolf.WolfClient;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The control plane: the starter wires the governor, monitor, reaper, health, metrics, problem
 * response and dashboard from {@code lobby-governor.*} in {@code application.properties}; this
 * application adds only its session store and the Wolf client it creates lobbies with.
 */
@SpringBootApplication
public class ControlPlaneApplication {

    /**
     * Runs the service.
     *
     * @param args Spring Boot's command line, such as
     *     {@code --control-plane.wolf-socket=/run/wolf/wolf.sock}
     */
    public static void main(String[] args) {
        SpringApplication.run(ControlPlaneApplication.class, args);
    }

    /**
     * The sessions and lobbies. A real control plane defines its store over its database
     * ({@code JdbcSessionStore}); without this bean the starter would use an in-memory one and
     * say so at startup.
     *
     * @return the store
     */
    @Bean
    InMemorySessionStore sessionStore() {
        return new InMemorySessionStore();
    }

    /**
     * The client lobbies are created with, on the same Wolf the governor watches.
     *
     * @param socket Wolf's socket, the same the governor's host uses
     * @return the client, closed with the context
     */
    @Bean(destroyMethod = "close")
    WolfClient wolfClient(@Value("${control-plane.wolf-socket}") Path socket) {
        return WolfClient.builder().unixSocket(socket).build();
    }
}
