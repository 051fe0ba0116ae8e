package no.webcruiteresa.localstack;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Added to S3Mock's application: S3Mock makes its plain-HTTP connector itself, without an address, so Tomcat would
 * bind it to every interface ({@code server.address} reaches only the main connector). Every connector is bound to
 * loopback here.
 */
@Configuration(proxyBeanMethods = false)
public class LoopbackConnectors {
    static final String LOOPBACK = "127.0.0.1";

    @Bean
    static BeanPostProcessor loopbackOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof Connector connector) {
                    connector.setProperty("address", LOOPBACK);
                }
                return bean;
            }
        };
    }
}
