package no.webcruiteresa.adapter.fiksarkiv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import no.webcruiteresa.fiksarkiv.Asice;
import no.webcruiteresa.fiksarkiv.FiksArkivTransport;
import no.webcruiteresa.fiksarkiv.MessageTypes;

/** The real transport, keeping every payload it sends (validated, under target/) and counting the messages by type. */
final class RecordingTransport implements FiksArkivTransport {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final FiksArkivTransport delegate;
    final List<String> sentTypes = new CopyOnWriteArrayList<>();

    RecordingTransport(FiksArkivTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public void send(OutgoingMessage message) {
        String payloadName = MessageTypes.payloadFile(message.type());
        for (Asice.Entry entry : message.content()) {
            if (entry.name().equals(payloadName)) {
                try (InputStream in = entry.content().open()) {
                    String kind = message.type().substring("no.ks.fiks.arkiv.v1.".length()).replace('.', '-');
                    ProducedMessages.validateAndKeep("sent-" + SEQUENCE.incrementAndGet() + "-" + kind, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        sentTypes.add(message.type());
        delegate.send(message);
    }

    @Override
    public List<Reply> replies(UUID messageId, Duration wait) {
        return delegate.replies(messageId, wait);
    }

    long sent(String type) {
        return sentTypes.stream().filter(type::equals).count();
    }
}
