package no.webcruiteresa.functions;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;
import java.util.function.Function;
import no.webcruiteresa.adapter.drop.DropStoreQuarantine;
import no.webcruiteresa.adapter.drop.JaxbDropParser;
import no.webcruiteresa.adapter.drop.S3ApplicantListLedger;
import no.webcruiteresa.adapter.drop.S3DropHistory;
import no.webcruiteresa.adapter.drop.S3CreationLocks;
import no.webcruiteresa.application.port.Archive;
import no.webcruiteresa.application.CheckApplicantLists;
import no.webcruiteresa.application.FileOnHire;
import no.webcruiteresa.application.RetryBudget;
import no.webcruiteresa.application.port.Metrics;
import no.webcruiteresa.domain.Hire;
import no.webcruiteresa.domain.RegistrationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The hiring functions' wiring: fileOnHire (personnel file on hire) and checkApplicantLists (scheduled daily: a
 * posting past its application deadline and the grace period without a public applicant list is reported).
 */
@Configuration(proxyBeanMethods = false)
@Lazy
public class HiringConfiguration {

    @Bean
    FileOnHire fileOnHireUseCase(Archive archive, RegistrationSettings registration, S3CreationLocks locks,
                                 WebcruiterEsaProperties properties, HiringProperties hiring, Clock clock) {
        return new FileOnHire(archive.personnelFiles(), archive, registration,
                hiring.personnelFileSettings(properties.screening().accessCode()), locks,
                properties.drop().staleLockAfter(), clock);
    }

    @Bean
    CheckApplicantLists checkApplicantListsUseCase(S3Client s3, Archive archive, RegistrationSettings registration,
                                                   WebcruiterEsaProperties properties, HiringProperties hiring,
                                                   Clock clock, Metrics metrics) {
        String bucket = properties.drop().bucket();
        HiringProperties.ApplicantLists lists = hiring.applicantLists();
        ZoneId zone = properties.archive().timeZone() == null ? ZoneId.of("Europe/Oslo") : properties.archive().timeZone();
        return new CheckApplicantLists(new S3DropHistory(s3, bucket, new JaxbDropParser(), properties.drop().maxXmlBytes()),
                new S3ApplicantListLedger(s3, bucket, lists.ledgerKey()), archive, registration,
                Period.ofDays((int) lists.grace().toDays()), zone, clock, metrics);
    }

    /** Scheduled: reports postings whose public applicant list is missing (docs/personnel-file.md). */
    @Bean
    Function<ScheduledEvent, CheckApplicantLists.Report> checkApplicantLists(CheckApplicantLists check,
                                                                             Metrics metrics) {
        return event -> {
            try {
                return check.check();
            } finally {
                metrics.publish("checkApplicantLists");
            }
        };
    }

    /** Takes "candidate hired" messages from the hire queue (docs/personnel-file.md). */
    @Bean
    Function<SqsEvent, SqsBatchResponse> fileOnHire(FileOnHire useCase, SqsClient sqs, RetryBudget backoff,
                                                    DropStoreQuarantine quarantine, Metrics metrics) {
        SqsBatch batch = new SqsBatch("fileOnHire", sqs, backoff, quarantine, metrics);
        return event -> batch.process(event, record -> {
            Hire hire = HiringMessages.candidateHired(record.body());
            Correlation.drop(hire.caseNumber(), hire.applicationDocumentId());
            FileOnHire.Result result = useCase.file(hire);
            return "filed (personnel file " + result.personnelFileId() + (result.fileCreated() ? ", new" : "")
                    + ", " + result.entriesCopied() + " copied, " + result.entriesAlreadyThere() + " already there)";
        });
    }
}
