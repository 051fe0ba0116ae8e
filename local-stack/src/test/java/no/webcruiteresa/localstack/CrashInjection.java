package no.webcruiteresa.localstack;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import no.webcruiteresa.adapter.drop.S3DropStore;
import no.webcruiteresa.adapter.noark5.Noark5Archive;
import no.webcruiteresa.domain.CaseRegistration;
import no.webcruiteresa.domain.EntryRegistration;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test only: makes the functions die at random steps, as a Lambda that runs out of time or memory does.
 * Wraps the archive client and the drop store of every function context in this JVM; while enabled, each
 * call that changes something may fail before it happens or after it has taken effect. The same wrapping stops a
 * pipeline process for a real kill at a chosen step ({@link KillPoints}).
 */
@AutoConfiguration
public class CrashInjection {
    private static final Set<String> STEPS = Set.of("createCase", "archiveEntry", "delete", "copy", "write");
    private static final AtomicLong CRASHES = new AtomicLong();
    private static final Map<String, AtomicLong> OCCURRENCES = new ConcurrentHashMap<>();
    private static volatile long seed;
    private static volatile double rate = -1;

    /** Counts start again from zero. */
    public static void enable(long crashSeed, double crashRate) {
        OCCURRENCES.clear();
        CRASHES.set(0);
        seed = crashSeed;
        rate = crashRate;
    }

    public static void disable() {
        rate = -1;
    }

    /** Crashes injected since {@link #enable}: counted when thrown. */
    public static long crashes() {
        return CRASHES.get();
    }

    @Bean
    static BeanPostProcessor crashingSteps() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof Noark5Archive) && !(bean instanceof S3DropStore)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    String method = invocation.getMethod().getName();
                    boolean step = STEPS.contains(method);
                    KillPoints.reached(true, method, invocation.getArguments());
                    crashIf(step, "before " + method, invocation.getArguments());
                    Object result = invocation.proceed();
                    crashIf(step, "after " + method, invocation.getArguments());
                    KillPoints.reached(false, method, invocation.getArguments());
                    return result;
                });
                return proxy.getProxy();
            }
        };
    }

    /**
     * Whether a step crashes is drawn from the seed, the step (method and the keys or references it works on) and
     * how many times that step came before, so a seed crashes the same steps whatever order the threads run in.
     */
    private static void crashIf(boolean step, String where, Object[] args) {
        double current = rate;
        if (!step || current < 0) {
            return;
        }
        String key = where + " " + Arrays.stream(args).map(CrashInjection::describe).toList();
        long occurrence = OCCURRENCES.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        long draw = mix(seed ^ mix(key.hashCode() * 0x9e3779b97f4a7c15L + occurrence));
        if ((draw >>> 11) * 0x1.0p-53 < current) {
            CRASHES.incrementAndGet();
            throw new IllegalStateException("injected crash " + where);
        }
    }

    /** Only what is the same in every run: object keys and references, not system ids or lambdas. */
    private static String describe(Object arg) {
        if (arg instanceof String text) {
            return text;
        }
        if (arg instanceof EntryRegistration entry) {
            return entry.reference();
        }
        if (arg instanceof CaseRegistration registration) {
            return registration.reference();
        }
        return arg == null ? "null" : arg.getClass().getSimpleName().replaceAll("\\$.*", "");
    }

    private static long mix(long value) {
        long z = value + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
