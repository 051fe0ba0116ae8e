package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;

import no.webcruiteresa.application.port.Archive;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The functions application as a Lambda starts it: the archive client, built at start-up for the functions that
 * call the archive, registers what it must drop before a SnapStart snapshot; the secret is not read at start-up.
 */
class SnapshotHooksWiringTest {

    @Test
    void theArchiveClientRegistersItsSnapshotHook_andReadsNoSecretAtStartUp() {
        SpringApplication application = new SpringApplication(WebcruiterEsaApplication.class);
        // An unreachable Secrets Manager: reading the secret at start-up would fail the context.
        try (ConfigurableApplicationContext context = application.run(
                "--webcruiter-esa.archive.credentials-secret-arn=arn:aws:secretsmanager:eu-north-1:000000000000:secret:x",
                "--webcruiter-esa.aws.secrets-manager-endpoint=http://127.0.0.1:9",
                "--webcruiter-esa.archive.allow-insecure-url=true", "--spring.main.web-application-type=none")) {
            context.getBean(Archive.class);
            SnapshotHooks hooks = context.getBean(SnapshotHooks.class);

            assertThat(hooks.holders()).isEqualTo(1);
            hooks.beforeCheckpoint(null);
        }
    }
}
