package no.webcruiteresa.functions;

import java.net.URI;
import java.util.Map;
import no.webcruiteresa.adapter.fiksarkiv.FiksArkivArchive;
import no.webcruiteresa.adapter.fiksarkiv.FiksArkivSettings;
import no.webcruiteresa.domain.RegistrationSettings;
import no.webcruiteresa.fiksarkiv.FiksArkivTransport;
import no.webcruiteresa.fiksarkiv.LoopbackHttpTransport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

/**
 * Selects the archive door: with {@code webcruiter-esa.archive.protocol: fiks-arkiv} the functions archive through
 * KS Fiks Arkiv messages instead of the Noark 5 REST API (the default, {@code noark5-rest}).
 */
@Configuration(proxyBeanMethods = false)
@Lazy
@ConditionalOnProperty(name = "webcruiter-esa.archive.protocol", havingValue = "fiks-arkiv")
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

    /**
     * Until FunctionsConfiguration takes the ports (CaseArchive, EntryArchive) instead of Noark5Archive, the Fiks
     * door stands in where a Noark5Archive is asked for. It never calls the REST API.
     */
    @Bean
    @Primary
    FiksArkivDoor fiksArkivDoor(FiksArkivArchive archive, WebcruiterEsaProperties properties) {
        return new FiksArkivDoor(archive, properties.noark5Settings(Map.of()));
    }
}
