package no.webcruiteresa.localstack;

import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import no.webcruiteresa.adapter.drop.S3DropStore;
import no.webcruiteresa.adapter.noark5.Noark5Archive;
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
    private static volatile Random random;
    private static volatile double rate;

    public static void enable(long seed, double crashRate) {
        random = new Random(seed);
        rate = crashRate;
    }

    public static void disable() {
        random = null;
    }

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
                    crashIf(step, "before " + method);
                    Object result = invocation.proceed();
                    crashIf(step, "after " + method);
                    KillPoints.reached(false, method, invocation.getArguments());
                    return result;
                });
                return proxy.getProxy();
            }
        };
    }

    private static void crashIf(boolean step, String where) {
        Random current = random;
        if (!step || current == null) {
            return;
        }
        boolean crash;
        synchronized (current) {
            crash = current.nextDouble() < rate;
        }
        if (crash) {
            CRASHES.incrementAndGet();
            throw new IllegalStateException("injected crash " + where);
        }
    }
}
