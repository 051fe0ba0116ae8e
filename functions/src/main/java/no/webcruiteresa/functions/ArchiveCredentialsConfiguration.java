package no.webcruiteresa.functions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** How long the archive secret is trusted before it is read again, and the SnapStart hooks that drop it. */
@Configuration(proxyBeanMethods = false)
@Lazy
public class ArchiveCredentialsConfiguration {

    /** @param credentialsTtl how long the secret's values are used before the secret is read again */
    @ConfigurationProperties("webcruiter-esa.archive")
    public record CredentialsRotation(Duration credentialsTtl) {
        public CredentialsRotation {
            if (credentialsTtl == null || credentialsTtl.isNegative()) {
                credentialsTtl = Duration.ofMinutes(5);
            }
        }
    }

    @Bean
    SnapshotHooks snapshotHooks() {
        return new SnapshotHooks();
    }
}
