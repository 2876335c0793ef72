package io.indicators.common.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code next} is the cursor of the following page, null on the last. */
public record Page<T>(List<T> items, String next) {

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells whether another page exists.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, String> position, Function<E, T> view) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? QueryParameters.cursor(position.apply(shown.getLast())) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
