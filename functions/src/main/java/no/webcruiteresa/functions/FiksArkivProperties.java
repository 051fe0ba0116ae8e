package no.webcruiteresa.functions;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Fiks Arkiv door's settings ({@code webcruiter-esa.fiks-arkiv.*}), used when
 * {@code webcruiter-esa.archive.protocol} is {@code fiks-arkiv}. A record of its own rather than a component of
 * WebcruiterEsaProperties, so adding it touches no shared constructor.
 *
 * @param transport          {@code loopback} (the simulator's receiver over HTTP); {@code fiks-io} is not built yet
 * @param url                the loopback receiver's root
 * @param fagsystem          our name in every referanseEksternNoekkel (keep it equal to the registration's reference prefix)
 * @param replyTimeout       how long a function waits for the archive's final answer before the outcome is unknown
 * @param accountId          Fiks IO account (konto) id, for the fiks-io transport
 * @param privateKeySecretArn Secrets Manager secret with the Fiks IO account's private key, for the fiks-io transport
 */
@ConfigurationProperties("webcruiter-esa.fiks-arkiv")
public record FiksArkivProperties(String transport, URI url, String fagsystem, Duration replyTimeout,
                                  Duration connectTimeout, Duration requestTimeout, String accountId,
                                  String privateKeySecretArn) {
}
