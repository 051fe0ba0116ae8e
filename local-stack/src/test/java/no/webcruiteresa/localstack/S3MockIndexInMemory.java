package no.webcruiteresa.localstack;

import com.adobe.testing.s3mock.S3MockApplication;
import com.adobe.testing.s3mock.s3.model.BucketMetadata;
import com.adobe.testing.s3mock.s3.store.BucketStore;
import java.io.File;
import java.lang.reflect.Field;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * S3Mock 5.2.0 with its bucket index (key → object id) kept in memory. S3Mock re-reads and rewrites the whole
 * index file ({@code bucketMetadata.json}) on every request that touches a key, so one put or delete costs time in
 * proportion to the bucket; at tens of thousands of objects that file, not the client, sets the pace. Here the index
 * is read from its file once and then held; every S3 request still goes through S3Mock's HTTP API, controllers,
 * services and per-object files (data, metadata, tags, versions), so tags, versions and {@code DeleteObjects}
 * behave as in plain S3Mock. The index file keeps what it held when first read: a restarted server would not see
 * later keys, which is why this is for benchmarks only ({@code RetentionScaleBenchmark}).
 *
 * <p>Start S3Mock through {@link #main} (its own process) or {@link #start} (in this JVM): both add this class as an
 * initializer of S3Mock's Spring application, which replaces the {@link BucketStore} bean by one built on
 * {@link IndexInMemoryMapper}, and binds S3Mock's HTTP port to {@code server.address} (loopback) as well. Tied to S3Mock 5.2.0's internals (the store's constructor and fields): a change
 * there fails the server's start, not a measurement.
 */
public final class S3MockIndexInMemory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** S3Mock's own main, with the index in memory; takes S3Mock's arguments. */
    public static void main(String[] args) {
        SpringApplication.withHook(withThisInitializer(), () -> S3MockApplication.main(args));
    }

    /** S3Mock in this JVM, as {@link S3MockApplication#start(Map, String...)}, with the index in memory. */
    static S3MockApplication start(Map<String, Object> properties) {
        return SpringApplication.withHook(withThisInitializer(), () -> S3MockApplication.start(properties));
    }

    private static SpringApplicationHook withThisInitializer() {
        return application -> {
            application.addInitializers(new S3MockIndexInMemory());
            return new SpringApplicationRunListener() { };
        };
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String address = context.getEnvironment().getProperty("server.address");
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // S3Mock's own plain-HTTP connector ignores server.address and listens on every interface.
                if (bean instanceof Connector connector && address != null) {
                    connector.setProperty("address", address);
                }
                return bean instanceof BucketStore store ? withIndexInMemory(store) : bean;
            }
        });
    }

    private static BucketStore withIndexInMemory(BucketStore store) {
        ObjectMapper mapper = field(store, "objectMapper", ObjectMapper.class);
        if (!(mapper instanceof JsonMapper json)) {
            throw new IllegalStateException("S3Mock's store mapper is not a JsonMapper: " + mapper.getClass());
        }
        return new BucketStore(field(store, "rootFolder", File.class),
                field(store, "s3ObjectDateFormat", DateTimeFormatter.class), field(store, "region", String.class),
                new IndexInMemoryMapper(json));
    }

    private static <T> T field(Object owner, String name, Class<T> type) {
        try {
            Field field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return type.cast(field.get(owner));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("S3Mock's BucketStore has no field " + name + " (not 5.2.0?)", e);
        }
    }

    /**
     * The store's own JSON mapper, except for bucket index files: the first read of one parses it, later reads
     * return the same object, and writes of it go to memory. A new bucket's file is still written once, because
     * S3Mock asks the file system whether a bucket exists. The held index uses a concurrent map, since requests
     * read it outside the store's lock while others add and remove keys.
     */
    static final class IndexInMemoryMapper extends JsonMapper {
        private final Map<File, BucketMetadata> indexes = new ConcurrentHashMap<>();

        IndexInMemoryMapper(JsonMapper original) {
            super(original.rebuild());
        }

        @Override
        public <T> T readValue(File file, Class<T> type) {
            if (type != BucketMetadata.class) {
                return super.readValue(file, type);
            }
            return type.cast(indexes.computeIfAbsent(file.getAbsoluteFile(),
                    f -> concurrent(super.readValue(f, BucketMetadata.class))));
        }

        @Override
        public void writeValue(File file, Object value) {
            if (!(value instanceof BucketMetadata metadata)) {
                super.writeValue(file, value);
                return;
            }
            if (!file.exists()) {
                super.writeValue(file, value);
            }
            File key = file.getAbsoluteFile();
            if (indexes.get(key) != metadata) {
                indexes.put(key, concurrent(metadata));
            }
        }

        /** The same bucket with its key map in a ConcurrentHashMap (BucketMetadata keeps the map it is given). */
        private static BucketMetadata concurrent(BucketMetadata m) {
            return new BucketMetadata(m.getName(), m.getCreationDate(), m.getVersioningConfiguration(),
                    m.getObjectLockConfiguration(), m.getBucketLifecycleConfiguration(), m.getObjectOwnership(),
                    m.getPath(), m.getBucketRegion(), m.getBucketInfo(), m.getLocationInfo(),
                    new ConcurrentHashMap<>(m.getObjects()));
        }
    }
}
