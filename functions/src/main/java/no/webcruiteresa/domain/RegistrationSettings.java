package no.webcruiteresa.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * ESA's registration values for the integration (the seed's table) and the form table. Every value
 * comes from configuration; this record only guarantees that none is missing.
 *
 * @param administrativeUnit org. enhet of new cases (WS.1000)
 * @param caseHandler        saksbehandler, also the internal recipient of every journalpost (WSANS)
 * @param accessGroup        ESA's tilgangsgruppe (WS1000), carried as custom metadata
 * @param caseType           ESA's saksart/sakstype (STD), carried as custom metadata
 * @param caseStatus         Noark 5 saksstatus code of new cases (B, under behandling)
 * @param localEntryStatus   ESA's journalpost status (J1), carried as custom metadata
 * @param entryStatus        the Noark 5 journalstatus it maps to (J)
 * @param documentStatus     dokumentstatus of main documents and attachments (F)
 * @param variantFormat      variantformat of the files (P)
 * @param mimeType           the files' MIME type (application/pdf)
 * @param archivePart        arkivdel new cases go in (EL-SAKARKI)
 * @param classificationCode klasseID of new cases (410)
 * @param referencePrefix    prefix of the WebCruiter reference on the case ("WEBCRUITER")
 * @param forms              journalpost type and screening per form
 */
public record RegistrationSettings(String administrativeUnit, String caseHandler, String accessGroup,
                                   String caseType, String caseStatus, String localEntryStatus,
                                   String entryStatus, String documentStatus, String variantFormat,
                                   String mimeType, String archivePart, String classificationCode,
                                   String referencePrefix, Map<Form, FormRule> forms) {
    public RegistrationSettings {
        Objects.requireNonNull(administrativeUnit, "administrativeUnit");
        Objects.requireNonNull(caseHandler, "caseHandler");
        Objects.requireNonNull(accessGroup, "accessGroup");
        Objects.requireNonNull(caseType, "caseType");
        Objects.requireNonNull(caseStatus, "caseStatus");
        Objects.requireNonNull(localEntryStatus, "localEntryStatus");
        Objects.requireNonNull(entryStatus, "entryStatus");
        Objects.requireNonNull(documentStatus, "documentStatus");
        Objects.requireNonNull(variantFormat, "variantFormat");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(archivePart, "archivePart");
        Objects.requireNonNull(classificationCode, "classificationCode");
        Objects.requireNonNull(referencePrefix, "referencePrefix");
        forms = new EnumMap<>(forms);
        for (Form form : Form.values()) {
            if (!forms.containsKey(form)) {
                throw new IllegalArgumentException("no registration rule configured for " + form.code());
            }
        }
        forms = Map.copyOf(forms);
    }

    public FormRule ruleFor(Form form) {
        return forms.get(form);
    }

    /** The WebCruiter reference ESA keeps on the case ("Tilleggsinfo"), e.g. "WEBCRUITER 123456". */
    public String caseReference(String postingCaseNumber) {
        return referencePrefix + " " + postingCaseNumber;
    }

    /** The same kind of reference on a journalpost, naming WebCruiter's document id: "WEBCRUITER WC201-1-1". */
    public String entryReference(String documentId) {
        return referencePrefix + " " + documentId;
    }
}
