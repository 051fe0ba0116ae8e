package no.webcruiteresa.simulator.fiksarkiv;

import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.feil.feilmelding.v1.FeilmeldingBase;
import jakarta.xml.bind.JAXBElement;
import java.util.UUID;
import no.webcruiteresa.fiksarkiv.FiksArkivXml;
import no.webcruiteresa.fiksarkiv.MessageTypes;

/** A message the simulated archive answers with one of the standard's error messages. */
final class Refusal extends RuntimeException {
    private final String messageType;

    private Refusal(String messageType, String message) {
        super(message);
        this.messageType = messageType;
    }

    static Refusal invalid(String message) {
        return new Refusal(MessageTypes.UGYLDIG_FORESPOERSEL, message);
    }

    static Refusal notFound(String message) {
        return new Refusal(MessageTypes.IKKE_FUNNET, message);
    }

    static Refusal serverError(String message) {
        return new Refusal(MessageTypes.SERVERFEIL, message);
    }

    String messageType() {
        return messageType;
    }

    byte[] payload() {
        FeilmeldingBase base = new FeilmeldingBase();
        base.setFeilId(UUID.randomUUID().toString());
        base.setFeilmelding(getMessage());
        JAXBElement<FeilmeldingBase> root = switch (messageType) {
            case MessageTypes.UGYLDIG_FORESPOERSEL ->
                    new io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.feil.ugyldigforespoersel.v1.ObjectFactory()
                            .createUgyldigforespoersel(base);
            case MessageTypes.IKKE_FUNNET ->
                    new io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.feil.ikkefunnet.v1.ObjectFactory()
                            .createIkkefunnet(base);
            default -> new io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.feil.serverfeil.v1.ObjectFactory()
                    .createServerfeil(base);
        };
        return FiksArkivXml.instance().write(root);
    }
}
