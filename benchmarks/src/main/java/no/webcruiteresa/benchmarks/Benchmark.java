package no.webcruiteresa.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import no.webcruiteresa.application.DropKeys;
import no.webcruiteresa.localstack.EmbeddedStack;
import no.webcruiteresa.localstack.Pipeline;
import no.webcruiteresa.simulator.ArchiveContents;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark suite: the functions against their baselines, side by side in one run on one embedded stack
 * (S3Mock, ElasticMQ and the archive simulator on loopback, in memory), printed as one table of medians, spreads
 * and ratios. Run by scripts/benchmark.sh; every parameter is a system property (see {@link Settings}).
 */
public final class Benchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LAMBDA_FLAGS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** What to run and how often; all from system properties {@code bench.*}. */
    record Settings(int runs, List<String> functions, int coldFileBytes, int docs, int fileBytes, List<Integer> workers,
                    int throughputReps, long largeBytes, String largeHeap, String coldHeap, Path productJar,
                    Path baselineJar, Path probeClasses, Path events, Path work, boolean skipCold,
                    boolean skipThroughput, boolean skipMemory) {
        static Settings fromSystemProperties() throws IOException {
            return new Settings(Integer.getInteger("bench.runs", 5),
                    List.of(System.getProperty("bench.functions",
                            "createCase,archiveDocument,removeXmlAttachment,retentionSweep").split(",")),
                    Integer.getInteger("bench.coldFileKb", 64) << 10,
                    Integer.getInteger("bench.docs", 24), Integer.getInteger("bench.fileKb", 512) << 10,
                    List.of(System.getProperty("bench.workers", "1,4,16").split(",")).stream()
                            .map(Integer::valueOf).toList(),
                    Integer.getInteger("bench.throughputReps", 2),
                    Long.getLong("bench.largeMb", 200) << 20, System.getProperty("bench.largeHeap", "128m"),
                    System.getProperty("bench.coldHeap", "512m"),
                    Path.of(System.getProperty("bench.productJar")), Path.of(System.getProperty("bench.baselineJar")),
                    Path.of(System.getProperty("bench.probeClasses")),
                    Path.of(System.getProperty("bench.events", "events")),
                    Files.createTempDirectory("webcruiter-bench"), Boolean.getBoolean("bench.skipCold"),
                    Boolean.getBoolean("bench.skipThroughput"), Boolean.getBoolean("bench.skipMemory"));
        }
    }

    /** One line of the table: what was measured, the product's figure, the baseline's, their ratio, the target. */
    record Row(String measure, String product, String baseline, String ratio, String target) {
    }

    private final Settings settings;
    private final EmbeddedStack stack;
    private final Pipeline pipeline;
    private final Map<String, String> childEnvironment = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final AtomicInteger caseNumbers = new AtomicInteger(500_000);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int launches;

    private Benchmark(Settings settings) {
        this.settings = settings;
        this.stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withPollQueues(false));
        this.pipeline = stack.pipeline();
        // A fault rate of zero: no fault, but the simulator counts every API request (archive calls per document).
        stack.archive().faults().randomly(1, 0.0, Duration.ofMillis(1), Duration.ofSeconds(1));
        childEnvironment.put("WEBCRUITERESA_AWS_S3ENDPOINT", stack.s3Endpoint().toString());
        childEnvironment.put("WEBCRUITERESA_AWS_SQSENDPOINT", stack.sqsEndpoint().toString());
        childEnvironment.put("WEBCRUITERESA_AWS_REGION", Pipeline.REGION);
        childEnvironment.put("WEBCRUITERESA_DROP_BUCKET", pipeline.bucket());
        childEnvironment.put("WEBCRUITERESA_QUEUES_ARCHIVEDURL", pipeline.queueOf("removeXmlAttachment"));
        childEnvironment.put("WEBCRUITERESA_ARCHIVE_URL", stack.archiveRoot().toString());
        // The simulator on loopback speaks plain http, which the functions refuse unless told it is local.
        childEnvironment.put("WEBCRUITERESA_ARCHIVE_ALLOWINSECUREURL", "true");
        childEnvironment.put("WEBCRUITERESA_ARCHIVE_AUTH", "none");
        childEnvironment.put("AWS_ACCESS_KEY_ID", "bench");
        childEnvironment.put("AWS_SECRET_ACCESS_KEY", "bench");
        childEnvironment.put("AWS_REGION", Pipeline.REGION);
        childEnvironment.put("MAIN_CLASS", "no.webcruiteresa.functions.WebcruiterEsaApplication");
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        Benchmark benchmark = new Benchmark(settings);
        try {
            benchmark.artifacts();
            if (!settings.skipCold()) {
                for (String function : settings.functions()) {
                    benchmark.coldStart(function);
                }
            }
            if (!settings.skipThroughput()) {
                benchmark.throughput();
            }
            if (!settings.skipMemory()) {
                benchmark.largeDocument();
            }
        } finally {
            benchmark.stack.close();
        }
        StringBuilder table = new StringBuilder();
        table.append("webcruiter-esa benchmark, " + started + " (" + Duration.between(started, Instant.now())
                .toSeconds() + " s); java " + System.getProperty("java.version") + "; "
                + Runtime.getRuntime().availableProcessors() + " cores; load average before " + loadBefore
                 + ", after " + loadAverage()).append('\n');
        table.append("cold start: " + settings.runs() + " fresh JVMs per variant, interleaved, -Xmx"
                + settings.coldHeap() + "; throughput: " + settings.docs() + " documents of 2 x "
                + (settings.fileBytes() >> 10) + " KiB per run, " + settings.throughputReps() + " runs per variant\n\n");
        benchmark.print(table);
        System.out.print(table);
        String tableFile = System.getProperty("bench.table");
        if (tableFile != null) {
            Files.writeString(Path.of(tableFile), table);
        }
    }

    // ---------------------------------------------------------------------------------------------- artifacts

    private void artifacts() throws IOException {
        rows.add(new Row("jar size (MB)", mb(Files.size(settings.productJar())), mb(Files.size(settings.baselineJar())),
                ratio(Files.size(settings.productJar()), Files.size(settings.baselineJar())), "product < 25 MB"));
        // Entries, not bundled artifacts: the product's jar leaves the Maven descriptors out.
        rows.add(new Row("entries in the jar", String.valueOf(entries(settings.productJar())),
                String.valueOf(entries(settings.baselineJar())), "", ""));
        rows.add(new Row("classes in the jar", String.valueOf(classes(settings.productJar())),
                String.valueOf(classes(settings.baselineJar())), "", ""));
    }

    private static long entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.size();
        }
    }

    private static long classes(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().filter(e -> e.getName().endsWith(".class")).count();
        }
    }

    // --------------------------------------------------------------------------------------------- cold start

    /** What one fresh JVM reported, in milliseconds and MB. */
    record Launch(long jvm, long construct, long invoke, long total, long heapPeakMb, long rssPeakMb) {
        long field(String name) {
            return switch (name) {
                case "jvm" -> jvm;
                case "construct" -> construct;
                case "invoke" -> invoke;
                case "heapPeakMb" -> heapPeakMb;
                case "rssPeakMb" -> rssPeakMb;
                default -> total;
            };
        }
    }

    private void coldStart(String function) throws Exception {
        Map<String, List<Launch>> samples = new LinkedHashMap<>();
        String[] variants = {"lambda", "default"};
        for (int run = 0; run < settings.runs(); run++) {
            for (String variant : variants) {
                boolean productFirst = run % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    boolean product = (side == 0) == productFirst;
                    String caseNumber = String.valueOf(caseNumbers.incrementAndGet());
                    Path event = coldEvent(function, caseNumber);
                    Launch launch = launch(product, function, event, variant.equals("lambda"), settings.coldHeap());
                    verify(function, caseNumber);
                    samples.computeIfAbsent(variant + (product ? "/product" : "/baseline"), k -> new ArrayList<>())
                            .add(launch);
                }
            }
            System.err.println("cold start " + function + ": run " + (run + 1) + " of " + settings.runs());
        }
        for (String variant : variants) {
            List<Launch> product = samples.get(variant + "/product");
            List<Launch> baseline = samples.get(variant + "/baseline");
            String flags = variant.equals("lambda") ? "Lambda flags" : "default flags";
            rows.add(new Row(function + " cold start to first result, " + flags + " (ms)", spread(product, "total"),
                    spread(baseline, "total"), ratio(median(product, "total"), median(baseline, "total")),
                    "ratio <= 1.5"));
            for (String part : List.of("jvm", "construct", "invoke")) {
                rows.add(new Row("  " + switch (part) {
                    case "jvm" -> "JVM start to main";
                    case "construct" -> "handler construction (context, SDK clients)";
                    default -> "first invocation";
                } + " (ms)", spread(product, part), spread(baseline, part),
                        ratio(median(product, part), median(baseline, part)), ""));
            }
            rows.add(new Row("  peak heap used / peak RSS (MB)", median(product, "heapPeakMb") + " / "
                    + median(product, "rssPeakMb"), median(baseline, "heapPeakMb") + " / "
                    + median(baseline, "rssPeakMb"), "", ""));
        }
    }

    /** The sample event of events/, for a case number of its own (each fresh JVM does the whole work again). */
    private Path coldEvent(String function, String caseNumber) throws IOException {
        String file = switch (function) {
            case "createCase" -> "create-case.json";
            case "archiveDocument" -> "archive-document.json";
            case "removeXmlAttachment" -> "remove-xml-attachment.json";
            case "retentionSweep" -> "retention-sweep-dry-run.json";
            default -> throw new IllegalArgumentException("no cold-start event for " + function);
        };
        if (function.equals("archiveDocument") || function.equals("removeXmlAttachment")) {
            BenchDrops.upload(pipeline.s3(), pipeline.bucket(), caseNumber, settings.coldFileBytes());
        }
        String event = Files.readString(settings.events().resolve(file)).replace("240117", caseNumber);
        if (function.equals("removeXmlAttachment")) {
            // The drop is archived first (here, not timed); the event carries the entry the archive gave it.
            byte[] archived = pipeline.invoke("archiveDocument", Files.readString(settings.events()
                    .resolve("archive-document.json")).replace("240117", caseNumber).getBytes(StandardCharsets.UTF_8));
            if (!new String(archived, StandardCharsets.UTF_8).contains("\"batchItemFailures\":[]")) {
                throw new IllegalStateException("could not archive the drop removeXmlAttachment is to remove");
            }
            String entryId = stack.archive().contents().entries().stream()
                    .filter(e -> e.json().contains(BenchDrops.documentId(caseNumber))).findFirst().orElseThrow()
                    .registryId();
            event = event.replace("2026/1-1", entryId);
        }
        Path path = settings.work().resolve(function + "-" + caseNumber + ".json");
        Files.writeString(path, event);
        return path;
    }

    private void verify(String function, String caseNumber) {
        if (function.equals("retentionSweep")) {
            return;
        }
        if (function.equals("removeXmlAttachment")) {
            if (pipeline.s3().listObjectsV2(r -> r.bucket(pipeline.bucket()).prefix(caseNumber + "/")).keyCount() != 0) {
                throw new IllegalStateException("removeXmlAttachment answered but the drop of " + caseNumber
                        + " is still in the bucket");
            }
            return;
        }
        ArchiveContents contents = stack.archive().contents();
        boolean done = function.equals("createCase")
                ? contents.cases().stream().anyMatch(c -> ("WEBCRUITER " + caseNumber).equals(c.description()))
                : contents.documents().stream().filter(d -> d.externalReference().equals(
                        BenchDrops.documentId(caseNumber)) && d.sha256() != null).count() == 2;
        if (!done) {
            throw new IllegalStateException(function + " answered but the archive does not hold case " + caseNumber);
        }
    }

    private Launch launch(boolean product, String function, Path event, boolean lambdaFlags, String heap)
            throws IOException, InterruptedException {
        String classpath = product ? settings.productJar() + java.io.File.pathSeparator + settings.probeClasses()
                : settings.baselineJar().toString();
        String handler = product ? FunctionInvoker.class.getName() : switch (function) {
            case "createCase" -> PlainCreateCaseHandler.class.getName();
            case "archiveDocument" -> PlainArchiveDocumentHandler.class.getName();
            case "removeXmlAttachment" -> PlainRemoveXmlAttachmentHandler.class.getName();
            case "retentionSweep" -> PlainRetentionSweepHandler.class.getName();
            default -> throw new IllegalArgumentException(function);
        };
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap));
        long launchedAt = System.currentTimeMillis();
        command.addAll(List.of("-Dbench.launchedAt=" + launchedAt, "-cp", classpath,
                ColdStartProbe.class.getName(), handler, event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(childEnvironment);
        builder.environment().put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
        if (lambdaFlags) {
            builder.environment().put("JAVA_TOOL_OPTIONS", LAMBDA_FLAGS);
        }
        Path log = settings.work().resolve("launch-" + (++launches) + ".log");
        builder.redirectError(log.toFile());
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = process.waitFor();
        String response = line(output, "RESPONSE ");
        String result = line(output, "RESULT ");
        // The sweep answers with its audit (a dry run: nothing is old enough to go); the others with a batch response.
        String expected = function.equals("retentionSweep") ? "\"dryRun\":true" : "\"batchItemFailures\":[]";
        if (exit != 0 || result == null || response == null || !response.replace(" ", "").contains(expected)) {
            throw new IllegalStateException((product ? "product " : "baseline ") + function + " failed (exit " + exit
                    + ", response " + response + "):\n" + tail(log));
        }
        Map<String, Long> values = new HashMap<>();
        for (String pair : result.split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return new Launch(values.get("jvm"), values.get("construct"), values.get("invoke"), values.get("total"),
                values.get("heapPeakMb"), values.get("rssPeakMb"));
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElse(null);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    // --------------------------------------------------------------------------------------------- throughput

    private final List<FunctionInvoker> invokers = new ArrayList<>();

    private void throughput() throws Exception {
        String template = Files.readString(settings.events().resolve("archive-document.json"));
        CopyTargets targets = new CopyTargets();
        for (int workers : settings.workers()) {
            while (invokers.size() < workers) {
                invokers.add(new FunctionInvoker("archiveDocument"));
            }
            int docs = Math.max(settings.docs(), workers);
            List<Double> product = new ArrayList<>();
            List<Double> copy = new ArrayList<>();
            List<Double> productCalls = new ArrayList<>();
            List<Double> copyCalls = new ArrayList<>();
            for (int rep = 0; rep < settings.throughputReps() * 2; rep++) {
                boolean productTurn = (rep % 2 == 0) == (rep / 2 % 2 == 0);
                // The steady state: the run's documents are applications to one posting whose case exists.
                String caseNumber = String.valueOf(caseNumbers.incrementAndGet());
                byte[] created = pipeline.invoke("createCase", Files.readString(settings.events()
                        .resolve("create-case.json")).replace("240117", caseNumber).getBytes(StandardCharsets.UTF_8));
                if (!new String(created, StandardCharsets.UTF_8).contains("\"batchItemFailures\":[]")) {
                    throw new IllegalStateException("could not create the throughput run's case");
                }
                List<String> documentIds = new ArrayList<>();
                List<Map<String, byte[]>> files = new ArrayList<>();
                for (int i = 0; i < docs; i++) {
                    documentIds.add(BenchDrops.documentId(caseNumber, 2000 + i));
                    files.add(BenchDrops.upload(pipeline.s3(), pipeline.bucket(), caseNumber, 2000 + i,
                            settings.fileBytes()));
                }
                long requestsBefore = stack.archive().faults().requests();
                if (productTurn) {
                    List<byte[]> events = documentIds.stream().map(id -> template.replace("WC201-240117-1001", id)
                            .replace("240117", caseNumber).getBytes(StandardCharsets.UTF_8)).toList();
                    product.add(docs / timed(workers, docs, (worker, doc) -> {
                        ByteArrayOutput out = new ByteArrayOutput();
                        try {
                            invokers.get(worker).handleRequest(new java.io.ByteArrayInputStream(events.get(doc)), out,
                                    null);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if (!out.toString().replace(" ", "").contains("\"batchItemFailures\":[]")) {
                            throw new IllegalStateException("archiveDocument failed: " + out);
                        }
                    }));
                    productCalls.add((stack.archive().faults().requests() - requestsBefore) / (double) docs);
                } else {
                    List<List<URI>> uploads = new ArrayList<>();
                    for (int i = 0; i < docs; i++) {
                        uploads.add(targets.create(files.get(i).keySet().stream().toList()));
                    }
                    long copyBefore = stack.archive().faults().requests();
                    copy.add(docs / timed(workers, docs, (worker, doc) -> {
                        String xmlKey = DropKeys.xmlKey(caseNumber, documentIds.get(doc));
                        List<String> names = files.get(doc).keySet().stream().toList();
                        for (int f = 0; f < names.size(); f++) {
                            targets.copy(DropKeys.fileKey(xmlKey, names.get(f)), files.get(doc).get(names.get(f))
                                    .length, uploads.get(doc).get(f));
                        }
                    }));
                    copyCalls.add((stack.archive().faults().requests() - copyBefore) / (double) docs);
                }
                System.err.println("throughput, " + workers + " worker(s): run " + (rep + 1) + " of "
                        + settings.throughputReps() * 2);
            }
            rows.add(new Row("archiveDocument throughput, " + workers + " worker(s) (documents/s; baseline: copy "
                    + "S3 -> archive upload)", spreadOf(product), spreadOf(copy),
                    ratio(medianOf(product), medianOf(copy)), "ratio >= 0.8"));
            rows.add(new Row("  archive requests per document", String.format("%.1f", medianOf(productCalls)),
                    String.format("%.1f", medianOf(copyCalls)), ratio(medianOf(productCalls), medianOf(copyCalls)),
                    ""));
        }
    }

    /** A byte sink whose toString is its UTF-8 text. */
    private static final class ByteArrayOutput extends java.io.ByteArrayOutputStream {
        @Override
        public synchronized String toString() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    interface Work {
        void run(int worker, int doc);
    }

    /** Runs docs items on that many workers (each keeps its own index) and returns the seconds the whole took. */
    private static double timed(int workers, int docs, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicInteger next = new AtomicInteger();
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                running.add(pool.submit(() -> {
                    for (int doc = next.getAndIncrement(); doc < docs; doc = next.getAndIncrement()) {
                        work.run(worker, doc);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The copy baseline's targets: dokumentobjekter without a file under one journalpost the product archived (set
     * up before the clock starts), and the copy itself, S3 GET streamed into the archive's upload endpoint.
     */
    private final class CopyTargets {
        private final URI api = stack.archiveRoot().resolve("api/arkivstruktur/");
        private final URI sakarkiv = stack.archiveRoot().resolve("api/sakarkiv/");
        private final String journalpost;
        private final JsonNode beskrivelseTemplate;
        private final JsonNode objektTemplate;
        private int number = 10;

        CopyTargets() throws Exception {
            String caseNumber = String.valueOf(caseNumbers.incrementAndGet());
            BenchDrops.upload(pipeline.s3(), pipeline.bucket(), caseNumber, 1024);
            byte[] response = pipeline.invoke("archiveDocument", Files.readString(settings.events()
                    .resolve("archive-document.json")).replace("240117", caseNumber).getBytes(StandardCharsets.UTF_8));
            if (!new String(response, StandardCharsets.UTF_8).contains("\"batchItemFailures\":[]")) {
                throw new IllegalStateException("could not archive the copy baseline's template entry");
            }
            journalpost = stack.archive().contents().entries().stream()
                    .filter(e -> e.json().contains(BenchDrops.documentId(caseNumber))).findFirst().orElseThrow()
                    .systemId();
            beskrivelseTemplate = get(sakarkiv.resolve("journalpost/" + journalpost + "/dokumentbeskrivelse"))
                    .path("results").get(0);
            objektTemplate = get(api.resolve("dokumentbeskrivelse/" + beskrivelseTemplate.path("systemID").asString()
                    + "/dokumentobjekt")).path("results").get(0);
        }

        /** One empty dokumentobjekt per file name, each in a dokumentbeskrivelse of its own; their upload URIs. */
        synchronized List<URI> create(List<String> fileNames) throws Exception {
            List<URI> uploads = new ArrayList<>();
            for (String name : fileNames) {
                ObjectNode beskrivelse = JSON.createObjectNode().put("tittel", "Kopi").put("dokumentnummer", ++number);
                for (String field : List.of("dokumenttype", "dokumentstatus", "tilknyttetRegistreringSom")) {
                    beskrivelse.set(field, beskrivelseTemplate.path(field));
                }
                JsonNode createdBeskrivelse = post(sakarkiv.resolve("journalpost/" + journalpost
                        + "/ny-dokumentbeskrivelse"), beskrivelse);
                ObjectNode objekt = JSON.createObjectNode().put("versjonsnummer", 1).put("filnavn", name)
                        .put("mimeType", "application/pdf");
                objekt.set("variantformat", objektTemplate.path("variantformat"));
                objekt.set("format", objektTemplate.path("format"));
                JsonNode createdObjekt = post(api.resolve("dokumentbeskrivelse/" + createdBeskrivelse
                        .path("systemID").asString() + "/ny-dokumentobjekt"), objekt);
                uploads.add(api.resolve("dokumentobjekt/" + createdObjekt.path("systemID").asString()
                        + "/referanseFil"));
            }
            return uploads;
        }

        void copy(String key, long size, URI upload) {
            try (InputStream in = pipeline.s3().getObject(r -> r.bucket(pipeline.bucket()).key(key))) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(upload)
                        .header("Content-Type", "application/pdf").header("Accept", "application/vnd.noark5+json")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                                () -> in), size)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("upload answered " + response.statusCode() + ": "
                            + response.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private JsonNode get(URI uri) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Accept", "application/vnd.noark5+json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }

        private JsonNode post(URI uri, JsonNode body) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/vnd.noark5+json")
                    .header("Accept", "application/vnd.noark5+json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + uri + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }
    }

    // --------------------------------------------------------------------------------------- large document

    private void largeDocument() throws Exception {
        List<String> product = new ArrayList<>();
        List<String> baseline = new ArrayList<>();
        for (boolean isProduct : List.of(true, false)) {
            String caseNumber = String.valueOf(caseNumbers.incrementAndGet());
            BenchDrops.uploadLarge(pipeline.s3(), pipeline.bucket(), caseNumber, settings.largeBytes(),
                    settings.work());
            Path event = settings.work().resolve("large-" + caseNumber + ".json");
            Files.writeString(event, Files.readString(settings.events().resolve("archive-document.json"))
                    .replace("240117", caseNumber));
            List<String> figures = isProduct ? product : baseline;
            try {
                Launch launch = launch(isProduct, "archiveDocument", event, true, settings.largeHeap());
                long stored = stack.archive().contents().documents().stream()
                        .filter(d -> d.externalReference().equals(BenchDrops.documentId(caseNumber))
                                && d.sha256() != null).mapToLong(ArchiveContents.Document::size).sum();
                if (stored < settings.largeBytes()) {
                    throw new IllegalStateException("the archive holds " + stored + " bytes of the document");
                }
                figures.addAll(List.of("archived", launch.heapPeakMb() + " / " + launch.rssPeakMb(),
                        String.valueOf(launch.total())));
            } catch (IllegalStateException e) {
                System.err.println("large document, " + (isProduct ? "product" : "baseline") + ": " + e.getMessage());
                figures.addAll(List.of("FAILED (see stderr)", "-", "-"));
            }
        }
        String title = "archiveDocument, one " + (settings.largeBytes() >> 20) + " MB PDF, -Xmx" + settings.largeHeap()
                + ", Lambda flags";
        rows.add(new Row(title + ": outcome", product.get(0), baseline.get(0), "", "archived under 128 MB heap"));
        rows.add(new Row("  peak heap used / peak RSS (MB)", product.get(1), baseline.get(1), "", ""));
        rows.add(new Row("  JVM start to result (ms)", product.get(2), baseline.get(2), "", ""));
    }

    // ------------------------------------------------------------------------------------------------ figures

    private static long median(List<Launch> launches, String field) {
        List<Long> values = launches.stream().map(l -> l.field(field)).sorted().toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private static String spread(List<Launch> launches, String field) {
        List<Long> values = launches.stream().map(l -> l.field(field)).sorted().toList();
        return median(launches, field) + " (" + values.get(0) + "–" + values.get(values.size() - 1) + ")";
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String spreadOf(List<Double> values) {
        return String.format("%.1f (%.1f–%.1f)", medianOf(values), values.stream().min(Comparator.naturalOrder())
                .orElseThrow(), values.stream().max(Comparator.naturalOrder()).orElseThrow());
    }

    private static String ratio(double a, double b) {
        return b == 0 ? "" : String.format("%.2f", a / b);
    }

    private static String mb(long bytes) {
        return String.format("%.1f", bytes / 1024.0 / 1024.0);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void print(StringBuilder out) {
        int w0 = 8, w1 = 7, w2 = 8, w3 = 5;
        for (Row row : rows) {
            w0 = Math.max(w0, row.measure().length());
            w1 = Math.max(w1, row.product().length());
            w2 = Math.max(w2, row.baseline().length());
        }
        String format = "| %-" + w0 + "s | %-" + w1 + "s | %-" + w2 + "s | %-" + w3 + "s | %s |%n";
        out.append(String.format(format, "measure", "product", "baseline", "ratio", "target"));
        out.append(String.format(format, "-".repeat(w0), "-".repeat(w1), "-".repeat(w2), "-".repeat(w3), "---"));
        for (Row row : rows) {
            out.append(String.format(format, row.measure(), row.product(), row.baseline(), row.ratio(),
                    row.target()));
        }
    }
}
