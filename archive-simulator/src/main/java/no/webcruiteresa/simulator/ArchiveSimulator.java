package no.webcruiteresa.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Noark 5 tjenestegrensesnitt server standing in for ESA, on loopback only. Seeds one archive with the
 * arkivdel and classification the integration registers into.
 */
public final class ArchiveSimulator implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final ArchiveStore store;
    private final Faults faults;
    private final SimulatorAuth auth;
    private final RequestLog requests;

    private ArchiveSimulator(HttpServer server, ExecutorService executor, ArchiveStore store, Faults faults,
                             SimulatorAuth auth, RequestLog requests) {
        this.requests = requests;
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.faults = faults;
        this.auth = auth;
    }

    /**
     * @param port    0 for any free port
     * @param dataDir where to keep the archive between runs; null keeps it in memory
     */
    public static ArchiveSimulator start(int port, Path dataDir) {
        return start(port, dataDir, 10);
    }

    public static ArchiveSimulator start(int port, Path dataDir, int pageSize) {
        return start(port, dataDir, pageSize, null);
    }

    /** @param user the test user the API requires; null leaves it open */
    public static ArchiveSimulator start(int port, Path dataDir, int pageSize, SimulatorAuth.TestUser user) {
        return start(InetAddress.getLoopbackAddress(), port, dataDir, pageSize, user);
    }

    /**
     * @param bind loopback unless something outside this host must reach it (LocalStack's Lambda containers);
     *             bind to the Docker bridge address then, never to a public interface
     */
    public static ArchiveSimulator start(InetAddress bind, int port, Path dataDir, int pageSize,
                                         SimulatorAuth.TestUser user) {
        return start(bind, port, dataDir, pageSize, user, ServerProfile.STANDARD);
    }

    /** @param profile how closely it follows the standard, or the quirks of the reference server */
    public static ArchiveSimulator start(InetAddress bind, int port, Path dataDir, int pageSize,
                                         SimulatorAuth.TestUser user, ServerProfile profile) {
        ArchiveStore store = new ArchiveStore(dataDir, Clock.systemUTC());
        if (store.all(EntityTypes.ARKIV).isEmpty()) {
            seed(store);
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 64);
            ExecutorService executor = Executors.newFixedThreadPool(8);
            server.setExecutor(executor);
            Faults faults = new Faults();
            SimulatorAuth auth = user == null ? null : new SimulatorAuth(user, Clock.systemUTC());
            RequestLog requests = new RequestLog();
            server.createContext(NoarkApi.BASE, new NoarkApi(store, pageSize, faults, auth, profile, requests));
            server.createContext(HtmlView.BASE, new HtmlView(store));
            server.createContext(no.webcruiteresa.simulator.fiksarkiv.FiksArkivReceiver.BASE,
                    new no.webcruiteresa.simulator.fiksarkiv.FiksArkivReceiver(new FiksArkivAccess(store, faults)));
            if (auth != null) {
                server.createContext("/oauth2/token", auth::token);
            }
            if (auth != null && profile.discovery()) {
                server.createContext("/.well-known/openid-configuration",
                        exchange -> auth.discovery(exchange, "http://127.0.0.1:" + exchange.getLocalAddress().getPort()));
            }
            server.start();
            return new ArchiveSimulator(server, executor, store, faults, auth, requests);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the archive simulator on port " + port, e);
        }
    }

    public URI root() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() || address.isLoopbackAddress() ? "127.0.0.1" : address.getHostAddress();
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + NoarkApi.BASE);
    }

    /** The Fiks Arkiv receiver's root (the local transport's base), on the same store as the REST API. */
    public URI fiksArkivRoot() {
        return root().resolve(no.webcruiteresa.simulator.fiksarkiv.FiksArkivReceiver.BASE);
    }

    /** The read-only HTML view for people. */
    public URI htmlView() {
        return root().resolve(HtmlView.BASE);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every bearer token issued so far stops working (the client must fetch a new one). */
    public void expireTokens() {
        if (auth != null) {
            auth.expireAll();
        }
    }

    ArchiveStore store() {
        return store;
    }

    /** Misbehaviour on demand, for tests. */
    public Faults faults() {
        return faults;
    }

    /** Every API request received so far, by kind, for tests that count a client's requests. */
    public RequestLog requests() {
        return requests;
    }

    /** A read-only summary for tests and the local stack's report. */
    public ArchiveContents contents() {
        return ArchiveContents.of(store);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void seed(ArchiveStore store) {
        var json = store.json();
        var arkiv = store.create(EntityTypes.ARKIV, null, json.createObjectNode().put("tittel", "Kommunens arkiv"));
        for (String part : List.of("EL-SAKARKI", "PERSONAL")) {
            var arkivdel = store.create(EntityTypes.ARKIVDEL, arkiv.systemId(), json.createObjectNode().put("tittel", part));
            var system = store.create(EntityTypes.KLASSIFIKASJONSSYSTEM, arkivdel.systemId(),
                    json.createObjectNode().put("tittel", "Arkivnøkkel for kommunene (K-koder)"));
            for (String[] klasse : new String[][] {{"400", "Personal"}, {"410", "Tilsetting"}, {"420", "Lønn"}}) {
                store.create(EntityTypes.KLASSE, system.systemId(),
                        json.createObjectNode().put("klasseID", klasse[0]).put("tittel", klasse[1]));
            }
        }
    }
}
