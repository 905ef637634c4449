package org.relaybench.session.batch;

/**
 * One of N parts of a batch input, for N processes (on N machines, say a Kubernetes Indexed Job)
 * that share one input: record number k (from 0, counting every record, valid or not) belongs to
 * shard {@code k mod N}. The split depends on nothing but the input, so every record is in exactly
 * one shard, on every machine and in every retry.
 *
 * @param index this shard, 0 to count-1
 * @param count how many shards
 * @since 0.1
 */
public record Shard(int index, int count) {

    /** The whole input. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is I/N with 0 <= I < N: " + index + "/" + count);
        }
    }

    /**
     * @param text {@code I/N}, e.g. {@code 3/8}
     * @return the shard
     * @throws IllegalArgumentException when the text is not a shard
     */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) {
                return new Shard(Integer.parseInt(t.substring(0, slash).trim()), Integer.parseInt(t.substring(slash + 1).trim()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("a shard is I/N with 0 <= I < N, e.g. 0/4: " + t);
    }

    /**
     * @param record a record
     * @return whether it belongs to this shard
     */
    public boolean includes(BatchRecord record) {
        return record.ordinal() % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
