package dev.faceid.api.gallery;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import java.util.List;

/**
 * The gallery of enrolled people: several embedding samples per person, all of one embedding model. Where and how it
 * is stored belongs to the implementation: a file for the in-memory gallery, the engine's own storage for a gallery
 * that lives in a search server.
 *
 * <p>Thread-safe: searches run concurrently with each other and with one writer; each search sees the gallery as it
 * was at one moment (never half an update).
 */
public interface FaceDatabase extends AutoCloseable {

    /** The embedding model every sample must come from. */
    String modelId();

    int dimension();

    /**
     * Adds a sample (normalised to unit length) and returns its id.
     *
     * @throws dev.faceid.api.error.EmbeddingMismatchException if the embedding is of another model or dimension
     * @throws IllegalArgumentException                        if {@code person} is blank
     */
    long enroll(String person, Embedding embedding);

    /** Removes one sample; false if there was none with that id. */
    boolean removeSample(long sampleId);

    /** Removes every sample of {@code person}; returns how many there were. */
    int removePerson(String person);

    /**
     * Renames a person, keeping their samples.
     *
     * @throws IllegalArgumentException if {@code from} is not enrolled or {@code to} already is
     */
    void rename(String from, String to);

    /** Enrolled names, sorted. */
    List<String> persons();

    /** The samples of {@code person}, oldest first; empty if not enrolled. */
    List<Sample> samples(String person);

    int personCount();

    int sampleCount();

    /**
     * The {@code k} nearest people to {@code query}, nearest first; fewer if fewer are enrolled.
     *
     * @throws dev.faceid.api.error.EmbeddingMismatchException if the query is of another model or dimension
     */
    List<Candidate> search(Embedding query, int k, Aggregation aggregation, Metric metric);

    /**
     * Releases what the gallery holds (memory, connections). Every later call but {@code close} throws
     * {@link IllegalStateException}. Changes already acknowledged are kept wherever the implementation keeps them.
     */
    @Override
    void close();
}
