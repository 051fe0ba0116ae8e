package no.webcruiteresa.domain;

/**
 * A drop broke a rule of the drop contract. Carries the field and the rule, never the field's value,
 * so the message is safe to log; the adapter that read the drop adds the object key.
 */
public class InvalidDropException extends RuntimeException {
    private final String field;
    private final String rule;

    public InvalidDropException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
