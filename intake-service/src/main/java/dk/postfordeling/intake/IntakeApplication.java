package dk.postfordeling.intake;

import dk.postfordeling.intake.cli.ExtractCommand;
import dk.postfordeling.platform.mail.JakartaMailSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Intake: takes mail in from every channel, stores the original, extracts text, publishes to Kafka.
 * With {@code extract FILE} as arguments it prints one file's extraction result as JSON instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IntakeApplication {

    public static void main(String[] args) {
        // Before any mail is read, by the IMAP channel or by extraction (the command included).
        JakartaMailSettings.nameStreamProvider();
        if (args.length > 0 && args[0].equals("extract")) {
            // Keep standard output for the JSON result: library logging goes to standard error.
            System.setProperty("logback.configurationFile", "logback-cli.xml");
            System.exit(ExtractCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(IntakeApplication.class, args);
    }
}
