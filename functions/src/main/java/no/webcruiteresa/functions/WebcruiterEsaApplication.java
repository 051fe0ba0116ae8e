package no.webcruiteresa.functions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one application behind every function; SPRING_CLOUD_FUNCTION_DEFINITION picks the bean a Lambda runs.
 * Boot's auto-configurations for things a function never uses (proxies, JMX, message sources, SSL bundles, task
 * executors and schedulers, availability probes, build info) are left out: each costs condition checks and beans
 * on every cold start (docs/startup.md).
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.autoconfigure.admin.SpringApplicationAdminJmxAutoConfiguration",
        "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
        "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
        "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
        "org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration",
        "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration"})
@ConfigurationPropertiesScan
public class WebcruiterEsaApplication {
    public static void main(String[] args) {
        SpringApplication.run(WebcruiterEsaApplication.class, args);
    }
}
