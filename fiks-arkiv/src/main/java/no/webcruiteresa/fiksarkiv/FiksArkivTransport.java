package no.webcruiteresa.fiksarkiv;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Where Fiks Arkiv messages go and their answers come from. Asynchronous like Fiks IO: a send returns once the
 * message is accepted for delivery; the archive's answers (mottatt, then a kvittering, a resultat or an error
 * message) arrive later, each naming the message it answers.
 */
public interface FiksArkivTransport {
    /** @throws TransportException when the message could not be handed over (nothing was sent) */
    void send(OutgoingMessage message);

    /**
     * The answers to {@code messageId} that have arrived, waiting up to {@code wait} until one of them is final
     * (anything but mottatt). An empty or mottatt-only list after the wait means the answer is late or lost.
     */
    List<Reply> replies(UUID messageId, Duration wait);

    /** @param content the ASiC-E package, written once when the transport sends */
    record OutgoingMessage(UUID id, String type, List<Asice.Entry> content) {
        public OutgoingMessage {
            content = List.copyOf(content);
        }
    }

    /** @param payload the reply's XML payload, or null for a message without one (mottatt) */
    record Reply(UUID id, String type, UUID inReplyTo, byte[] payload) {
        public boolean isFinal() {
            return !type.endsWith(".mottatt");
        }
    }

    class TransportException extends RuntimeException {
        public TransportException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
