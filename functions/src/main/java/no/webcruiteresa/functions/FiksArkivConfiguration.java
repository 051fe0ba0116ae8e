package no.webcruiteresa.functions;

import java.net.URI;
import java.util.Map;
import no.webcruiteresa.adapter.fiksarkiv.FiksArkivArchive;
import no.webcruiteresa.adapter.fiksarkiv.FiksArkivSettings;
import no.webcruiteresa.domain.RegistrationSettings;
import no.webcruiteresa.fiksarkiv.FiksArkivTransport;
import no.webcruiteresa.fiksarkiv.LoopbackHttpTransport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The Fiks Arkiv door's beans. They are lazy and built only when {@code webcruiter-esa.archive.protocol} is
 * {@code fiks-arkiv} (FunctionsConfiguration asks for them then). The choice is made at run time, not by a
 * condition: the deployed jar's context is generated at build time (Boot AOT), which would fix a condition to the
 * build's settings.
 */
@Configuration(proxyBeanMethods = false)
@Lazy
public class FiksArkivConfiguration {

    @Bean
    FiksArkivTransport fiksArkivTransport(FiksArkivProperties fiks, WebcruiterEsaProperties properties) {
        if (!"loopback".equals(fiks.transport())) {
            throw new IllegalStateException("webcruiter-esa.fiks-arkiv.transport must be loopback: no Fiks IO "
                    + "transport is built yet (docs/fiks-arkiv.md)");
        }
        // Blank: the receiver beside the REST API (the archive simulator serves both).
        URI base = fiks.url() == null || fiks.url().toString().isBlank()
                ? properties.archive().url().resolve("/fiks-arkiv/") : fiks.url();
        return new LoopbackHttpTransport(base, fiks.connectTimeout(), fiks.requestTimeout());
    }

    @Bean
    FiksArkivArchive fiksArkivArchive(FiksArkivTransport transport, FiksArkivProperties fiks,
                                      WebcruiterEsaProperties properties, RegistrationSettings registration) {
        WebcruiterEsaProperties.Archive archive = properties.archive();
        return new FiksArkivArchive(transport, new FiksArkivSettings(fiks.fagsystem(), archive.fileFormat(),
                archive.fileFormatName(), archive.documentType(), archive.documentTypeName(),
                properties.screening().accessCodeName(), registration.administrativeUnit(), archive.timeZone(),
                fiks.replyTimeout()));
    }
}
