package no.webcruiteresa.domain;

/**
 * The applicant's "spesiell vurdering" flags. Only {@code exemptionRequested} drives a registration
 * decision (the public title); none of them is ever written to archive metadata.
 */
public record SpecialConsideration(boolean exemptionRequested, boolean preferentialRight,
                                   boolean immigrantBackground, boolean disability) {
    public static final SpecialConsideration NONE = new SpecialConsideration(false, false, false, false);
}
