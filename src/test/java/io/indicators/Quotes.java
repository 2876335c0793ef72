package io.indicators;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quotes of the Hankyoreh seed document anchored as a publisher without the document's text must anchor them: with
 * their position and context, so tests can publish citations that locate their quote.
 */
public final class Quotes {

    public static final String HANKYOREH = "hankyoreh-2024-ai-talent-silicon-valley";

    private Quotes() {
    }

    /** "세 나라" (three countries): a quote test values can cite. */
    public static Map<String, Object> threeCountries() {
        return citation("세 나라", 1624, "31개국 가운데 인공지능 인재의 순유출이 순유입보다 많은 ", " 중 하나였다. 한국에 견줘 미국이 높은 연봉 등 좋은 처", null);
    }

    /** The 2023 shortfall's quote, attributed to the SPRi survey. */
    public static Map<String, Object> shortfall2023() {
        return citation("부족 인력은 8579명으로 집계됐다", 1260, "기준 국내 인공지능 부문 인력은 모두 5만1425명으로, ",
                ". 3년 전(1609명)과 견줘 부족 인력이 5.3배나 증", "spri-2023-ai-industry-survey");
    }

    public static Map<String, Object> citation(String quote, int start, String prefix, String suffix, String publication) {
        Map<String, Object> citation = new HashMap<>(Map.of("document", HANKYOREH, "quote", quote, "start", start,
                "end", start + quote.codePointCount(0, quote.length()), "prefix", prefix, "suffix", suffix));
        if (publication != null) {
            citation.put("publication", publication);
        }
        return citation;
    }

    /** A period the tests state outright. */
    public static Map<String, Object> stated() {
        return Map.of("basis", "stated");
    }

    public static List<Map<String, Object>> cites(Map<String, Object> citation) {
        return List.of(citation);
    }
}
