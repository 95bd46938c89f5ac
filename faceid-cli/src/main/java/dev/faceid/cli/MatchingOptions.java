package dev.faceid.cli;

import dev.faceid.api.match.MatcherOptions;
import picocli.CommandLine.Option;

/** The matcher flag shared by the commands that decide who a face is. */
final class MatchingOptions {
    @Option(names = "--threshold", paramLabel = "D",
            description = "Same person only if the cosine distance is below this (default: the model's, 0.40).")
    Double threshold;

    /** The matcher's options, reporting up to {@code topK} nearest people per face. */
    MatcherOptions toOptions(int topK) {
        MatcherOptions.Builder b = MatcherOptions.builder().optTopK(topK);
        if (threshold != null) {
            b.optThreshold(threshold);
        }
        return b.build();
    }
}
