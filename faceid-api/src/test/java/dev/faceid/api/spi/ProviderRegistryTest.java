package dev.faceid.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.error.ProviderNotFoundException;
import dev.faceid.api.error.ProviderUnavailableException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The choice rules of {@link ProviderRegistry} over hand-wired providers: explicit name, then the system property
 * {@code faceid.<kind>}, then the best available by priority with ties broken by name.
 */
class ProviderRegistryTest {

    /** A kind no production code uses, so the system property set here cannot leak into other registries. */
    private static final String KIND = "widget";
    private static final String PROPERTY = "faceid.widget";
    private static final Throwable CAUSE = new UnsatisfiedLinkError("libwidget.so not found");

    /** A configurable fake; every instance in these tests is its own anonymous subclass (the registry dedupes by class). */
    private abstract static class Fake implements Provider {
        private final String name;
        private final int priority;
        private final Availability availability;

        Fake(String name, int priority, Availability availability) {
            this.name = name;
            this.priority = priority;
            this.availability = availability;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Availability availability() {
            return availability;
        }

        @Override
        public String artifact() {
            return "test:" + name;
        }
    }

    private final Fake low = new Fake("low", 1, Availability.ok()) { };
    private final Fake mid = new Fake("mid", 10, Availability.ok()) { };
    private final Fake broken = new Fake("broken", 100, Availability.unavailable("native library missing", CAUSE)) { };

    private ProviderRegistry<Fake> registry() {
        return ProviderRegistry.of(KIND, "test:widget-default", List.of(mid, broken, low));
    }

    /** Runs {@code body} with {@code faceid.widget} set, restoring the previous value afterwards. */
    private static void withProperty(String value, Runnable body) {
        String previous = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, value);
        try {
            body.run();
        } finally {
            if (previous == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, previous);
            }
        }
    }

    @Test
    @DisplayName("all() lists every provider sorted by name, and the system property is faceid.<kind>")
    void listsSortedByName() {
        ProviderRegistry<Fake> r = registry();
        assertEquals(List.of("broken", "low", "mid"), r.all().stream().map(Provider::name).toList());
        assertEquals(PROPERTY, r.systemProperty());
    }

    @Test
    @DisplayName("Without a name the available provider of highest priority wins; an unavailable one is skipped")
    void bestAvailableByPriority() {
        assertSame(mid, registry().choose(Optional.empty()));
        assertSame(mid, registry().best());
    }

    @Test
    @DisplayName("An explicit name beats the priority order, case-insensitively")
    void explicitNameBeatsDefault() {
        assertSame(low, registry().choose(Optional.of("low")));
        assertSame(low, registry().choose(Optional.of("LOW")));
    }

    @Test
    @DisplayName("The system property faceid.<kind> beats the priority order")
    void systemPropertyBeatsDefault() {
        withProperty("low", () -> assertSame(low, registry().choose(Optional.empty())));
        assertSame(mid, registry().choose(Optional.empty()), "the property must stop applying once cleared");
    }

    @Test
    @DisplayName("An explicit name beats the system property")
    void explicitNameBeatsSystemProperty() {
        withProperty("low", () -> assertSame(mid, registry().choose(Optional.of("mid"))));
    }

    @Test
    @DisplayName("A blank system property is ignored")
    void blankSystemPropertyIgnored() {
        withProperty("  ", () -> assertSame(mid, registry().choose(Optional.empty())));
    }

    @Test
    @DisplayName("A system property naming an unavailable provider fails with its cause rather than falling back")
    void systemPropertyNamingUnavailableProviderFails() {
        withProperty("broken", () -> {
            ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                    () -> registry().choose(Optional.empty()));
            assertSame(CAUSE, e.getCause());
        });
    }

    @Test
    @DisplayName("Among equal top priorities the alphabetically first name wins, whatever the input order")
    void tieBrokenByName() {
        Fake zeta = new Fake("zeta", 5, Availability.ok()) { };
        Fake alpha = new Fake("alpha", 5, Availability.ok()) { };
        Fake kappa = new Fake("kappa", 5, Availability.ok()) { };
        Fake lower = new Fake("aaa", 4, Availability.ok()) { };
        for (List<Fake> order : List.of(List.of(zeta, alpha, kappa, lower), List.of(kappa, lower, zeta, alpha),
                List.of(lower, alpha, kappa, zeta))) {
            ProviderRegistry<Fake> r = ProviderRegistry.of(KIND, "x", order);
            assertSame(alpha, r.choose(Optional.empty()), () -> "input order " + order);
            assertSame(alpha, r.best());
        }
    }

    @Test
    @DisplayName("An unavailable provider does not win a tie even if its name sorts first")
    void unavailableNeverWinsTie() {
        Fake aUnavailable = new Fake("a", 5, Availability.unavailable("nope")) { };
        Fake b = new Fake("b", 5, Availability.ok()) { };
        assertSame(b, ProviderRegistry.of(KIND, "x", List.of(aUnavailable, b)).best());
    }

    @Test
    @DisplayName("Requesting a missing provider throws ProviderNotFoundException listing the names that exist")
    void missingProviderListsAvailableNames() {
        ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class,
                () -> registry().choose(Optional.of("gpu-magic")));
        String m = e.getMessage();
        assertTrue(m.contains("gpu-magic"), m);
        assertTrue(m.contains("'low'") && m.contains("'mid'") && m.contains("'broken'"), m);
        assertTrue(m.contains("native library missing"), "unavailable ones say why: " + m);
        assertThrows(ProviderNotFoundException.class, () -> registry().forName("gpu-magic"));
    }

    @Test
    @DisplayName("Requesting an unavailable provider throws ProviderUnavailableException carrying reason and cause")
    void unavailableProviderCarriesCause() {
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> registry().choose(Optional.of("broken")));
        assertSame(CAUSE, e.getCause());
        assertTrue(e.getMessage().contains("broken") && e.getMessage().contains("native library missing"),
                e.getMessage());
        assertSame(broken, registry().forName("broken"), "forName still finds it, available or not");
    }

    @Test
    @DisplayName("An empty registry throws ProviderNotFoundException naming the artifact to add")
    void emptyRegistrySuggestsArtifact() {
        ProviderRegistry<Fake> empty = ProviderRegistry.of(KIND, "test:widget-default", List.of());
        ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class,
                () -> empty.choose(Optional.empty()));
        assertTrue(e.getMessage().contains("test:widget-default"), e.getMessage());
    }

    @Test
    @DisplayName("When no provider can run, choosing throws ProviderUnavailableException listing them")
    void noneAvailable() {
        ProviderRegistry<Fake> r = ProviderRegistry.of(KIND, "x", List.of(broken));
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> r.choose(Optional.empty()));
        assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
        assertSame(CAUSE, e.getCause());
    }

    @Test
    @DisplayName("The same provider class listed twice (as two class loaders may report it) appears once")
    void sameClassListedTwiceAppearsOnce() {
        ProviderRegistry<Fake> r = ProviderRegistry.of(KIND, "x", List.of(low, mid, low));
        assertEquals(List.of("low", "mid"), r.all().stream().map(Provider::name).toList());
    }
}
