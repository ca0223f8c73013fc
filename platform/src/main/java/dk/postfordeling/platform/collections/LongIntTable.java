package dk.postfordeling.platform.collections;

/**
 * A fixed-capacity open-addressing table from 64-bit keys (feature hashes, packed n-grams) to
 * positive ints, without boxing: looked up for every feature of every mail by the classifier and by
 * intake's language guess. Values must be positive; {@link #get} answers 0 for a key that is not in
 * the table.
 */
public final class LongIntTable {

    private final long[] keys;
    private final int[] values;
    private final int mask;
    private final int shift;

    /** @param expected how many entries will be put; the table holds at least twice as many slots */
    public LongIntTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 + 1) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    public void put(long key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("values must be positive, got " + value);
        }
        int slot = slot(key);
        while (values[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    public int get(long key) {
        int slot = slot(key);
        while (values[slot] != 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
