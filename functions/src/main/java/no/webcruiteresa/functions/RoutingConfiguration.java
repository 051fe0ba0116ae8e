package no.webcruiteresa.functions;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Logger;
import no.webcruiteresa.adapter.drop.DropStoreQuarantine;
import no.webcruiteresa.adapter.drop.S3CreationLocks;
import no.webcruiteresa.adapter.drop.S3DropStore;
import no.webcruiteresa.application.port.Archive;
import no.webcruiteresa.adapter.sns.SnsCaseNotices;
import no.webcruiteresa.application.CloseCase;
import no.webcruiteresa.application.EnsureCase;
import no.webcruiteresa.application.RetryBudget;
import no.webcruiteresa.application.port.CaseNotices;
import no.webcruiteresa.application.port.Metrics;
import no.webcruiteresa.domain.PostingClosed;
import no.webcruiteresa.domain.RegistrationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing and notices of new cases (docs/routing.md). The one EnsureCase: createCase and archiveDocument (which
 * makes the case when a document comes first) both route through the same table.
 */
@Configuration(proxyBeanMethods = false)
@Lazy
public class RoutingConfiguration {
    private static final Logger LOG = Logger.getLogger(RoutingConfiguration.class.getName());

    /** Without a topic the unit is told nothing; the created case is logged by its id either way. */
    @Bean
    CaseNotices caseNotices(WebcruiterEsaProperties properties) {
        WebcruiterEsaProperties.CaseNotices config = properties.caseNotices();
        if (config == null || config.topicArn() == null || config.topicArn().isBlank()) {
            return CaseNotices.none();
        }
        var builder = SnsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(properties.aws().region()));
        if (config.snsEndpoint() != null && !config.snsEndpoint().isBlank()) {
            builder.endpointOverride(URI.create(config.snsEndpoint()));
        }
        return new SnsCaseNotices(builder.build(), config.topicArn(), JsonMapper.builder().build());
    }

    @Bean
    EnsureCase routedEnsureCase(Archive archive, RegistrationSettings settings, S3CreationLocks locks,
                                WebcruiterEsaProperties properties, Clock clock, CaseNotices notices,
                                Metrics metrics) {
        var table = properties.routingTable();
        LOG.fine(() -> "routing table with " + table.size() + " rules");
        return new EnsureCase(archive, settings, clock, locks, properties.drop().staleLockAfter(),
                new EnsureCase.Routing(table, notices, metrics));
    }

    /**
     * "Posting closed" → the case finished in the archive once nothing of the posting waits; otherwise the message
     * is postponed with the retry budget's backoff and comes back (docs/routing.md).
     */
    @Bean
    Function<SqsEvent, SqsBatchResponse> closeCase(Archive archive, S3DropStore store,
                                                   WebcruiterEsaProperties properties, SqsClient sqs,
                                                   RetryBudget backoff, DropStoreQuarantine quarantine,
                                                   Metrics metrics) {
        CloseCase useCase = new CloseCase(archive, store, new CloseCase.Settings(
                properties.caseLifecycle().finishedStatus(), properties.registration().referencePrefix(),
                properties.drop().quarantinePrefix()), metrics);
        SqsBatch batch = new SqsBatch("closeCase", sqs, backoff, quarantine, metrics);
        return event -> batch.process(event, record -> {
            PostingClosed closed = LifecycleMessages.postingClosed(record.body());
            Correlation.drop(closed.caseNumber(), null);
            return useCase.close(closed).name().toLowerCase(Locale.ROOT);
        });
    }
}
