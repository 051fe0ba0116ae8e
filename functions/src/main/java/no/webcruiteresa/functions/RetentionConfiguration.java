package no.webcruiteresa.functions;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import no.webcruiteresa.adapter.drop.S3RetentionStore;
import no.webcruiteresa.adapter.drop.S3SweepJournal;
import no.webcruiteresa.application.SweepRetention;
import no.webcruiteresa.application.port.Metrics;
import no.webcruiteresa.application.port.SweepAudit;
import no.webcruiteresa.domain.RetentionLayout;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The retention sweep's wiring. Scheduled daily with {@code {"detail":{"dryRun":false}}}; invoked by hand with
 * {@code "dryRun": true} it reports what it would delete and deletes nothing.
 */
@Configuration(proxyBeanMethods = false)
@Lazy
public class RetentionConfiguration {

    @Bean
    SweepRetention sweepRetention(S3Client s3, WebcruiterEsaProperties properties) {
        WebcruiterEsaProperties.Retention retention = properties.retention();
        String bucket = properties.drop().bucket();
        RetentionLayout layout = new RetentionLayout(properties.drop().quarantinePrefix(),
                List.of(properties.drop().lockPrefix(), retention.prefix()));
        return new SweepRetention(new S3RetentionStore(s3, bucket, retention.lookupThreads()),
                new S3SweepJournal(s3, bucket, retention.prefix()),
                new SweepRetention.Settings(properties.retentionPolicy(), layout, retention.pageSize()),
                Clock.systemUTC());
    }

    @Bean
    Function<Message<ScheduledEvent>, SweepAudit> retentionSweep(SweepRetention sweep,
                                                                 WebcruiterEsaProperties properties,
                                                                 Metrics metrics) {
        long marginMillis = properties.retention().safetyMargin().toMillis();
        return message -> {
            // Lambda's deadline: stop a page early enough to save the checkpoint and the audit record.
            Context context = (Context) message.getHeaders().get(AWSLambdaUtils.AWS_CONTEXT);
            SweepAudit audit = sweep.sweep(dryRun(message.getPayload()),
                    () -> context != null && context.getRemainingTimeInMillis() < marginMillis);
            metrics.retentionSwept(audit.deleted(), audit.held(), audit.failed());
            metrics.publish("retentionSweep");
            return audit;
        };
    }

    static boolean dryRun(ScheduledEvent event) {
        Object flag = event == null ? null : event.detail().get("dryRun");
        return flag != null && Boolean.parseBoolean(flag.toString());
    }
}
