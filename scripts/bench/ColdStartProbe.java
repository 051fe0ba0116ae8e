import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.lang.management.ManagementFactory;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/** Prints the milliseconds from JVM start to a function's first result, and to its second. */
public class ColdStartProbe {
    public static void main(String[] args) throws Exception {
        FunctionInvoker invoker = new FunctionInvoker(args[0]);
        long first = invoke(invoker, args[1]);
        long start = System.nanoTime();
        invoke(invoker, args[1]);
        long second = (System.nanoTime() - start) / 1_000_000;
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.println("RESULT " + first + " " + second + " " + heapMb);
        System.exit(0);
    }

    private static long invoke(FunctionInvoker invoker, String event) throws Exception {
        try (FileInputStream in = new FileInputStream(event)) {
            invoker.handleRequest(in, new ByteArrayOutputStream(), null);
        }
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
