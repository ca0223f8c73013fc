package dk.postfordeling.routing.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dk.postfordeling.contracts.DestinationType;
import dk.postfordeling.routing.table.Route;
import dk.postfordeling.testing.TestPostgres;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotency record of a mail's filing, on the real schema in PostgreSQL: opened once per
 * attempt, it tells whether the mail was filed already and which checkpoints an earlier attempt saved.
 */
class DeliveryRecordsTest {

    private static final Route.ToDestination F2_CASE = new Route.ToDestination("byggeri", DestinationType.F2, "4242", null);
    private static final Route.ToDestination MAILBOX = new Route.ToDestination("affald", DestinationType.FUNCTION_MAILBOX,
            "affald@kommune.example", null);

    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static DeliveryRecords deliveries;

    @BeforeAll
    static void schema() {
        TestPostgres.Server db = TestPostgres.get();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(manager);
        deliveries = new DeliveryRecords(jdbc, manager);
    }

    @Test
    void aNewFilingStartsWithoutCheckpointsAndARepeatedOneSeesThoseSaved() {
        UUID mailId = UUID.randomUUID();

        DeliveryRecords.Delivery first = deliveries.open(mailId, F2_CASE);
        assertThat(first.confirmedReference()).isEmpty();
        assertThat(first.checkpoints().get("matter")).isEmpty();
        first.checkpoints().save("matter", "https://f2.example/matters/7");
        assertThat(first.checkpoints().get("matter")).contains("https://f2.example/matters/7");

        DeliveryRecords.Delivery again = deliveries.open(mailId, F2_CASE);
        assertThat(again.confirmedReference()).isEmpty();
        assertThat(again.checkpoints().get("matter")).contains("https://f2.example/matters/7");
        // The same mail in another destination is a filing of its own.
        assertThat(deliveries.open(mailId, MAILBOX).checkpoints().get("matter")).isEmpty();
        assertThat(jdbc.sql("select count(*) from delivery where mail_id = :id").param("id", mailId).query(Long.class).single())
                .isEqualTo(2L);
    }

    @Test
    void aConfirmedFilingAnswersWithItsReference() {
        UUID mailId = UUID.randomUUID();
        deliveries.open(mailId, MAILBOX).checkpoints().save("sent", "<postfordeling.x@kommune.example>");
        transactions.executeWithoutResult(status -> deliveries.confirm(mailId, MAILBOX, "<postfordeling.x@kommune.example>"));

        DeliveryRecords.Delivery after = deliveries.open(mailId, MAILBOX);
        assertThat(after.confirmedReference()).contains("<postfordeling.x@kommune.example>");
    }

    @Test
    void aConfirmationRolledBackWithItsOutcomeLeavesTheFilingOpen() {
        UUID mailId = UUID.randomUUID();
        deliveries.open(mailId, MAILBOX);
        transactions.executeWithoutResult(status -> {
            deliveries.confirm(mailId, MAILBOX, "<postfordeling.y@kommune.example>");
            status.setRollbackOnly();
        });

        assertThat(deliveries.open(mailId, MAILBOX).confirmedReference()).isEmpty();
    }
}
