package dev.lobbygovernor.core.health;

/**
 * Asks a host's streaming server for its own report: its health and its counts. The Wolf
 * client implements it over Wolf's {@code system/health} and {@code system/memory}; give it to
 * {@link HealthMonitor.Builder#serverReporter}, and the server's word joins the GPU readings in
 * the host's {@link HostHealth}: a server that says it cannot create new pipelines refuses
 * admission on that host, and stuck threads are a warning.
 */
public interface ServerReporter {

    /**
     * The server's name in reasons and logs, such as {@code Wolf}.
     *
     * @return a short name; not blank
     */
    String name();

    /**
     * Asks the server once. Must return or throw within a bounded time (the monitor calls it on
     * the host's polling thread, after the GPU probe).
     *
     * @return what it reported; a server without such endpoints answers with a report whose
     *     parts are empty ({@link ServerReport#supported()} false), which is not a failure
     * @throws ServerReportException if the server could not be asked or answered nonsense
     */
    ServerReport report() throws ServerReportException;
}
