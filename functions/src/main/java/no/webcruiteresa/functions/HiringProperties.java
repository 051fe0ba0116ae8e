package no.webcruiteresa.functions;

import java.time.Duration;
import no.webcruiteresa.domain.PersonnelFileSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings under {@code webcruiter-esa.hiring.*}: personnel files on hire and the applicant-list check.
 * A properties record of its own (bound like {@link WebcruiterEsaProperties}, defaults in application.yml) so
 * the hiring features add no component to the shared record.
 */
@ConfigurationProperties("webcruiter-esa.hiring")
public record HiringProperties(PersonnelFile personnelFile, ApplicantLists applicantLists) {

    /** See {@link PersonnelFileSettings} for each value. */
    public record PersonnelFile(String archivePart, String classificationCode, String administrativeUnit,
                                String caseHandler, String caseStatus, String legalBasis, String fileTitle,
                                String applicationTitle, String attachmentsTitle, String keepDecision,
                                String keepLegalBasis) {
    }

    /**
     * @param grace     how long after a posting's application deadline its public applicant list may take to arrive
     * @param ledgerKey the check's memory between runs, in the drop bucket (ids and dates only)
     */
    public record ApplicantLists(Duration grace, String ledgerKey) {
    }

    /** @param accessCode the tilgangsrestriksjon every screened registration uses (webcruiter-esa.screening) */
    PersonnelFileSettings personnelFileSettings(String accessCode) {
        PersonnelFile p = personnelFile;
        return new PersonnelFileSettings(p.archivePart(), p.classificationCode(), p.administrativeUnit(),
                p.caseHandler(), p.caseStatus(), accessCode, p.legalBasis(), p.fileTitle(), p.applicationTitle(),
                p.attachmentsTitle(), p.keepDecision(), p.keepLegalBasis());
    }
}
