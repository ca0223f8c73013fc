package dk.postfordeling.routing.destination;

import dk.postfordeling.platform.blob.BlobStore;
import dk.postfordeling.platform.blob.BlobStoreProperties;
import dk.postfordeling.platform.blob.BlobStores;
import dk.postfordeling.routing.table.RoutingProperties;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Originals are read where intake stored them: the same directory, or the same bucket (see {@link BlobStoreProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobStoreProperties.class)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(RoutingProperties properties, BlobStoreProperties store) throws IOException {
        return BlobStores.create(store, properties.blobStoreDir());
    }
}
