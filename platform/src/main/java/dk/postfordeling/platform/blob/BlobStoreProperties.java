package dk.postfordeling.platform.blob;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where originals are kept: a directory ({@code file}, local mode's default) or a bucket of an
 * S3-compatible object store ({@code s3}: AWS, MinIO, Ceph …), which every instance of every
 * service reaches alike.
 *
 * @param type {@code file} or {@code s3}
 * @param s3   the object store, for {@code s3}
 */
@ConfigurationProperties("postfordeling.blob-store")
public record BlobStoreProperties(@DefaultValue("file") Type type, S3 s3) {

    /** The kind of store. */
    public enum Type { FILE, S3 }

    /**
     * An S3 bucket.
     *
     * @param endpoint        the store's address, e.g. {@code https://minio.kommune.local:9000}; empty: AWS
     * @param region          the region (any name for MinIO), e.g. {@code eu-central-1}
     * @param bucket          the bucket; it must exist
     * @param pathStyle       address the bucket in the path ({@code endpoint/bucket/key}), as MinIO and
     *                        Ceph need, instead of as a host name
     * @param accessKeyId     the access key; empty: the AWS SDK's default chain (environment, web
     *                        identity, instance profile)
     * @param secretAccessKey its secret, from the environment or a file, never from a committed file
     * @param keyPrefix       prefix of every object's key, e.g. {@code originals/}
     */
    public record S3(URI endpoint, @DefaultValue("eu-central-1") String region, String bucket,
            @DefaultValue("true") boolean pathStyle, String accessKeyId, String secretAccessKey,
            @DefaultValue("originals/") String keyPrefix) {

        /** The secret stays out of logs and error messages that print the configuration. */
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle
                    + ", accessKeyId=" + accessKeyId + ", keyPrefix=" + keyPrefix + "]";
        }
    }
}
