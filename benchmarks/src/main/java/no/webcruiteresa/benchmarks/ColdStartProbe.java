package no.webcruiteresa.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One fresh JVM as Lambda runs a function: construct the handler class (no arguments), hand it the event file,
 * print its answer and the times. {@code -Dbench.launchedAt} is the harness's clock just before it started this
 * process, so "jvm" covers process start, JVM boot and loading this class. Output, one line each:
 * {@code RESPONSE <json>} and {@code RESULT jvm=… construct=… invoke=… total=… heapPeakMb=… rssPeakMb=…}.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long entered = System.currentTimeMillis();
        long launchedAt = Long.getLong("bench.launchedAt", entered);
        long start = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor()
                .newInstance();
        long constructed = System.nanoTime();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try (InputStream event = new FileInputStream(args[1])) {
            handler.handleRequest(event, response, new ProbeContext());
        }
        long invoked = System.nanoTime();
        long answered = System.currentTimeMillis();
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("RESPONSE " + response.toString(StandardCharsets.UTF_8).replace('\n', ' '));
        System.out.println("RESULT jvm=" + (entered - launchedAt) + " construct=" + (constructed - start) / 1_000_000
                + " invoke=" + (invoked - constructed) / 1_000_000 + " total=" + (answered - launchedAt)
                + " heapPeakMb=" + (heapPeak >> 20) + " rssPeakMb=" + rssPeakMb());
        System.out.flush();
        System.exit(0);
    }

    /** The process's peak resident set (VmHWM), or -1 where /proc is not there. */
    static long rssPeakMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    /** What the Lambda runtime passes; the functions only read the remaining time. */
    private static final class ProbeContext implements Context {
        private final long deadline = System.currentTimeMillis() + 120_000;

        @Override public String getAwsRequestId() { return "bench"; }
        @Override public String getLogGroupName() { return "bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "bench"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-north-1:000000000000:function:bench"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.err.print(message); }
                @Override public void log(byte[] message) { System.err.write(message, 0, message.length); }
            };
        }
    }
}
