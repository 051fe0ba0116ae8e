package no.webcruiteresa.application.port;

import java.util.Collection;
import java.util.Map;
import no.webcruiteresa.domain.ApplicantListWatch;

/** The applicant-list check's memory between runs: one watch per posting, by case number. */
public interface ApplicantListLedger {
    Map<String, ApplicantListWatch> load();

    void save(Collection<ApplicantListWatch> watches);
}
