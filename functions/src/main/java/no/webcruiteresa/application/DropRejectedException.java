package no.webcruiteresa.application;

import no.webcruiteresa.domain.InvalidDropException;

/** A drop that can never be archived as it is: names the object key, the field and the rule it broke. */
public class DropRejectedException extends RuntimeException {
    private final String key;
    private final String field;
    private final String rule;

    public DropRejectedException(String key, String field, String rule) {
        super(LogText.key(key) + ": " + field + ": " + rule);
        this.key = key;
        this.field = field;
        this.rule = rule;
    }

    public DropRejectedException(String key, InvalidDropException cause) {
        this(key, cause.field(), cause.rule());
        initCause(cause);
    }

    public String key() {
        return key;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
