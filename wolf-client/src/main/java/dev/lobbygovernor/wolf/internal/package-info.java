/**
 * What runs behind {@link dev.lobbygovernor.wolf.WolfClient}; not API, and may change in any
 * release.
 *
 * <p>Two transports: {@link dev.lobbygovernor.wolf.internal.UnixSocketTransport}, HTTP/1.0 on
 * a blocking UNIX-domain {@link java.nio.channels.SocketChannel} whose deadlines a
 * {@link dev.lobbygovernor.wolf.internal.Deadlines} timer keeps by closing the channel, and
 * {@link dev.lobbygovernor.wolf.internal.HttpTransport}, JDK's {@code HttpClient} for Wolf
 * behind a reverse proxy. Around them: the strict HTTP/1.0 reply parser, the request encoder,
 * the Server-Sent-Events reader and the event-stream loop, retries with jittered
 * {@link dev.lobbygovernor.wolf.internal.Backoff}, and the classification of Wolf's GPU error
 * texts.
 */
package dev.lobbygovernor.wolf.internal;
