package no.webcruiteresa.application.port;

import java.util.Optional;
import no.webcruiteresa.domain.CaseRegistration;

/** The archive's hiring cases (saksmapper), found by the WebCruiter reference they carry. */
public interface CaseArchive {
    /** The case registered for this reference ("WEBCRUITER 123"), if an earlier attempt made one. */
    Optional<ArchivedCase> findCase(String reference);

    /** Registers a new case; callers look it up first, so a repeat does not make a twin. */
    ArchivedCase createCase(CaseRegistration registration);

    /**
     * Sets the case's saksstatus (Noark 5 code) unless it already has it.
     *
     * @return false when the case already had this status (nothing was written)
     */
    boolean setCaseStatus(ArchivedCase archivedCase, String status);
}
