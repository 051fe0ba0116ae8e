package no.webcruiteresa.localstack;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A moto_server process on a free loopback port, for as long as one test class needs it. */
final class MotoServer implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** null when moto_server is not installed here. */
    static MotoServer startIfInstalled() throws IOException, InterruptedException {
        if (!onPath("moto_server")) {
            return null;
        }
        int port = EmbeddedStack.freePort();
        Path log = Files.createTempFile("moto", ".log");
        Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        awaitAnswer(process, log, "moto_server", server.endpoint);
        return server;
    }

    /** Waits up to 30 s for a moto process to answer on its API; stops it and fails if it exits or stays silent. */
    static void awaitAnswer(Process process, Path log, String name, URI endpoint)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + Files.readString(log));
            }
            if (answers(endpoint)) {
                return;
            }
            Thread.sleep(200);
        }
        stop(process);
        throw new IllegalStateException(name + " did not answer within 30 s");
    }

    URI endpoint() {
        return endpoint;
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        stop(process);
    }

    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
