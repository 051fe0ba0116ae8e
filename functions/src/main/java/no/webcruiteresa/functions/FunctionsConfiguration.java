package no.webcruiteresa.functions;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.webcruiteresa.adapter.drop.DropStoreQuarantine;
import no.webcruiteresa.adapter.fiksarkiv.FiksArkivArchive;
import no.webcruiteresa.adapter.drop.JaxbDropParser;
import no.webcruiteresa.adapter.drop.S3CreationLocks;
import no.webcruiteresa.adapter.drop.S3DropStore;
import no.webcruiteresa.adapter.noark5.Noark5Archive;
import no.webcruiteresa.adapter.noark5.Noark5Settings;
import no.webcruiteresa.adapter.secrets.SecretsManagerCredentials;
import no.webcruiteresa.adapter.sqs.SqsArchivedNotices;
import no.webcruiteresa.application.ArchiveDocument;
import no.webcruiteresa.application.DropReader;
import no.webcruiteresa.application.EnsureCase;
import no.webcruiteresa.application.RemoveArchivedDrop;
import no.webcruiteresa.application.RetryBudget;
import no.webcruiteresa.application.port.Archive;
import no.webcruiteresa.application.port.ArchivedNotice;
import no.webcruiteresa.application.port.Metrics;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.RegistrationSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires adapters to use cases and exposes one function bean per Lambda. Beans are lazy so a function
 * builds only what it uses (a cold start of createCase makes no S3 client).
 */
@Configuration(proxyBeanMethods = false)
@Lazy
public class FunctionsConfiguration {

    /** The one clock of every use case: deadlines, lock ages, dates of new cases, retention. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RegistrationSettings registrationSettings(WebcruiterEsaProperties properties) {
        return properties.registrationSettings();
    }

    @Bean
    S3Client s3Client(WebcruiterEsaProperties properties) {
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(properties.aws().region()));
        if (isSet(properties.aws().s3Endpoint())) {
            builder.endpointOverride(URI.create(properties.aws().s3Endpoint())).forcePathStyle(true);
        }
        return builder.build();
    }

    @Bean
    SqsClient sqsClient(WebcruiterEsaProperties properties) {
        var builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(properties.aws().region()));
        if (isSet(properties.aws().sqsEndpoint())) {
            builder.endpointOverride(URI.create(properties.aws().sqsEndpoint()));
        }
        return builder.build();
    }

    /**
     * The archive, through its door: the Noark 5 REST API, or KS Fiks Arkiv messages ({@code archive.protocol:
     * fiks-arkiv}), chosen when the function starts (the build-time context has both). With a secret, the REST
     * credentials are read on first use, cached for credentials-ttl and re-read on a 401. Primary: the Fiks door's
     * own bean is an Archive too, built only when this one asks for it.
     */
    @Bean
    @Primary
    Archive archive(WebcruiterEsaProperties properties, ArchiveCredentialsConfiguration.CredentialsRotation rotation,
                    SnapshotHooks hooks,
                    @Value("${" + ArchiveUrlCheck.ALLOW_INSECURE + ":false}") boolean allowInsecureUrl,
                    @Value("${webcruiter-esa.archive.protocol:noark5-rest}") String protocol,
                    ObjectProvider<FiksArkivArchive> fiksArkiv) {
        ArchiveUrlCheck.require(properties.archive().url(), allowInsecureUrl);
        switch (protocol.trim()) {
            case "noark5-rest" -> {
                return noark5(properties, rotation, hooks);
            }
            case "fiks-arkiv" -> {
                return fiksArkiv.getObject();
            }
            default -> throw new IllegalStateException(
                    "webcruiter-esa.archive.protocol must be noark5-rest or fiks-arkiv, was '" + protocol + "'");
        }
    }

    private static Noark5Archive noark5(WebcruiterEsaProperties properties,
                                        ArchiveCredentialsConfiguration.CredentialsRotation rotation,
                                        SnapshotHooks hooks) {
        String secretArn = properties.archive().credentialsSecretArn();
        Noark5Settings settings = properties.noark5Settings(Map.of());
        Noark5Archive archive = isSet(secretArn)
                ? new Noark5Archive(settings, new RotatingCredentials(SecretsManagerCredentials.of(
                        properties.aws().region(), properties.aws().secretsManagerEndpoint(), secretArn,
                        rotation.credentialsTtl(), Clock.systemUTC()),
                        secret -> properties.noark5Settings(secret).credentials()))
                : new Noark5Archive(settings);
        hooks.beforeSnapshot(archive::forgetCredentialsAndConnections);
        return archive;
    }

