package no.webcruiteresa.localstack;

import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * S3's bucket notifications, which the embedded S3 emulator lacks: every object created under one of the
 * template's suffix filters is announced on the intake queue as an S3 event, once per upload.
 */
final class DropNotifier implements Runnable {
    private static final Logger LOG = Logger.getLogger(DropNotifier.class.getName());

    private final S3Client s3;
    private final SqsClient sqs;
    private final String bucket;
    private final Topology.Notification notification;
    private final String queueUrl;
    private final String region;
    private final Set<String> announced = new HashSet<>();
    private volatile boolean pending;

    DropNotifier(S3Client s3, SqsClient sqs, String bucket, Topology.Notification notification, String queueUrl,
                 String region) {
        this.s3 = s3;
        this.sqs = sqs;
        this.bucket = bucket;
        this.notification = notification;
        this.queueUrl = queueUrl;
        this.region = region;
    }

    void sendTestEvent() {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(LambdaEvents.s3TestEvent(bucket)));
    }

    @Override
    public synchronized void run() {
        try {
            boolean found = false;
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
                String upload = object.key() + "|" + object.eTag() + "|" + object.lastModified();
                if (notification.announces(object.key()) && announced.add(upload)) {
                    found = true;
                    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(LambdaEvents.objectCreated(bucket,
                            object.key(), object.size(), object.eTag().replace("\"", ""), region)));
                }
            }
            pending = found;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "drop notifier: " + e);
        }
    }

    /** True while the last scan found uploads, so "idle" waits for one quiet scan. */
    boolean pending() {
        return pending;
    }
}
