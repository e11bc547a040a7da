package dev.lobbygovernor.wolf.sim.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening side: a UNIX socket (Wolf's only transport) and optionally TCP on 127.0.0.1
 * (Wolf behind a reverse proxy). One accept thread per listener; each connection is served on
 * the pool the simulator owns. {@link #unbind()} closes listeners and every open connection and
 * removes the socket file, so a client sees what it sees when Wolf's container is gone.
 */
final class SocketServer {

    private static final Logger log = LoggerFactory.getLogger(SocketServer.class);

    private final Path socketPath;
    private final boolean tcp;
    private final ExecutorService pool;
    private final Consumer<SocketChannel> handler;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final List<Thread> acceptors = new ArrayList<>();
    private int tcpPort;

    SocketServer(Path socketPath, boolean tcp, ExecutorService pool, Consumer<SocketChannel> handler) {
        this.socketPath = socketPath;
        this.tcp = tcp;
        this.pool = pool;
        this.handler = handler;
    }

    /** Binds the listeners and starts their accept threads; TCP keeps its port across binds. */
    synchronized void bind() throws IOException {
        Files.deleteIfExists(socketPath);
        ServerSocketChannel unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        unix.bind(UnixDomainSocketAddress.of(socketPath));
        listen(unix, "unix");
        if (tcp) {
            ServerSocketChannel inet = ServerSocketChannel.open(StandardProtocolFamily.INET);
            inet.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            inet.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort));
            tcpPort = ((InetSocketAddress) inet.getLocalAddress()).getPort();
            listen(inet, "tcp");
        }
    }

    private void listen(ServerSocketChannel channel, String kind) {
        listeners.add(channel);
        Thread acceptor = new Thread(() -> acceptLoop(channel), "lobby-governor-wolfsim-accept-" + kind);
        acceptor.setDaemon(true);
        acceptors.add(acceptor);
        acceptor.start();
    }

    private void acceptLoop(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            SocketChannel connection;
            try {
                connection = channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.atDebug().addKeyValue("listener", channel).setCause(e).log("accept loop ended");
                return;
            }
            open.add(connection);
            try {
                pool.execute(() -> {
                    try {
                        handler.accept(connection);
                    } finally {
                        open.remove(connection);
                    }
                });
            } catch (RejectedExecutionException e) {
                // the simulator is closing: nobody will serve this connection
                open.remove(connection);
                closeQuietly(connection);
                return;
            }
        }
    }

    /** The bound TCP port, 0 when TCP is off or never bound. */
    synchronized int tcpPort() {
        return tcpPort;
    }

    /** Closes listeners and open connections, removes the socket file, joins accept threads. */
    synchronized void unbind() {
        unbind(null);
    }

    /** Like {@link #unbind()}, but leaves {@code spare} open (the connection that must answer). */
    synchronized void unbind(SocketChannel spare) {
        for (ServerSocketChannel listener : listeners) {
            closeQuietly(listener);
        }
        listeners.clear();
        for (SocketChannel connection : open) {
            if (connection != spare) {
                closeQuietly(connection);
            }
        }
        for (Thread acceptor : acceptors) {
            try {
                acceptor.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        acceptors.clear();
        try {
            Files.deleteIfExists(socketPath);
        } catch (IOException e) {
            log.atWarn().addKeyValue("socket", socketPath).setCause(e).log("could not remove socket file");
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing for shutdown: nothing left to do with the error
        }
    }
}