    @Bean
    S3DropStore dropStore(S3Client s3, WebcruiterEsaProperties properties) {
        return new S3DropStore(s3, properties.drop().bucket());
    }

    @Bean
    DropReader dropReader(S3DropStore store, WebcruiterEsaProperties properties) {
        return new DropReader(store, new JaxbDropParser(), properties.drop().maxXmlBytes());
    }

    @Bean
    S3CreationLocks creationLocks(S3Client s3, WebcruiterEsaProperties properties, Clock clock) {
        return new S3CreationLocks(s3, properties.drop().bucket(), properties.drop().lockPrefix(), clock);
    }

    @Bean
    DropStoreQuarantine quarantine(S3DropStore store, WebcruiterEsaProperties properties) {
        return new DropStoreQuarantine(store, properties.drop().quarantinePrefix());
    }

    @Bean
    RetryBudget retryBudget(WebcruiterEsaProperties properties) {
        return properties.retryBudget();
    }

    @Bean
    Function<SqsEvent, SqsBatchResponse> createCase(EnsureCase ensureCase, SqsClient sqs, RetryBudget backoff,
                                                    DropStoreQuarantine quarantine, Metrics metrics) {
        SqsBatch batch = new SqsBatch("createCase", sqs, backoff, quarantine, metrics);
        return event -> batch.process(event, record -> {
            Posting posting = Messages.postingPublished(record.body());
            Correlation.drop(posting.caseNumber(), null);
            return "ready (case " + ensureCase.ensure(posting).caseId() + ")";
        });
    }

    @Bean
    Function<SqsEvent, SqsBatchResponse> archiveDocument(DropReader reader, S3DropStore store, EnsureCase ensureCase,
                                                         Archive archive, RegistrationSettings settings,
                                                         SqsClient sqs, RetryBudget backoff,
                                                         DropStoreQuarantine quarantine, S3CreationLocks locks,
                                                         WebcruiterEsaProperties properties, Clock clock,
                                                         Metrics metrics) {
        ArchiveDocument useCase = new ArchiveDocument(reader, store, ensureCase, archive,
                new RegistrationRules(settings), new SqsArchivedNotices(sqs, properties.queues().archivedUrl(),
                JsonMapper.builder().build()), quarantine,
                new ArchiveDocument.Waiting(properties.drop().incompleteDeadline(), clock, locks,
                        properties.drop().staleLockAfter()), metrics);
        SqsBatch batch = new SqsBatch("archiveDocument", sqs, backoff, quarantine, metrics);
        String bucket = properties.drop().bucket();
        return event -> batch.process(event, record -> Messages.createdKeys(record.body(), bucket).stream()
                .map(key -> {
                    Correlation.key(key);
                    return useCase.archive(key, SqsBatch.deliveries(record)).name().toLowerCase(Locale.ROOT);
                }).collect(Collectors.collectingAndThen(Collectors.joining(", "),
                        outcomes -> outcomes.isEmpty() ? "ignored (announces no new object)" : outcomes)));
    }

    @Bean
    Function<SqsEvent, SqsBatchResponse> removeXmlAttachment(DropReader reader, S3DropStore store,
                                                             Archive archive, RegistrationSettings settings,
                                                             SqsClient sqs, RetryBudget backoff,
                                                             DropStoreQuarantine quarantine, S3CreationLocks locks,
                                                             Metrics metrics) {
        RemoveArchivedDrop useCase = new RemoveArchivedDrop(reader, store, archive, settings, locks);
        SqsBatch batch = new SqsBatch("removeXmlAttachment", sqs, backoff, quarantine, metrics);
        return event -> batch.process(event, record -> {
            ArchivedNotice notice = Messages.archivedNotice(record.body());
            Correlation.key(notice.xmlKey());
            Correlation.drop(null, notice.documentId());
            return "removed " + useCase.remove(notice) + " objects";
        });
    }

    /** Invoked by hand after a fix: releases quarantined drops and moves dead-lettered messages back. */
    @Bean
    Function<Redrive.Request, Redrive.Report> redrive(DropStoreQuarantine quarantine, SqsClient sqs,
                                                      Metrics metrics) {
        return new Redrive(quarantine, sqs, metrics);
    }

    /** SnapStart priming (Priming). Not lazy: nothing else asks for it, and it must be registered before the snapshot. */
    @Bean
    @Lazy(false)
    Priming priming(SnapshotHooks hooks, FunctionCatalog catalog,
                    @Value("${spring.cloud.function.definition:}") String definition) {
        Priming priming = new Priming(catalog, definition);
        hooks.primeBeforeSnapshot(priming::prime);
        return priming;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
