package dev.faceid.testkit;

import dev.faceid.api.match.MatcherProvider;
import dev.faceid.core.match.DefaultMatcherProvider;

/** The built-in matcher passes the matcher conformance suite. */
class DefaultMatcherConformanceTest extends MatcherConformanceSuite {
    @Override
    protected MatcherProvider provider() {
        return new DefaultMatcherProvider();
    }
}
