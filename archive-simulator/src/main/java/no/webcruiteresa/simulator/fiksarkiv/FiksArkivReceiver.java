package no.webcruiteresa.simulator.fiksarkiv;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.opprett.v1.Arkivmelding;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.mappe.hent.v1.MappeHent;
import io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.registrering.hent.v1.RegistreringHent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import no.webcruiteresa.fiksarkiv.Asice;
import no.webcruiteresa.fiksarkiv.FiksArkivTransport.Reply;
import no.webcruiteresa.fiksarkiv.FiksArkivXml;
import no.webcruiteresa.fiksarkiv.InvalidMessageException;
import no.webcruiteresa.fiksarkiv.LoopbackHttpTransport;
import no.webcruiteresa.fiksarkiv.MessageTypes;
import no.webcruiteresa.simulator.FiksArkivAccess;

/**
 * The archive's Fiks Arkiv side, standing in for an archive system behind Fiks IO: takes ASiC-E packages
 * ({@code POST meldinger}), validates their payload against the v1 schemas, applies them to the archive the REST
 * side shows, and queues mottatt and then a kvittering, a resultat or an error message for the sender to fetch
 * ({@code GET svar/<message id>}). The REST side's fault injection applies: a 503 refuses the package, a 500 answers
 * serverfeil without effect, a slow answer comes late, and a timed-out one takes effect but its answer comes only
 * after the timeout (a lost answer).
 */
public final class FiksArkivReceiver implements HttpHandler {
    public static final String BASE = "/fiks-arkiv/";
    private static final Logger LOG = Logger.getLogger(FiksArkivReceiver.class.getName());
    private static final int MAX_PAYLOAD = 16 << 20;

    private record Pending(Reply reply, long visibleAtNanos) {
    }

    private final FiksArkivAccess archive;
    private final Registrations registrations;
    private final Lookups lookups;
    private final Map<UUID, List<Pending>> mailbox = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();

    public FiksArkivReceiver(FiksArkivAccess archive) {
        this.archive = archive;
        this.registrations = new Registrations(archive);
        this.lookups = new Lookups(archive);
    }

