package dk.postfordeling.routing.destination;

import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.FileSystemBlobStore;
import dk.postfordeling.routing.table.RoutingProperties;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(RoutingProperties properties) throws IOException {
        return new FileSystemBlobStore(properties.blobStoreDir());
    }
}
