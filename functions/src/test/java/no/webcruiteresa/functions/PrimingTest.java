package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SnapStart priming runs the function on an empty batch before the snapshot, touching no S3, SQS or archive: here all
 * three are unreachable, so any call would fail the function, and the empty batch must still answer with no failures.
 */
class PrimingTest {

    @Test
    void anSqsFunctionIsPrimedWithAnEmptyBatch_withoutReachingAnyService() {
        try (ConfigurableApplicationContext context = start("createCase")) {
            Priming priming = context.getBean(Priming.class);

            assertThat(priming.prime()).isTrue();
            context.getBean(SnapshotHooks.class).beforeCheckpoint(null);
        }
    }

    @Test
    void aScheduledFunctionIsNotPrimed_anyEventWouldMakeItWork() {
        try (ConfigurableApplicationContext context = start("retentionSweep")) {
            assertThat(context.getBean(Priming.class).prime()).isFalse();
        }
    }

    private static ConfigurableApplicationContext start(String function) {
        return new SpringApplication(WebcruiterEsaApplication.class).run(
                "--spring.cloud.function.definition=" + function,
                "--webcruiter-esa.aws.s3-endpoint=http://127.0.0.1:9", "--webcruiter-esa.aws.sqs-endpoint=http://127.0.0.1:9",
                "--webcruiter-esa.archive.url=http://127.0.0.1:9/noark5v5/", "--webcruiter-esa.archive.allow-insecure-url=true",
                "--aws.accessKeyId=local", "--aws.secretAccessKey=local", "--spring.main.web-application-type=none");
    }
}
