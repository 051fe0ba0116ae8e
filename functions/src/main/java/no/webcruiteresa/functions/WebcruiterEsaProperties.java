package no.webcruiteresa.functions;

import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import no.webcruiteresa.adapter.noark5.Noark5Settings;
import no.webcruiteresa.domain.EntryType;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.domain.FormRule;
import no.webcruiteresa.domain.RegistrationSettings;
import no.webcruiteresa.domain.RetentionPolicy;
import no.webcruiteresa.domain.Screening;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting under {@code webcruiter-esa.*}; defaults live in application.yml, and each one can be
 * overridden per environment (for example {@code WEBCRUITERESA_REGISTRATION_CASEHANDLER}). Mapped once
 * into the domain's plain records so nothing beyond this class sees Spring.
 */
@ConfigurationProperties("webcruiter-esa")
public record WebcruiterEsaProperties(Drop drop, Queues queues, Aws aws, Archive archive,
                                      Registration registration, ScreeningProperties screening,
                                      Map<String, FormProperties> forms, Retention retention) {

    public record Drop(String bucket, long maxXmlBytes) {
    }

    public record Queues(String archivedUrl) {
    }

    /** Blank endpoints mean AWS itself; the local stack and tests point them at emulators. */
    public record Aws(String region, String s3Endpoint, String sqsEndpoint) {
    }

    public record Archive(URI url, String username, String password, Duration connectTimeout,
                          Duration requestTimeout, String fileFormat, String fileFormatName, String documentType,
                          String documentTypeName) {
        @Override
        public String toString() {
            return "Archive[url=" + url + "]";
        }
    }

    public record Registration(String administrativeUnit, String caseHandler, String accessGroup, String caseType,
                               String caseStatus, String localEntryStatus, String entryStatus,
                               String documentStatus, String variantFormat, String mimeType, String archivePart,
                               String classificationCode, String referencePrefix) {
    }

    public record ScreeningProperties(String accessCode, String accessCodeName) {
    }

    /** A blank legal basis means the form is not screened. */
    public record FormProperties(String entryType, String legalBasis, boolean screenApplicantName) {
    }

    public record Retention(Period period) {
    }

    RegistrationSettings registrationSettings() {
        Map<Form, FormRule> rules = new EnumMap<>(Form.class);
        forms.forEach((code, form) -> rules.put(Form.fromCode(code), new FormRule(EntryType.fromCode(form.entryType()),
                form.legalBasis() == null || form.legalBasis().isBlank() ? Screening.NONE
                        : Screening.exempt(screening.accessCode(), form.legalBasis(), form.screenApplicantName()))));
        Registration r = registration;
        return new RegistrationSettings(r.administrativeUnit(), r.caseHandler(), r.accessGroup(), r.caseType(),
                r.caseStatus(), r.localEntryStatus(), r.entryStatus(), r.documentStatus(), r.variantFormat(),
                r.mimeType(), r.archivePart(), r.classificationCode(), r.referencePrefix(), rules);
    }

    Noark5Settings noark5Settings() {
        return new Noark5Settings(archive.url(), archive.username(), archive.password(), archive.connectTimeout(),
                archive.requestTimeout(), archive.fileFormat(), archive.fileFormatName(), archive.documentType(),
                archive.documentTypeName(), screening.accessCodeName());
    }

    RetentionPolicy retentionPolicy() {
        return new RetentionPolicy(retention.period());
    }
}
