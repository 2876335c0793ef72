package io.indicators.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code seeds/CATALOGUE.md} is generated from the seed files and committed; this test regenerates it and fails if
 * the committed page differs, so it cannot go stale. Run with {@code -Dcatalogue.write=true} to rewrite it.
 */
class CataloguePageTest {

    static final String WRITE_PROPERTY = "catalogue.write";

    @Test
    void committedCataloguePageIsWhatTheSeedsGenerate() throws IOException {
        SeedCatalogue seeds = SeedCatalogue.load();
        Path page = seeds.root.resolve("seeds/CATALOGUE.md");
        String generated = CataloguePage.render(seeds);
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.writeString(page, generated, StandardCharsets.UTF_8);
        }
        if (!Files.isRegularFile(page)) {
            fail(page + " is missing. Generate it with: " + CataloguePage.REGENERATE + " (then commit it)");
        }
        String committed = Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (!committed.equals(generated)) {
            fail("seeds/CATALOGUE.md is stale: it differs from what seeds/ generates, first at line "
                    + firstDifference(committed, generated) + ". Regenerate it with: " + CataloguePage.REGENERATE
                    + " (then commit it)");
        }
    }

    @Test
    void numbersAreGroupedAsStated() {
        assertEquals("38,000", CataloguePage.number(new BigDecimal("38000")));
        assertEquals("-0.3", CataloguePage.number(new BigDecimal("-0.3")));
        assertEquals("88.0", CataloguePage.number(new BigDecimal("88.0")));
        assertEquals("1,234,567.25", CataloguePage.number(new BigDecimal("1234567.25")));
    }

    private static String firstDifference(String committed, String generated) {
        List<String> a = committed.lines().toList();
        List<String> b = generated.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "<end of file>";
            String right = i < b.size() ? b.get(i) : "<end of file>";
            if (!left.equals(right)) {
                return (i + 1) + " (committed: «" + abbreviate(left) + "», generated: «" + abbreviate(right) + "»)";
            }
        }
        return "the end (line endings or a final newline)";
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
