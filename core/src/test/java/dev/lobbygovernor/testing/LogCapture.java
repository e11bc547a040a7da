package dev.lobbygovernor.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event under a logger name (all of the library with {@code "dev.lobbygovernor"})
 * while open. Use with try-with-resources.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previousLevel;

    private LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.TRACE);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** Captures everything the library logs. */
    public static LogCapture library() {
        return of("dev.lobbygovernor");
    }

    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    public List<ILoggingEvent> at(Level level) {
        return events().stream().filter(e -> e.getLevel() == level).collect(Collectors.toList());
    }

    /** Each event rendered with its message, key-value pairs, arguments and throwable text. */
    public List<String> renderedLines() {
        return events().stream().map(LogCapture::render).collect(Collectors.toList());
    }

    /** Whether any captured text contains {@code needle}: use to prove a secret never leaks. */
    public boolean anyLineContains(String needle) {
        return renderedLines().stream().anyMatch(l -> l.contains(needle));
    }

    public void clear() {
        synchronized (appender.list) {
            appender.list.clear();
        }
    }

    static String render(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(e.getLevel() + " " + e.getFormattedMessage());
        if (e.getKeyValuePairs() != null) {
            e.getKeyValuePairs().forEach(kv -> sb.append(' ').append(kv.key).append('=').append(kv.value));
        }
        if (e.getArgumentArray() != null) {
            for (Object a : e.getArgumentArray()) {
                sb.append(' ').append(a);
            }
        }
        for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
    }
}
