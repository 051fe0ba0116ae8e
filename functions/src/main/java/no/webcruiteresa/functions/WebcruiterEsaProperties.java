package no.webcruiteresa.functions;

import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import no.webcruiteresa.adapter.noark5.Noark5Compatibility;
import no.webcruiteresa.adapter.noark5.Noark5Credentials;
import no.webcruiteresa.adapter.noark5.Noark5Settings;
import no.webcruiteresa.adapter.noark5.RetryPolicy;
import no.webcruiteresa.application.RetryBudget;
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
                                      Map<String, FormProperties> forms, Retention retention, Retry retry,
                                      java.util.List<Route> routing, CaseNotices caseNotices,
                                      CaseLifecycle caseLifecycle) {

    /**
     * @param quarantinePrefix   where input that cannot be archived is moved, with its report
     * @param incompleteDeadline how long a drop may wait for its PDFs before it is quarantined
     */
    public record Drop(String bucket, long maxXmlBytes, String quarantinePrefix, Duration incompleteDeadline,
                       String lockPrefix, Duration staleLockAfter) {
    }

    /**
     * Visibility backoff of a failed message: grows from baseDelay per delivery up to maxDelay.
     *
     * @param maxReceiveCount   deliveries before the queue dead-letters a message (template.yaml's MaxReceiveCount)
     * @param visibilityTimeout the queues' visibility timeout: how long a crashed invocation's message stays away
     */
    public record Retry(Duration baseDelay, Duration maxDelay, int maxReceiveCount, Duration visibilityTimeout) {
    }

    public record Queues(String archivedUrl) {
    }

    /** Blank endpoints mean AWS itself; the local stack and tests point them at emulators. */
    public record Aws(String region, String s3Endpoint, String sqsEndpoint, String secretsManagerEndpoint) {
    }

    /**
     * @param auth                 none, basic, oauth2-password or oauth2-client-credentials
     * @param credentialsSecretArn a Secrets Manager secret whose JSON keys (username, password, clientId,
     *                             clientSecret, tokenUrl, scope) override the values here
     * @param tokenUrl             blank: found through the API root's login links (OpenID configuration or OAuth2)
     * @param timeZone             the zone Noark 5 datetime values are sent in
     * @param omitFields           optional fields never sent to this archive, as {@code <type>.<field>}
     * @param customMetadataPrefix namespace of our virksomhetsspesifikkeMetadata keys; blank sends none
     */
    public record Archive(URI url, String auth, String username, String password, String clientId,
                          String clientSecret, String tokenUrl, String scope, String credentialsSecretArn,
                          Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration retryBaseDelay,
                          Duration retryMaxDelay, int circuitBreakerThreshold, Duration circuitBreakerCoolDown,
                          String fileFormat, String fileFormatName, String documentType,
                          String documentTypeName, java.time.ZoneId timeZone, java.util.Set<String> omitFields,
                          String customMetadataPrefix) {
        @Override
        public String toString() {
            return "Archive[url=" + url + ", auth=" + auth + "]";
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

    /**
     * @param period        how long the integration keeps its own copies, from their first arrival
     * @param prefix        the sweep's audit records, checkpoint and hold list; never swept
     * @param safetyMargin  the sweep stops this long before the Lambda deadline and resumes next run
     * @param pageSize      objects listed and deleted per request (at most 1000)
     * @param lookupThreads parallel per-object requests (first arrival, hold tag)
     */
    public record Retention(Period period, String prefix, Duration safetyMargin, int pageSize, int lookupThreads) {
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

    /** @param secret the Secrets Manager secret's keys, empty when none is configured */
    Noark5Settings noark5Settings(Map<String, String> secret) {
        Archive a = archive;
        String tokenUrl = secret.getOrDefault("tokenUrl", a.tokenUrl());
        Noark5Credentials credentials = switch (a.auth() == null ? "none" : a.auth().trim().toLowerCase()) {
            case "none", "" -> Noark5Credentials.NONE;
            case "basic" -> Noark5Credentials.basic(secret.getOrDefault("username", a.username()),
                    secret.getOrDefault("password", a.password()));
            case "oauth2-password", "oauth2-client-credentials" -> new Noark5Credentials(
                    a.auth().trim().equalsIgnoreCase("oauth2-password") ? Noark5Credentials.Scheme.OAUTH2_PASSWORD
                            : Noark5Credentials.Scheme.OAUTH2_CLIENT_CREDENTIALS,
                    secret.getOrDefault("username", a.username()), secret.getOrDefault("password", a.password()),
                    secret.getOrDefault("clientId", a.clientId()), secret.getOrDefault("clientSecret", a.clientSecret()),
                    tokenUrl == null || tokenUrl.isBlank() ? null : URI.create(tokenUrl),
                    secret.getOrDefault("scope", a.scope()));
            default -> throw new IllegalArgumentException("webcruiter-esa.archive.auth must be none, basic, "
                    + "oauth2-password or oauth2-client-credentials, was '" + a.auth() + "'");
        };
        return new Noark5Settings(a.url(), credentials, new RetryPolicy(a.maxAttempts(), a.retryBaseDelay(),
                a.retryMaxDelay(), a.circuitBreakerThreshold(), a.circuitBreakerCoolDown()), a.connectTimeout(), a.requestTimeout(), a.fileFormat(), a.fileFormatName(),
                a.documentType(), a.documentTypeName(), screening.accessCodeName(),
                new Noark5Compatibility(a.timeZone() == null ? java.time.ZoneId.of("Europe/Oslo") : a.timeZone(),
                        a.omitFields() == null ? java.util.Set.of() : a.omitFields(),
                        a.customMetadataPrefix() == null ? "" : a.customMetadataPrefix().trim()));
    }

    /** The retry budget, refusing lock and deadline timings that would dead-letter what they wait for. */
    RetryBudget retryBudget() {
        RetryBudget budget = new RetryBudget(retry.maxReceiveCount(), retry.baseDelay(), retry.maxDelay());
        budget.requireRoomFor(retry.visibilityTimeout(), drop.staleLockAfter(), drop.incompleteDeadline());
        return budget;
    }

    /**
     * A row of the routing table (docs/routing.md): a WebCruiter organisational unit, optionally with a position
     * category, and the archive values its new cases get.
     */
    public record Route(String organisationalUnit, String positionCategory, String administrativeUnit,
                        String caseHandler, String accessGroup) {
    }

    /**
     * @param topicArn    the SNS topic told of every new case; blank tells nobody (the case is still logged)
     * @param snsEndpoint blank means AWS itself
     */
    public record CaseNotices(String topicArn, String snsEndpoint) {
    }

    /** @param finishedStatus the Noark 5 saksstatus a case gets when its posting closes (A avsluttet) */
    public record CaseLifecycle(String finishedStatus) {
    }

    /** The routing table; its holding unit is the registration's unit (the seed's WS.1000 / WSANS / WS1000). */
    no.webcruiteresa.domain.RoutingTable routingTable() {
        var holdingUnit = new no.webcruiteresa.domain.ResponsibleUnit(registration.administrativeUnit(),
                registration.caseHandler(), registration.accessGroup());
        return new no.webcruiteresa.domain.RoutingTable(routing == null ? java.util.List.of() : routing.stream()
                .map(r -> new no.webcruiteresa.domain.RoutingRule(r.organisationalUnit(), r.positionCategory(),
                        new no.webcruiteresa.domain.ResponsibleUnit(r.administrativeUnit(), r.caseHandler(),
                                r.accessGroup())))
                .toList(), holdingUnit);
    }

    RetentionPolicy retentionPolicy() {
        return new RetentionPolicy(retention.period());
    }
}
