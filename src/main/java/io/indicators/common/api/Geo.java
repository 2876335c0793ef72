package io.indicators.common.api;

import java.util.regex.Pattern;

/** The geographies a series may have: ISO 3166-1 alpha-2 codes and the regions the catalogue uses. */
public final class Geo {

    public static final String EXPECTED = "an ISO 3166-1 alpha-2 code (such as KR) or one of EU, WORLD";
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}|EU|WORLD");

    private Geo() {
    }

    public static boolean isValid(String geo) {
        return geo != null && CODE.matcher(geo).matches();
    }
}
