package no.webcruiteresa.simulator;

import java.nio.file.Path;

/** Runs the simulator on its own: {@code [--port 8092] [--data-dir DIR | --in-memory] [--bind ADDRESS]}. */
public final class ArchiveSimulatorMain {
    private ArchiveSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8092;
        Path dataDir = Path.of(".local-stack-data", "archive");
        java.net.InetAddress bind = java.net.InetAddress.getLoopbackAddress();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--in-memory" -> dataDir = null;
                case "--bind" -> bind = java.net.InetAddress.getByName(args[++i]);
                default -> {
                    System.err.println("usage: [--port N] [--data-dir DIR | --in-memory] [--bind ADDRESS]");
                    System.exit(2);
                }
            }
        }
        ArchiveSimulator simulator = ArchiveSimulator.start(bind, port, dataDir, 10, null);
        System.out.println("Noark 5 archive simulator at " + simulator.root()
                + (dataDir == null ? " (in memory)" : " (data in " + dataDir.toAbsolutePath() + ")"));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
