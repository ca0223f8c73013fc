package dk.postfordeling.classifier;

import dk.postfordeling.classifier.cli.ClassifierCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Classifier: consumes {@code TextExtracted}, predicts the destination, decides ROUTE or REVIEW,
 * publishes {@code MailClassified}. With a command as first argument ({@code train}, {@code predict})
 * it runs that command instead of the service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class ClassifierApplication {

    public static void main(String[] args) {
        DjlEnvironment.configure();
        if (args.length > 0 && ClassifierCli.isCommand(args[0])) {
            System.exit(ClassifierCli.run(args, System.in, System.out, System.err));
        }
        SpringApplication.run(ClassifierApplication.class, args);
    }
}
