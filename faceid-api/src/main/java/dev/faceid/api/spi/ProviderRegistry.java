package dev.faceid.api.spi;

import dev.faceid.api.error.ProviderNotFoundException;
import dev.faceid.api.error.ProviderUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers of one SPI found on the class path, and the rules for choosing one.
 *
 * <p>Choice, in order: an explicit name (builder option), else the system property {@code faceid.<kind>}, else the
 * available provider of highest priority. When several available providers share the highest priority the
 * choice is the alphabetically first name and a warning says so, because which jar wins should never depend on
 * class-path order.
 *
 * <p>Immutable after construction and thread-safe. Registries for the built-in SPIs are held in lazy holders
 * ({@link dev.faceid.api.Registries}) so that no static initialiser runs {@link ServiceLoader} while another class is still
 * initialising.
 *
 * @param <P> the provider type
 */
public final class ProviderRegistry<P extends Provider> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final String kind;
    private final String defaultArtifact;
    private final List<P> providers;

    private ProviderRegistry(String kind, String defaultArtifact, List<P> providers) {
        this.kind = kind;
        this.defaultArtifact = defaultArtifact;
        this.providers = List.copyOf(providers);
    }

    /**
     * Loads all providers of {@code type} visible to its class loader and to the context class loader.
     *
     * @param kind            short name of the SPI, used in messages and as the system property suffix
     * @param defaultArtifact the artifact to suggest when nothing is found
     */
    public static <P extends Provider> ProviderRegistry<P> load(Class<P> type, String kind, String defaultArtifact) {
        List<P> found = new ArrayList<>();
        collect(ServiceLoader.load(type, type.getClassLoader()), found, kind);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != type.getClassLoader()) {
            collect(ServiceLoader.load(type, context), found, kind);
        }
        return of(kind, defaultArtifact, found);
    }

    /**
     * A registry over a fixed list, for tests and for applications that wire providers by hand. A class listed twice
     * (as when two class loaders see the same jar) counts once.
     */
    public static <P extends Provider> ProviderRegistry<P> of(String kind, String defaultArtifact, List<P> providers) {
        List<P> unique = new ArrayList<>();
        for (P p : providers) {
            if (unique.stream().noneMatch(u -> u.getClass().equals(p.getClass()))) {
                unique.add(p);
            }
        }
        unique.sort(Comparator.comparing(Provider::name));
        return new ProviderRegistry<>(kind, defaultArtifact, unique);
    }

    private static <P extends Provider> void collect(ServiceLoader<P> loader, List<P> into, String kind) {
        var it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                into.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                // One broken jar must not hide the others; it simply does not appear in the list.
                LOG.warn("Ignoring a faceid {} provider that could not be instantiated: {}", kind, e.toString());
            }
        }
    }

    /** All providers found, sorted by name. */
    public List<P> all() {
        return providers;
    }

    /** The system property that selects a provider of this kind by name. */
    public String systemProperty() {
        return "faceid." + kind;
    }

    /**
     * The provider called {@code name}, whether available or not.
     *
     * @throws ProviderNotFoundException listing the names that are there
     */
    public P forName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return providers.stream()
                .filter(p -> p.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ProviderNotFoundException(
                        "No " + kind + " provider named '" + name + "'. " + describeAvailable()));
    }

    /**
     * Chooses a provider: {@code explicitName} if present, else the system property, else the best available one.
     *
     * @throws ProviderNotFoundException    if the named provider is absent or nothing is on the class path
     * @throws ProviderUnavailableException if the named provider cannot run here, or none of those present can
     */
    public P choose(Optional<String> explicitName) {
        Optional<String> name = explicitName.or(() -> Optional.ofNullable(System.getProperty(systemProperty()))
                .filter(s -> !s.isBlank()));
        if (name.isPresent()) {
            P chosen = forName(name.get().trim());
            Availability a = chosen.availability();
            if (!a.available()) {
                throw new ProviderUnavailableException("The " + kind + " provider '" + chosen.name()
                        + "' was requested but cannot run here: " + a.reason(), a.cause().orElse(null));
            }
            return chosen;
        }
        return best();
    }

    /** The available provider of highest priority; ties are broken by name and logged. */
    public P best() {
        if (providers.isEmpty()) {
            throw new ProviderNotFoundException("No " + kind + " provider is on the class path. Add a dependency on "
                    + defaultArtifact + ".");
        }
        List<P> usable = providers.stream().filter(p -> p.availability().available()).collect(Collectors.toList());
        if (usable.isEmpty()) {
            Throwable cause = providers.stream().map(p -> p.availability().cause()).flatMap(Optional::stream)
                    .findFirst().orElse(null);
            throw new ProviderUnavailableException("No " + kind + " provider can run here. " + describeAvailable(),
                    cause);
        }
        int top = usable.stream().mapToInt(Provider::priority).max().orElseThrow();
        List<P> best = usable.stream().filter(p -> p.priority() == top).collect(Collectors.toList());
        P chosen = best.get(0);
        if (best.size() > 1) {
            LOG.warn("Several faceid {} providers share priority {}: {}. Using '{}'. Choose one explicitly with the "
                            + "builder or -D{}=<name> to silence this warning.",
                    kind, top, best.stream().map(Provider::name).collect(Collectors.toList()), chosen.name(),
                    systemProperty());
        } else if (usable.size() > 1) {
            LOG.info("Using faceid {} provider '{}' (priority {}) over {}; choose another with the builder or "
                            + "-D{}=<name>",
                    kind, chosen.name(), top, usable.stream().filter(p -> p != chosen)
                            .map(p -> "'" + p.name() + "' (" + p.priority() + ")").collect(Collectors.toList()),
                    systemProperty());
        } else {
            LOG.debug("Using faceid {} provider '{}'", kind, chosen.name());
        }
        return chosen;
    }

    /** One line per provider with name, priority and availability, for error messages and diagnostics. */
    public String describeAvailable() {
        if (providers.isEmpty()) {
            return "None is on the class path; add a dependency on " + defaultArtifact + ".";
        }
        StringBuilder sb = new StringBuilder("Available ").append(kind).append(" providers: ");
        for (int i = 0; i < providers.size(); i++) {
            P p = providers.get(i);
            Availability a = p.availability();
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(p.name()).append("' (priority ").append(p.priority()).append(", ")
                    .append(p.artifact()).append(a.available() ? "" : ", unavailable: " + a.reason()).append(')');
        }
        return sb.append(". Other providers ship in their own artifacts, e.g. ").append(defaultArtifact).append('.')
                .toString();
    }
}
