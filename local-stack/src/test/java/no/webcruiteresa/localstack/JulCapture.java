package no.webcruiteresa.localstack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what one java.util.logging logger writes, at and above a level, while the capture is open. */
final class JulCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private JulCapture(String loggerName, Level level) {
        this.logger = Logger.getLogger(loggerName);
        this.previous = logger.getLevel();
        setLevel(level);
        if (previous == null || previous.intValue() > level.intValue()) {
            logger.setLevel(level);
        }
        logger.addHandler(this);
    }

    static JulCapture of(String loggerName, Level level) {
        return new JulCapture(loggerName, level);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** The messages, formatted as their records' suppliers made them. */
    List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    List<String> messagesAt(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
