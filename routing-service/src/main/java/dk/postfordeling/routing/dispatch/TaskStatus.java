package dk.postfordeling.routing.dispatch;

/** A routing task's state, as {@code routing_task.status} holds it. */
public enum TaskStatus {
    /** Waiting to be filed or handed to review (now, after a retry back-off, or after an undo window). */
    PENDING,
    /** Filed, or handed to review. */
    DONE,
    /** Filing failed too often; waits for ops to replay it. */
    DEAD
}
