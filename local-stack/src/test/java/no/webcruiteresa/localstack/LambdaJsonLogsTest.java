package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With Lambda's JSON log format on ({@code AWS_LAMBDA_LOG_FORMAT=JSON}), a function's process writes one JSON object
 * per line: Lambda keeps such lines as they are and reads their {@code level}. Here createCase gets an unreadable
 * message while S3 and SQS are unreachable, so it logs a retry, a failed postpone and its outcome lines; every line
 * the process writes, from its start to its end, must be JSON, with the message's correlation fields, and no banner
 * and no echo of the event.
 */
class LambdaJsonLogsTest {
    @TempDir
    Path work;

    @Test
    void everyLineOfAFunctionIsJson_whenLambdasJsonLogFormatIsOn() throws Exception {
        int closed = EmbeddedStack.freePort();
        String event = new String(LambdaJsonLogsTest.class.getResourceAsStream("/events/create-case.json").readAllBytes(),
                StandardCharsets.UTF_8).replaceFirst("\"body\": \"[^\\n]*\",", "\"body\": \"Kari Nordmann\",");
        Path eventFile = Files.writeString(work.resolve("event.json"), event);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dwebcruiter-esa.aws.s3-endpoint=http://127.0.0.1:" + closed,
                "-Dwebcruiter-esa.aws.sqs-endpoint=http://127.0.0.1:" + closed,
                "-Daws.accessKeyId=local", "-Daws.secretAccessKey=local",
                // The default archive URL is the local simulator's plain http one.
                "-Dwebcruiter-esa.archive.allow-insecure-url=true",
                InvokeOnce.class.getName(), "createCase", eventFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile());
        builder.environment().put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        builder.environment().put("MAIN_CLASS", "no.webcruiteresa.functions.WebcruiterEsaApplication");
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the function returned").isTrue();

        List<String> lines = Files.readAllLines(work.resolve("out.log")).stream().filter(l -> !l.isBlank()).toList();
        List<JsonNode> json = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).as("every line is one JSON object: " + lines).startsWith("{").endsWith("}");
            json.add(JsonMapper.builder().build().readTree(line));
        }
        assertThat(json).allSatisfy(node -> assertThat(node.path("timestamp").asString()).isNotBlank())
                .allSatisfy(node -> assertThat(node.path("level").asString()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR"));
        assertThat(json).as("the record's outcome line, with its correlation fields").anySatisfy(node -> {
            assertThat(node.path("logger").asString()).isEqualTo("no.webcruiteresa.functions.SqsBatch");
            assertThat(node.path("outcome").asString()).isEqualTo("retried");
            assertThat(node.path("function").asString()).isEqualTo("createCase");
            assertThat(node.path("messageId").asString()).isEqualTo("5b2a4d4e-0c7f-4a59-9c39-1f1c2f0a0101");
        });
        assertThat(String.join("\n", lines)).doesNotContain("Kari", "Spring Boot ::", "Received");
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
