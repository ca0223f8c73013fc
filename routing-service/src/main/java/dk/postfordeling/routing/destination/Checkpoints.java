package dk.postfordeling.routing.destination;

import java.util.Optional;

/**
 * Durable notes an adapter keeps about one mail's filing in one destination, e.g. the one-time
 * URL F2 handed out for it. {@link #save} is committed before it returns, so a note survives a crash
 * in the call that follows it.
 */
public interface Checkpoints {

    Optional<String> get(String name);

    void save(String name, String value);
}
