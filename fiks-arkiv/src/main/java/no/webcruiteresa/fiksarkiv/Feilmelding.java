package no.webcruiteresa.fiksarkiv;

import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.feil.feilmelding.v1.FeilmeldingBase;

/**
 * One of the standard's error messages: ugyldigforespoersel (like a 400: repeating it will not help), ikkefunnet
 * (what the message refers to is not there), serverfeil (the archive failed; it may or may not have acted).
 */
public record Feilmelding(String messageType, String feilId, String feilmelding) {
    public static Feilmelding parse(String messageType, byte[] payload) {
        if (!MessageTypes.isError(messageType)) {
            throw new IllegalArgumentException("not an error message type: " + messageType);
        }
        var root = FiksArkivXml.instance().readRoot(payload);
        String expectedRoot = messageType.substring(messageType.lastIndexOf('.') + 1);
        if (!root.getName().getLocalPart().equals(expectedRoot) || !(root.getValue() instanceof FeilmeldingBase base)) {
            throw new InvalidMessageException(messageType + " carries a " + root.getName().getLocalPart(), null);
        }
        return new Feilmelding(messageType, base.getFeilId(), base.getFeilmelding());
    }

    public boolean invalidRequest() {
        return messageType.equals(MessageTypes.UGYLDIG_FORESPOERSEL);
    }

    public boolean notFound() {
        return messageType.equals(MessageTypes.IKKE_FUNNET);
    }

    public boolean serverError() {
        return messageType.equals(MessageTypes.SERVERFEIL);
    }
}
