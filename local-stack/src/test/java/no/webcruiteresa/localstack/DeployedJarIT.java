package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import no.webcruiteresa.simulator.ArchiveContents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar we deploy, run as Lambda runs it: a fresh JVM per invocation with only the shaded jar on the class path,
 * the handler class constructed by name, the function chosen by {@code SPRING_CLOUD_FUNCTION_DEFINITION}, the
 * events/ files as input. Every other test runs the functions' classes from the build; only this one catches what
 * packaging breaks (merged service files, Boot's AOT-generated context, a dependency left out of the jar).
 */
class DeployedJarIT {
    private static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker";

    @RegisterExtension
    static final StackExtension STACK = StackExtension.invokedByTests();

    @TempDir
    static Path work;

    private static Path jar;

    @BeforeAll
    static void findTheJarAndTheProbe() throws IOException {
        jar = Path.of(System.getProperty("deployed.jar", "../functions/target/functions-0.1.0-SNAPSHOT-aws.jar"));
        assertThat(jar).as("the shaded jar (mvn package builds it)").exists();
        for (String probe : List.of("Probe", "Probe$ProbeContext", "Probe$ProbeContext$1")) {
            String resource = DeployedJarIT.class.getName().replace('.', '/') + "$" + probe + ".class";
            Path target = work.resolve("probe").resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = DeployedJarIT.class.getClassLoader().getResourceAsStream(resource)) {
                Files.write(target, in.readAllBytes());
            }
        }
    }

    @Test
    void theJarStartsFromTheContextBootGeneratedAtBuildTime() throws IOException {
        try (JarFile deployed = new JarFile(jar.toFile())) {
            Properties spring = new Properties();
            spring.load(deployed.getInputStream(deployed.getEntry("spring.properties")));
            assertThat(spring.getProperty("spring.aot.enabled")).isEqualTo("true");
            assertThat(deployed.getEntry("no/webcruiteresa/functions/WebcruiterEsaApplication__ApplicationContextInitializer.class"))
                    .isNotNull();
        }
    }

    @Test
    void everyFunctionAnswersItsEventFromTheDeployedJar() throws Exception {
        DemoDrops.Drop drop = new DemoDrops("240117", java.time.LocalDate.of(2026, 11, 20)).drops().stream()
                .filter(d -> d.document().documentId().equals("WC201-240117-1001")).findFirst().orElseThrow();
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(drop));

        assertThat(invoke("createCase", "create-case.json")).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(STACK.stack().archive().contents().cases())
                .filteredOn(c -> c.description().equals("WEBCRUITER 240117")).hasSize(1);

        assertThat(invoke("archiveDocument", "archive-document.json")).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(STACK.stack().archive().contents().documents())
                .filteredOn(d -> d.externalReference().equals("WC201-240117-1001"))
                .extracting(ArchiveContents.Document::fileName).containsExactlyInAnyOrder("soknad.pdf", "cv.pdf");

        assertThat(invoke("removeXmlAttachment", "remove-xml-attachment.json")).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(STACK.keys("240117/WC201-240117-1001/")).isEmpty();

        // Nothing of the posting waits any more: closing finishes its case.
        assertThat(invoke("closeCase", "close-case.json")).isEqualTo("{\"batchItemFailures\":[]}");

        assertThat(invoke("retentionSweep", "retention-sweep-dry-run.json")).contains("\"dryRun\":true");

        // The hire names the application above and its attachments, which are archived first.
        DemoDrops.Drop attachments = drop("WC203-240117-1001");
        DemoDrops.upload(STACK.pipeline().s3(), STACK.pipeline().bucket(), List.of(attachments));
        Path archiveAttachments = work.resolve("archive-attachments.json");
        Files.writeString(archiveAttachments, Files.readString(Path.of("../events/archive-document.json"))
                .replace("240117/WC201-240117-1001/WC201-240117-1001.xml", attachments.xmlKey()));
        assertThat(invoke("archiveDocument", archiveAttachments)).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(invoke("fileOnHire", "file-on-hire.json")).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(STACK.stack().archive().contents().metadataJson()).contains("PERSONALMAPPE E-20417");

        assertThat(invoke("checkApplicantLists", "check-applicant-lists.json")).startsWith("{");
        // The attachments' XML is still in the drop area (no removal ran for it): the case waits, as it should.
        assertThat(invoke("closeCase", "close-case.json"))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"4e8b2c71-6a3f-4d5e-9b0c-1f2e3d4c0301\"}]}");
    }

    private static DemoDrops.Drop drop(String documentId) {
        return new DemoDrops("240117", java.time.LocalDate.of(2026, 11, 20)).drops().stream()
                .filter(d -> d.document().documentId().equals(documentId)).findFirst().orElseThrow();
    }

    /** The door is chosen when the function starts, not when the jar was built (the generated context has both). */
    @Test
    void theArchiveProtocolIsChosenAtRunTime_fiksArkivMakesNoRestRequest() throws Exception {
        Path event = work.resolve("create-case-fiks.json");
        Files.writeString(event, Files.readString(Path.of("../events/create-case.json")).replace("240117", "240190"));
        int restRequests = STACK.stack().archive().requests().size();
        int cases = STACK.stack().archive().contents().cases().size();

        assertThat(invoke("createCase", event, "-Dwebcruiter-esa.archive.protocol=fiks-arkiv"))
                .isEqualTo("{\"batchItemFailures\":[]}");

        assertThat(STACK.stack().archive().contents().cases()).hasSize(cases + 1);
        assertThat(STACK.stack().archive().contents().metadataJson()).contains("240190");
        assertThat(STACK.stack().archive().requests().size()).as("no Noark 5 REST request").isEqualTo(restRequests);
    }

    /** Runs one function in a fresh JVM from the deployed jar; returns its answer. */
    private static String invoke(String function, String eventFile) throws Exception {
        return invoke(function, Path.of("../events", eventFile));
    }

    private static String invoke(String function, Path event, String... settings) throws Exception {
        Path log = Files.createTempFile(work, function, ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-cp", work.resolve("probe") + java.io.File.pathSeparator + jar));
        for (String name : Pipeline.systemProperties()) {
            String value = System.getProperty(name);
            if (value != null && !name.equals("MAIN_CLASS") && !name.equals("spring.cloud.function.definition")) {
                command.add("-D" + name + "=" + value);
            }
        }
        command.addAll(List.of(settings));
        command.addAll(List.of(Probe.class.getName(), HANDLER, event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
        builder.environment().remove("MAIN_CLASS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(function + " returned").isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as(function + ": " + lines).contains(Probe.AOT + "true");
        assertThat(lines).as("nothing the jar lacks was reached: " + lines).noneMatch(l -> l.contains("NoClassDefFound")
                || l.contains("ClassNotFoundException") || l.contains("NoSuchMethodError") || l.contains("LinkageError")
                || l.contains("ExceptionInInitializerError") || l.contains("ZoneInfoMap"));
        return lines.stream().filter(l -> l.startsWith(Probe.ANSWER)).map(l -> l.substring(Probe.ANSWER.length()))
                .findFirst().orElseThrow(() -> new AssertionError(function + " gave no answer: " + lines));
    }

    /** The child JVM's main: what Lambda's Java runtime does with a RequestStreamHandler. Uses only the jar. */
    public static final class Probe {
        static final String ANSWER = "ANSWER ";
        static final String AOT = "AOT ";

        private Probe() {
        }

        public static void main(String[] args) throws Exception {
            RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor()
                    .newInstance();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try (InputStream event = Files.newInputStream(Path.of(args[1]))) {
                handler.handleRequest(event, answer, new ProbeContext());
            }
            System.out.println(AOT + org.springframework.aot.AotDetector.useGeneratedArtifacts());
            System.out.println(ANSWER + answer.toString(StandardCharsets.UTF_8).replace('\n', ' ').strip());
            System.exit(0);
        }

        static final class ProbeContext implements Context {
            private final long deadline = System.currentTimeMillis() + 120_000;

            @Override public String getAwsRequestId() { return "deployed-jar-it"; }
            @Override public String getLogGroupName() { return "deployed-jar-it"; }
            @Override public String getLogStreamName() { return "deployed-jar-it"; }
            @Override public String getFunctionName() { return System.getenv("SPRING_CLOUD_FUNCTION_DEFINITION"); }
            @Override public String getFunctionVersion() { return "$LATEST"; }
            @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-north-1:000000000000:function:it"; }
            @Override public CognitoIdentity getIdentity() { return null; }
            @Override public ClientContext getClientContext() { return null; }
            @Override public int getRemainingTimeInMillis() { return (int) (deadline - System.currentTimeMillis()); }
            @Override public int getMemoryLimitInMB() { return 1024; }
            @Override public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override public void log(String message) { System.out.print(message); }
                    @Override public void log(byte[] message) { System.out.print(new String(message, StandardCharsets.UTF_8)); }
                };
            }
        }
    }
}
