package no.webcruiteresa.localstack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Everything every component of this JVM logs while it is open, through three doors at once: System.out and
 * System.err (console appenders, printStackTrace, the local LambdaLogger), a handler on the java.util.logging root
 * logger (our code, the simulator) and an appender on Logback's root logger (Spring, S3Mock, ElasticMQ, the AWS SDK),
 * with the project's own loggers at their finest level so no statement is skipped.
 */
final class LogCapture implements AutoCloseable {
    static final String OUR_PACKAGES = "no.webcruiteresa";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<String> records = new ArrayList<>();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final java.util.logging.Logger julOurs = java.util.logging.Logger.getLogger(OUR_PACKAGES);
    private final Handler julHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = new java.util.logging.SimpleFormatter().formatMessage(record);
            add("JUL " + record.getLevel() + " " + record.getLoggerName() + " " + message + stackTrace(record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String thrown = event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            add("SLF4J " + event.getLevel() + " " + event.getLoggerName() + " " + event.getMDCPropertyMap() + " "
                    + event.getFormattedMessage() + thrown);
        }
    };

    private LogCapture() {
    }

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        System.setOut(new PrintStream(new Tee(capture.originalOut, capture.console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(capture.originalErr, capture.console), true, StandardCharsets.UTF_8));
        // The functions' Spring contexts set their own levels from their configuration: this one wins over application.yml.
        System.setProperty("logging.level." + OUR_PACKAGES, "TRACE");
        capture.attach();
        return capture;
    }

    /**
     * (Again) the finest level for our loggers, and the handler and appender on the roots: call it once the stack has
     * started. Spring bridges java.util.logging into Logback only while the JUL root has at most its one console
     * handler, so the capture's own handler joins after that decision, not before (the console catches what comes
     * before).
     */
    void attach() {
        julOurs.setLevel(java.util.logging.Level.ALL);
        // As on Lambda, where Spring bridges java.util.logging into Logback (its lines then carry the logging context).
        if (!org.slf4j.bridge.SLF4JBridgeHandler.isInstalled()) {
            org.slf4j.bridge.SLF4JBridgeHandler.install();
        }
        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        if (!java.util.Arrays.asList(julRoot.getHandlers()).contains(julHandler)) {
            julHandler.setLevel(java.util.logging.Level.ALL);
            julRoot.addHandler(julHandler);
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(OUR_PACKAGES).setLevel(Level.TRACE);
            ch.qos.logback.classic.Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            if (!root.isAttached(appender)) {
                appender.setContext(logback);
                appender.start();
                root.addAppender(appender);
            }
        }
    }

    private synchronized void add(String record) {
        records.add(record);
    }

    /** Every line captured so far: console output, then the logging records. */
    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        synchronized (console) {
            lines.addAll(Arrays.asList(console.toString(StandardCharsets.UTF_8).split("\\R")));
        }
        records.forEach(r -> lines.addAll(Arrays.asList(r.split("\\R"))));
        return lines;
    }

    @Override
    public void close() {
        org.slf4j.bridge.SLF4JBridgeHandler.uninstall();
        System.setOut(originalOut);
        System.setErr(originalErr);
        java.util.logging.Logger.getLogger("").removeHandler(julHandler);
        System.clearProperty("logging.level." + OUR_PACKAGES);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        }
        appender.stop();
    }

    private static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return "\n" + text;
    }

    /** Writes to the real stream and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException ignored) {
                // the copy is what counts
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // the copy is what counts
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            original.flush();
        }
    }
}
