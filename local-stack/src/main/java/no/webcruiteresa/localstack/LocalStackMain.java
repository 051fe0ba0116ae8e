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
 * --archive-profile standard|strict the simulator's behaviour (strict: the reference server's quirks)
 *
 * Archive into a real Noark 5 server instead of the simulator (docs/real-archive.md):
 * --archive-url URL                  the API root
 * --archive-auth none|basic|oauth2-password|oauth2-client-credentials
 * --archive-user USER --archive-client-id ID --archive-token-url URL
 * --archive-secrets FILE             password= and client-secret= (else ARCHIVE_PASSWORD, ARCHIVE_CLIENT_SECRET)
 * --archive-part TITLE --archive-class CODE   where new cases go (default EL-SAKARKI, 410)
 * --create-structure                 create that arkivdel and klasse (with an arkiv) when the server lacks them
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
        ArchiveOptions archiveOptions = new ArchiveOptions();
        for (int i = 0; i < args.length; i++) {
            if (archiveOptions.accepts(args, i)) {
                i += archiveOptions.consumed(args[i]);
                continue;
            }
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
                    options.dataDir() == null ? null : options.dataDir().resolve("archive"), 10, null,
                    archiveOptions.profile());
            System.out.println("Archive (Noark 5): " + simulator.root() + " on " + bind.getHostAddress());
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
            Thread.currentThread().join();
        }
        ArchiveConnection connection = archiveOptions.connection();
        options = options.withArchiveProfile(archiveOptions.profile());
        if (connection != null) {
            options = options.withArchive(connection.url());
            connection.functionProperties().forEach(System::setProperty);
            if (connection.createStructure()) {
                new no.webcruiteresa.adapter.noark5.Noark5Structure(connection.settings()).ensure(
                        "webcruiter-esa", connection.archivePart(), connection.classificationCode(), "Tilsetting");
            }
        }
        System.out.println("Starting the embedded local stack…");
        EmbeddedStack embedded = EmbeddedStack.start(options.withPorts(s3Port, sqsPort, archivePort));
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        Pipeline stack = embedded.pipeline();
        printEndpoints(embedded);
        boolean demoConfirmed = true;
        if (demo) {
            demoConfirmed = runDemo(embedded, connection == null
                    ? new ArchiveReadBack(ArchiveReadBack.simulatorSettings(embedded.archiveRoot()))
                    : new ArchiveReadBack(connection.settings()));
        }
        if (exitWhenIdle) {
            boolean drained = stack.awaitIdle(Duration.ofMinutes(10));
            StackReport report = StackReport.of(stack, contents(embedded));
            System.out.println(drained ? "Idle: every queue is drained." : "Gave up waiting for the queues to drain.");
            System.out.println(report.progressLine());
            embedded.close();
            System.exit(drained && demoConfirmed && report.deadLettered() == 0 ? 0 : 1);
        }
        String last = "";
        while (true) {
            String line = StackReport.of(stack, contents(embedded)).progressLine();
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
        System.out.println("Archive (Noark 5):           " + embedded.archiveRoot());
    }

    /** What the simulator holds; nothing to count when the stack archives into a real server. */
    private static no.webcruiteresa.simulator.ArchiveContents contents(EmbeddedStack embedded) {
        return embedded.simulated() ? embedded.archive().contents() : null;
    }

    /** @return whether the archive confirms every document of the demo */
    private static boolean runDemo(EmbeddedStack embedded, ArchiveReadBack readBack) throws InterruptedException {
        Pipeline stack = embedded.pipeline();
        DemoDrops demo = new DemoDrops(String.valueOf(240000 + (System.currentTimeMillis() / 1000) % 10000),
                LocalDate.now());
        List<DemoDrops.Drop> drops = demo.drops();
        stack.sqs().sendMessage(r -> r.queueUrl(stack.queueOf("createCase")).messageBody(demo.postingPublishedMessage()));
        DemoDrops.upload(stack.s3(), stack.bucket(), drops);
        System.out.println("Demo: posting " + demo.posting().caseNumber() + " published; " + drops.size()
                + " documents dropped with " + drops.stream().mapToInt(d -> d.files().size()).sum() + " PDFs.");
        boolean drained = stack.awaitIdle(Duration.ofMinutes(5));
        long xmlLeft = drops.stream().filter(d -> stack.s3().listObjectsV2(r -> r.bucket(stack.bucket())
                .prefix(d.xmlKey())).keyCount() > 0).count();
        StackReport report = StackReport.of(stack, contents(embedded));
        ArchiveReadBack.Confirmed confirmed = readBack.of(demo, drops, "WEBCRUITER");
        System.out.println("Demo summary" + (drained ? "" : " (queues not drained yet)")
                + ", as read back from the archive at " + embedded.archiveRoot() + ":");
        System.out.println("  case found:           " + confirmed.cases() + " of 1");
        System.out.println("  entries found:        " + confirmed.entries() + " of " + drops.size());
        System.out.println("  documents, checksum = " + confirmed.documents() + " of " + confirmed.documentsExpected());
        System.out.println("  XML removed:          " + (drops.size() - xmlLeft) + " of " + drops.size());
        System.out.println("  dead-lettered:        " + report.deadLettered());
        System.out.println("  quarantined:          " + report.quarantined());
        return confirmed.complete(drops.size());
    }
}
