package dk.postfordeling.intake.channel.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a request body through while counting; the read that goes past the limit fails with
 * {@link TooLargeException}. So a body is refused while it is read, before more than the limit has
 * been stored or buffered anywhere, whatever the sender put in {@code Content-Length}.
 */
public final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    public SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws TooLargeException {
        count += n;
        if (count > limit) {
            throw new TooLargeException(limit);
        }
    }

    /** The body was larger than the limit. An {@link IOException}, so it leaves the store's clean-up to run. */
    public static final class TooLargeException extends IOException {

        private final long limit;

        public TooLargeException(long limit) {
            super("body over " + limit + " bytes", null);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
