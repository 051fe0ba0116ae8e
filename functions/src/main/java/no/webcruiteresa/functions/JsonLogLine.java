package no.webcruiteresa.functions;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * One log line as one JSON object, the form Lambda's JSON log format keeps as it is: {@code timestamp} (RFC 3339) and
 * {@code level}, which Lambda reads for its log-level filtering, then {@code logger}, {@code message}, the correlation
 * fields of the logging context ({@link Correlation}) and, for a failure, {@code exception}.
 */
public class JsonLogLine implements StructuredLogFormatter<ILoggingEvent> {
    @Override
    public String format(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "timestamp", event.getInstant().toString());
        field(line, "level", event.getLevel().toString());
        field(line, "logger", event.getLoggerName());
        field(line, "message", event.getFormattedMessage());
        Map<String, String> context = new TreeMap<>(event.getMDCPropertyMap());
        context.forEach((key, value) -> field(line, key, value));
        if (event.getThrowableProxy() != null) {
            field(line, "exception", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        line.setLength(line.length() - 1);
        return line.append("}\n").toString();
    }

    private static void field(StringBuilder line, String name, String value) {
        quoted(line, name);
        line.append(':');
        quoted(line, value == null ? "" : value);
        line.append(',');
    }

    private static void quoted(StringBuilder line, String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
