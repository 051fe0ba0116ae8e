package no.webcruiteresa.functions;

import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation fields of every log line written while one message is handled (the logging context, MDC): the
 * function, the SQS message id, and the WebCruiter case number and document id once they are known. Java logging is
 * bridged to the same context, so every component's lines carry them; a JSON log line has them as fields.
 */
final class Correlation implements AutoCloseable {
    static final String FUNCTION = "function";
    static final String MESSAGE_ID = "messageId";
    static final String CASE_NUMBER = "caseNumber";
    static final String DOCUMENT_ID = "documentId";
    static final String OUTCOME = "outcome";
    private static final List<String> FIELDS = List.of(FUNCTION, MESSAGE_ID, CASE_NUMBER, DOCUMENT_ID, OUTCOME);
    /** Ids as WebCruiter and SQS write them; anything else is not put into a log line. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

    private Correlation() {
    }

    static Correlation message(String function, String messageId) {
        FIELDS.forEach(MDC::remove);
        put(FUNCTION, function);
        put(MESSAGE_ID, messageId);
        return new Correlation();
    }

    /** @param caseNumber or null when not known; likewise documentId */
    static void drop(String caseNumber, String documentId) {
        put(CASE_NUMBER, caseNumber);
        put(DOCUMENT_ID, documentId);
    }

    /** The case number and document id of a key in the drop layout ({@code <case number>/<document id>/…}). */
    static void key(String key) {
        String[] parts = key == null ? new String[0] : key.split("/", -1);
        if (parts.length == 3 && parts[0].matches("\\d{1,12}")) {
            drop(parts[0], parts[1]);
        }
    }

    static void outcome(String outcome) {
        put(OUTCOME, outcome);
    }

    /** Sets a field to an id; a value that is no id (or none) leaves the field as it was. */
    private static void put(String field, String value) {
        if (value != null && ID.matcher(value).matches()) {
            MDC.put(field, value);
        }
    }

    @Override
    public void close() {
        FIELDS.forEach(MDC::remove);
    }
}
