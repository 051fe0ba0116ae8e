package no.webcruiteresa.simulator;

import java.nio.file.Path;

/** Runs the simulator on its own: {@code java -jar archive-simulator.jar [--port 8092] [--data-dir DIR]}. */
public final class ArchiveSimulatorMain {
    private ArchiveSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8092;
        Path dataDir = Path.of(".local-stack-data", "archive");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--in-memory" -> dataDir = null;
                default -> {
                    System.err.println("usage: [--port N] [--data-dir DIR | --in-memory]");
                    System.exit(2);
                }
            }
        }
        ArchiveSimulator simulator = ArchiveSimulator.start(port, dataDir);
        System.out.println("Noark 5 archive simulator at " + simulator.root()
                + (dataDir == null ? " (in memory)" : " (data in " + dataDir.toAbsolutePath() + ")"));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
