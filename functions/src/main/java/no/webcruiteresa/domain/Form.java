package no.webcruiteresa.domain;

import java.util.Arrays;

/** The WebCruiter forms (skjema) that reach the archive, by their WebCruiter code. */
public enum Form {
    POSTING("WebCruiter101", false),
    APPLICATION("WebCruiter201", true),
    APPLICATION_ATTACHMENTS("WebCruiter203", true),
    LETTER_TO_APPLICANT("WebCruiter210", true),
    PUBLIC_APPLICANT_LIST("WebCruiter301", false),
    EXTENDED_APPLICANT_LIST("WebCruiter302", false),
    OTHER_APPLICANT_LIST("WebCruiter310", false);

    private final String code;
    private final boolean aboutOneApplicant;

    Form(String code, boolean aboutOneApplicant) {
        this.code = code;
        this.aboutOneApplicant = aboutOneApplicant;
    }

    public String code() {
        return code;
    }

    /** Applicant forms must name their applicant; lists and postings must not carry one. */
    public boolean aboutOneApplicant() {
        return aboutOneApplicant;
    }

    public static Form fromCode(String code) {
        return Arrays.stream(values())
                .filter(form -> form.code.equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new InvalidDropException("form", "unknown form code '" + code + "'"));
    }
}
