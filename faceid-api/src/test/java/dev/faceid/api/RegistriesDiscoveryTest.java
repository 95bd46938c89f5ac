package dev.faceid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.backend.BackendProvider;
import dev.faceid.api.error.ProviderNotFoundException;
import dev.faceid.api.error.ProviderUnavailableException;
import dev.faceid.api.spi.Provider;
import dev.faceid.api.spi.ProviderRegistry;
import dev.faceid.api.testproviders.FakeAvailableBackendProvider;
import dev.faceid.api.testproviders.FakeLowPriorityBackendProvider;
import dev.faceid.api.testproviders.FakeUnavailableBackendProvider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Registries} finds providers through {@link java.util.ServiceLoader}: the test-only backends registered in
 * {@code src/test/resources/META-INF/services} and the built-in matcher and database from the main resources.
 */
class RegistriesDiscoveryTest {

    @Test
    @DisplayName("The three test backends registered in META-INF/services are discovered, sorted by name")
    void discoversTestBackends() {
        List<String> names = Registries.backends().all().stream().map(Provider::name).toList();
        assertEquals(List.of(FakeUnavailableBackendProvider.NAME, FakeLowPriorityBackendProvider.NAME,
                FakeAvailableBackendProvider.NAME), names);
    }

    @Test
    @DisplayName("A fresh ServiceLoader-based load finds the same backends as the cached registry")
    void freshLoadMatchesRegistry() {
        ProviderRegistry<BackendProvider> fresh = ProviderRegistry.load(BackendProvider.class, "backend", "x");
        assertEquals(Registries.backends().all().stream().map(Provider::name).toList(),
                fresh.all().stream().map(Provider::name).toList());
    }

    @Test
    @DisplayName("By default the available backend of highest priority wins over the unavailable priority-100 one")
    void defaultIsBestAvailable() {
        String previous = System.clearProperty("faceid.backend");
        try {
            assertInstanceOf(FakeAvailableBackendProvider.class, Registries.backends().choose(Optional.empty()));
        } finally {
            if (previous != null) {
                System.setProperty("faceid.backend", previous);
            }
        }
    }

    @Test
    @DisplayName("-Dfaceid.backend selects a lower-priority discovered backend")
    void systemPropertySelectsDiscoveredBackend() {
        String previous = System.setProperty("faceid.backend", FakeLowPriorityBackendProvider.NAME);
        try {
            assertInstanceOf(FakeLowPriorityBackendProvider.class, Registries.backends().choose(Optional.empty()));
        } finally {
            if (previous == null) {
                System.clearProperty("faceid.backend");
            } else {
                System.setProperty("faceid.backend", previous);
            }
        }
        assertInstanceOf(FakeAvailableBackendProvider.class, Registries.backends().choose(Optional.empty()));
    }

    @Test
    @DisplayName("Choosing the discovered unavailable backend by name throws with its reason and cause")
    void unavailableDiscoveredBackend() {
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> Registries.backends().choose(Optional.of(FakeUnavailableBackendProvider.NAME)));
        assertSame(FakeUnavailableBackendProvider.CAUSE, e.getCause());
        assertTrue(e.getMessage().contains(FakeUnavailableBackendProvider.REASON), e.getMessage());
    }

    @Test
    @DisplayName("Choosing an undiscovered backend lists the discovered names")
    void missingDiscoveredBackend() {
        ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class,
                () -> Registries.backends().choose(Optional.of("tensorrt")));
        for (String name : List.of(FakeAvailableBackendProvider.NAME, FakeLowPriorityBackendProvider.NAME,
                FakeUnavailableBackendProvider.NAME)) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    @DisplayName("The API jar ships no provider: no detector, embedder, matcher or database is on its class path, and "
            + "the error names the artifact to add")
    void apiShipsNoProvider() {
        ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class,
                () -> Registries.detectors().choose(Optional.empty()));
        assertTrue(e.getMessage().contains("faceid-detect-mtcnn"), e.getMessage());
        assertTrue(Registries.embedders().all().isEmpty());
        assertTrue(Registries.matchers().all().isEmpty());
        assertTrue(Registries.databases().all().isEmpty());
    }
}
