package org.oversight.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What was worked out since the last change, reused until the next: a page many read and few change
 * (a dashboard, a month's budget book) is built once per change, not per request. The change
 * counter moves in the same transaction as any change it covers (a trigger bumps it), so whoever
 * reads the new number also reads the change: nothing kept under an older number is served after it.
 * The most recently used {@code size} are kept.
 */
public final class KeptUntilChange {

    private record Key(long change, Object what) {
    }

    private final Map<Key, Object> kept;

    public KeptUntilChange(int size) {
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(size * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                return size() > size;
            }
        });
    }

    /** What {@code build} makes for {@code what}, as made since change {@code change}, else made now and kept. */
    @SuppressWarnings("unchecked")
    public <T> T get(long change, Object what, Supplier<T> build) {
        // Inside a transaction that writes, the counter may be its own uncommitted number, which another may commit with other data.
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()
                && !org.springframework.transaction.support.TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return build.get();
        }
        Key key = new Key(change, what);
        Object found = kept.get(key);
        if (found == null) {
            found = build.get();
            kept.put(key, found);
        }
        return (T) found;
    }
}