    /** How many packages were taken so far. */
    public long received() {
        return received.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.equals(BASE + "meldinger")) {
                receive(exchange);
            } else if (exchange.getRequestMethod().equals("GET") && path.startsWith(BASE + "svar/")) {
                answers(exchange, path.substring((BASE + "svar/").length()));
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst(LoopbackHttpTransport.TYPE_HEADER);
        UUID id;
        try {
            id = UUID.fromString(exchange.getRequestHeaders().getFirst(LoopbackHttpTransport.ID_HEADER));
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        String faultPath = BASE + "meldinger/" + type;
        Optional<Integer> injected = archive.failure("POST", faultPath);
        if (injected.isPresent() && injected.get() != 500) {
            exchange.sendResponseHeaders(injected.get(), -1);
            return;
        }
        Path spool = Files.createTempDirectory("fiks-arkiv-in-");
        try {
            byte[] payload;
            Map<String, Path> files = new LinkedHashMap<>();
            try {
                payload = unpack(exchange, type, spool, files);
            } catch (InvalidMessageException e) {
                accept(exchange, id, type, Refusal.invalid("the package is not valid: " + e.getMessage()), Duration.ZERO);
                return;
            }
            Optional<String> random = archive.randomFault(type + " " + requestKey(payload));
            if (random.filter("FAIL_503"::equals).isPresent()) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (injected.isPresent() || random.filter("FAIL_500"::equals).isPresent()) {
                accept(exchange, id, type, Refusal.serverError("injected fault: nothing was registered"), Duration.ZERO);
                return;
            }
            Duration late = random.map(archive::delay).orElse(Duration.ZERO);
            Optional<Duration> stall = archive.stall("POST", faultPath);
            if (stall.isPresent()) {
                late = stall.get();
            }
            accept(exchange, id, type, apply(type, payload, files), late);
        } finally {
            for (Path file : files(spool)) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(spool);
        }
    }

    /** Reads the package: the payload in memory (bounded), every other file spooled to disk as it streams in. */
    private byte[] unpack(HttpExchange exchange, String type, Path spool, Map<String, Path> files) throws IOException {
        String payloadName = type == null ? null : MessageTypes.payloadFile(type);
        byte[][] payload = new byte[1][];
        Asice.read(exchange.getRequestBody(), (name, mediaType, content) -> {
            if (name.equals(payloadName)) {
                payload[0] = content.readNBytes(MAX_PAYLOAD);
            } else {
                Path file = spool.resolve("f" + files.size());
                Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
                files.put(name, file);
            }
        });
        if (payload[0] == null) {
            throw new InvalidMessageException("no " + payloadName + " for message type " + type, null);
        }
        received.incrementAndGet();
        return payload[0];
    }

    /** Applies a message; the answer is the final reply (a kvittering, a resultat or an error message). */
    private Object apply(String type, byte[] payload, Map<String, Path> files) {
        try {
            synchronized (archive.lock()) {
                return switch (type) {
                    case MessageTypes.ARKIVMELDING_OPPRETT -> new Reply(UUID.randomUUID(),
                            MessageTypes.ARKIVMELDING_OPPRETT_KVITTERING, null,
                            registrations.opprett(FiksArkivXml.instance().read(payload, Arkivmelding.class), files));
                    case MessageTypes.ARKIVMELDING_OPPDATER -> {
                        registrations.oppdater(FiksArkivXml.instance().read(payload,
                                io.github.ks_no.standarder.fiks_protokoll.fiks_arkiv.arkivmelding.oppdater.v1
                                        .ArkivmeldingOppdatering.class));
                        yield new Reply(UUID.randomUUID(), MessageTypes.ARKIVMELDING_OPPDATER_KVITTERING, null, null);
                    }
                    case MessageTypes.MAPPE_HENT -> new Reply(UUID.randomUUID(), MessageTypes.MAPPE_HENT_RESULTAT, null,
                            lookups.mappe(FiksArkivXml.instance().read(payload, MappeHent.class)));
                    case MessageTypes.REGISTRERING_HENT -> new Reply(UUID.randomUUID(),
                            MessageTypes.REGISTRERING_HENT_RESULTAT, null,
                            lookups.registrering(FiksArkivXml.instance().read(payload, RegistreringHent.class)));
                    default -> Refusal.invalid("the simulator does not take message type " + type);
                };
            }
        } catch (InvalidMessageException e) {
            return Refusal.invalid(e.getMessage());
        } catch (Refusal refusal) {
            return refusal;
        } catch (IOException | RuntimeException e) {
            LOG.warning("Fiks Arkiv message failed: " + e);
            return Refusal.serverError("the archive failed: " + e.getClass().getSimpleName());
        }
    }

    private void accept(HttpExchange exchange, UUID id, String type, Object outcome, Duration late) throws IOException {
        Reply answer = outcome instanceof Refusal refusal
                ? new Reply(UUID.randomUUID(), refusal.messageType(), id, refusal.payload())
                : withReplyTo((Reply) outcome, id);
        long now = System.nanoTime();
        List<Pending> replies = mailbox.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        if (type != null && (type.equals(MessageTypes.ARKIVMELDING_OPPRETT) || type.equals(MessageTypes.ARKIVMELDING_OPPDATER))) {
            replies.add(new Pending(new Reply(UUID.randomUUID(), type + ".mottatt", id, null), now));
        }
        replies.add(new Pending(answer, now + late.toNanos()));
        exchange.sendResponseHeaders(202, -1);
    }

    private void answers(HttpExchange exchange, String messageId) throws IOException {
        UUID id;
        try {
            id = UUID.fromString(messageId);
        } catch (IllegalArgumentException e) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        long now = System.nanoTime();
        List<Reply> visible = new ArrayList<>();
        for (Pending pending : mailbox.getOrDefault(id, List.of())) {
            if (pending.visibleAtNanos() - now <= 0) {
                visible.add(pending.reply());
            }
        }
        byte[] body = no.webcruiteresa.fiksarkiv.ReplyBundle.write(id, visible);
        exchange.getResponseHeaders().add("Content-Type", "application/zip");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Reply withReplyTo(Reply reply, UUID id) {
        return new Reply(reply.id(), reply.type(), id, reply.payload());
    }

    /** What the message is about, stable between runs (message ids are not), for seeded random faults. */
    private static String requestKey(byte[] payload) {
        String xml = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        int at = xml.indexOf("noekkel>");
        return at < 0 ? Integer.toHexString(xml.hashCode()) : xml.substring(at, Math.min(xml.length(), at + 80));
    }

    private static List<Path> files(Path directory) throws IOException {
        try (var listing = Files.list(directory)) {
            return listing.toList();
        }
    }
}
