package no.webcruiteresa.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Runs the main job on the embedded local stack. See README "Quick start".
 *
 * <pre>
 * --demo              upload a sample hiring case and its documents
 * --exit-when-idle    exit 0 once every queue is drained (non-zero if anything was dead-lettered)
 * --data-dir DIR      keep the drop bucket and the archive between runs (default .local-stack-data)
 * --in-memory         keep nothing between runs
 * --s3-port N --sqs-port N --archive-port N
 * --archive-only [--bind ADDRESS]   only the archive simulator (for functions deployed to LocalStack)
 * </pre>
 */
public final class LocalStackMain {
    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean demo = false;
        boolean exitWhenIdle = false;
        EmbeddedStack.Options options = EmbeddedStack.Options.defaults();
        int s3Port = options.s3Port();
        int sqsPort = options.sqsPort();
        int archivePort = options.archivePort();
        boolean archiveOnly = false;
        java.net.InetAddress bind = java.net.InetAddress.getLoopbackAddress();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--exit-when-idle" -> exitWhenIdle = true;
                case "--data-dir" -> options = options.withDataDir(Path.of(args[++i]));
                case "--in-memory" -> options = options.withDataDir(null);
                case "--s3-port" -> s3Port = Integer.parseInt(args[++i]);
                case "--sqs-port" -> sqsPort = Integer.parseInt(args[++i]);
                case "--archive-port" -> archivePort = Integer.parseInt(args[++i]);
                case "--archive-only" -> archiveOnly = true;
                case "--bind" -> bind = java.net.InetAddress.getByName(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; see README, Quick start");
                    System.exit(2);
                }
            }
        }
        if (archiveOnly) {
            var simulator = no.webcruiteresa.simulator.ArchiveSimulator.start(bind, archivePort,
                    options.dataDir() == null ? null : options.dataDir().resolve("archive"), 10, null);
            System.out.println("Archive (Noark 5): " + simulator.root() + " on " + bind.getHostAddress());
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
            Thread.currentThread().join();
        }
        System.out.println("Starting the embedded local stack…");
        EmbeddedStack embedded = EmbeddedStack.start(options.withPorts(s3Port, sqsPort, archivePort));
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        Pipeline stack = embedded.pipeline();
        printEndpoints(embedded);
        if (demo) {
            runDemo(embedded);
        }
        if (exitWhenIdle) {
            boolean drained = stack.awaitIdle(Duration.ofMinutes(10));
            StackReport report = StackReport.of(stack, embedded.archive().contents());
            System.out.println(drained ? "Idle: every queue is drained." : "Gave up waiting for the queues to drain.");
            System.out.println(report.progressLine());
            embedded.close();
            System.exit(drained && report.deadLettered() == 0 ? 0 : 1);
        }
        String last = "";
        while (true) {
            String line = StackReport.of(stack, embedded.archive().contents()).progressLine();
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
            }
            Thread.sleep(2000);
        }
    }

    private static void printEndpoints(EmbeddedStack embedded) {
        Pipeline stack = embedded.pipeline();
        System.out.println("S3 (drop bucket '" + stack.bucket() + "'): " + embedded.s3Endpoint());
        System.out.println("SQS:                         " + embedded.sqsEndpoint());
        stack.topology().queues().forEach(q -> System.out.println("  queue " + q.logicalId() + ": "
                + stack.queueUrl(q.logicalId())));
        System.out.println("Archive (Noark 5):           " + embedded.archive().root());
    }

    private static void runDemo(EmbeddedStack embedded) throws InterruptedException {
        Pipeline stack = embedded.pipeline();
        DemoDrops demo = new DemoDrops(String.valueOf(240000 + (System.currentTimeMillis() / 1000) % 10000),
                LocalDate.now());
        List<DemoDrops.Drop> drops = demo.drops();
        stack.sqs().sendMessage(r -> r.queueUrl(stack.queueOf("createCase")).messageBody(demo.postingPublishedMessage()));
        DemoDrops.upload(stack.s3(), stack.bucket(), drops);
        System.out.println("Demo: posting " + demo.posting().caseNumber() + " published; " + drops.size()
                + " documents dropped with " + drops.stream().mapToInt(d -> d.files().size()).sum() + " PDFs.");
        boolean drained = stack.awaitIdle(Duration.ofMinutes(5));
        var archive = embedded.archive().contents();
        long caseEntries = archive.entries().stream().filter(e -> archive.cases().stream().anyMatch(c ->
                c.systemId().equals(e.caseSystemId()) && c.description().endsWith(demo.posting().caseNumber()))).count();
        long xmlLeft = drops.stream().filter(d -> stack.s3().listObjectsV2(r -> r.bucket(stack.bucket())
                .prefix(d.xmlKey())).keyCount() > 0).count();
        StackReport report = StackReport.of(stack, archive);
        System.out.println("Demo summary" + (drained ? "" : " (queues not drained yet)") + ":");
        System.out.println("  cases in archive:     " + report.cases());
        System.out.println("  entries for posting:  " + caseEntries + " of " + drops.size());
        System.out.println("  documents in archive: " + report.documents());
        System.out.println("  XML removed:          " + (drops.size() - xmlLeft) + " of " + drops.size());
        System.out.println("  dead-lettered:        " + report.deadLettered());
        System.out.println("  quarantined:          " + report.quarantined());
    }
}
