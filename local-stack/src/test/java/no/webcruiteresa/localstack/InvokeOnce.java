package no.webcruiteresa.localstack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Test only: one function invoked once through the Lambda adapter in a process of its own, as Lambda's runtime does,
 * so that the process's whole output can be read. Arguments: function definition, event file. Settings come from
 * system properties and the environment, as on Lambda.
 */
public final class InvokeOnce {
    private InvokeOnce() {
    }

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FunctionInvoker(args[0]).handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[1]))), out,
                new LocalContext(args[0], 60, 1024));
        System.exit(0);
    }
}
