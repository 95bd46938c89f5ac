package dev.faceid.core;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.faceid.api.Registries;
import dev.faceid.core.gallery.InMemoryFaceDatabaseProvider;
import dev.faceid.core.match.DefaultMatcherProvider;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** faceid-core registers the built-in matcher and gallery through ServiceLoader; they win when none is chosen. */
class BuiltInProvidersTest {

    @Test
    @DisplayName("The built-in matcher 'default' and database 'memory' are discovered from this jar's services")
    void builtInsDiscovered() {
        assertInstanceOf(DefaultMatcherProvider.class, Registries.matchers().forName("default"));
        assertInstanceOf(DefaultMatcherProvider.class, Registries.matchers().choose(Optional.empty()));
        assertInstanceOf(InMemoryFaceDatabaseProvider.class, Registries.databases().forName("memory"));
        assertInstanceOf(InMemoryFaceDatabaseProvider.class, Registries.databases().choose(Optional.empty()));
    }
}
