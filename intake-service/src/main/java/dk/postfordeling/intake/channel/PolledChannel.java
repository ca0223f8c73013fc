package dk.postfordeling.intake.channel;

import dk.postfordeling.contracts.Channel;
import java.io.IOException;
import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * A channel intake fetches mail from (a mailbox, a drop folder), as opposed to one that mail is
 * pushed to over HTTP. Each poll takes what is waiting, hands every item to acceptance, and only
 * then marks it done at the source, so an item is never lost between source and intake.
 */
public interface PolledChannel extends SchedulingConfigurer {

    /** Which channel this is. */
    Channel channel();

    /**
     * Fetches and accepts what is waiting.
     *
     * @return how many items were accepted
     */
    int poll() throws IOException;

    /** Time between polls, from the channel's configuration record. */
    Duration pollInterval();

    /** One poll as the schedule runs it: a failure is logged, and the next poll tries again. */
    void scheduledPoll();

    /** Polls every {@link #pollInterval()}, from a second after start. */
    @Override
    default void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::scheduledPoll, pollInterval(), Duration.ofSeconds(1)));
    }
}
