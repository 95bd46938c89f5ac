package dev.faceid.core.gallery;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.error.GalleryException;
import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.api.gallery.Sample;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The default {@link FaceDatabase}: every embedding in one contiguous {@code float[]} (and, with
 * {@link GalleryOptions.Storage#INT8}, an int8 copy beside it), so a search is a straight pass over memory; see
 * {@link GallerySearch}.
 *
 * <p>It lives in memory; persistence is this implementation's own: {@link #save(Path)} writes a versioned,
 * checksummed file atomically and {@link #load(Path)} (or {@link InMemoryFaceDatabaseProvider#open(Path)}) reads one.
 * Closing it drops the embeddings; every later call but {@code close} throws {@link IllegalStateException}.
 *
 * <p>Thread-safe. Readers take no lock: they read the current immutable {@link GallerySnapshot}. Writers are
 * serialised and publish a new snapshot, so a search always sees one consistent moment of the gallery.
 */
public final class InMemoryFaceDatabase implements FaceDatabase {

    private final String modelId;
    private final int dimension;
    private final GalleryOptions options;
    private final GallerySearch search;
    private final Object writeLock = new Object();
    /** Writer-side index of the current snapshot's persons, so enrolment stays O(d) with a million persons. */
    private final Map<String, Integer> personIndex = new HashMap<>();
    /** The current content; null once closed. */
    private volatile GallerySnapshot snapshot;

    InMemoryFaceDatabase(GallerySnapshot initial, GalleryOptions options, ScanKernel kernel) {
        this.modelId = initial.modelId();
        this.dimension = initial.dimension();
        this.options = options;
        this.search = new GallerySearch(kernel, options.parallelism());
        synchronized (writeLock) {
            publish(initial.withStorage(options.storage()));
        }
    }

    /** Publishes a snapshot built from scratch (not by appending) and re-indexes its persons. */
    private void publish(GallerySnapshot s) {
        personIndex.clear();
        for (int p = 0; p < s.personCount(); p++) {
            personIndex.put(s.persons()[p], p);
        }
        snapshot = s;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public long enroll(String person, Embedding embedding) {
        requireName(person);
        embedding.requireCompatible(modelId, dimension);
        Embedding unit = embedding.normalized();
        synchronized (writeLock) {
            GallerySnapshot s = current();
            int n = s.count();
            float[] vectors = s.vectors();
            long[] ids = s.ids();
            int[] personOf = s.personOf();
            if (n == ids.length) {
                int cap = grownCapacity(n);
                vectors = Arrays.copyOf(vectors, cap * dimension);
                ids = Arrays.copyOf(ids, cap);
                personOf = Arrays.copyOf(personOf, cap);
            }
            String[] persons = s.persons();
            int personCount = s.personCount();
            Integer known = personIndex.get(person);
            int p = known != null ? known : personCount++;
            if (known == null) {
                if (p == persons.length) {
                    persons = Arrays.copyOf(persons, Math.max(16, p + (p >> 1)));
                }
                persons[p] = person;
            }
            long id = s.nextId();
            unit.copyTo(vectors, n * dimension);
            ids[n] = id;
            personOf[n] = p;
            Int8Codes int8 = s.int8() == null ? null : s.int8().with(vectors, n, dimension, ids.length);
            personIndex.put(person, p);
            snapshot = new GallerySnapshot(modelId, dimension, vectors, int8, ids, personOf, persons, personCount,
                    n + 1, id + 1);
            return id;
        }
    }

    /** 1.5 times {@code n}, capped at the most rows of this dimension one Java array can hold. */
    private int grownCapacity(int n) {
        int max = (Integer.MAX_VALUE - 8) / dimension;
        if (n >= max) {
            throw new GalleryException("The gallery is full: one Java array holds at most " + max + " samples of "
                    + dimension + " values");
        }
        return (int) Math.min(max, Math.max(16, n + (n >> 1)));
    }

    @Override
    public boolean removeSample(long sampleId) {
        synchronized (writeLock) {
            GallerySnapshot s = current();
            int before = s.count();
            GallerySnapshot after = without(s, i -> s.ids()[i] == sampleId);
            publish(after);
            return after.count() < before;
        }
    }

    @Override
    public int removePerson(String person) {
        synchronized (writeLock) {
            GallerySnapshot s = current();
            int p = s.indexOfPerson(person);
            if (p < 0) {
                return 0;
            }
            GallerySnapshot after = without(s, i -> s.personOf()[i] == p);
            publish(after);
            return s.count() - after.count();
        }
    }

    @Override
    public void rename(String from, String to) {
        requireName(to);
        synchronized (writeLock) {
            GallerySnapshot s = current();
            int p = s.indexOfPerson(from);
            if (p < 0) {
                throw new IllegalArgumentException("'" + from + "' is not enrolled");
            }
            if (s.indexOfPerson(to) >= 0) {
                throw new IllegalArgumentException("'" + to + "' is already enrolled; remove it first");
            }
            String[] persons = s.persons().clone();
            persons[p] = to;
            publish(new GallerySnapshot(modelId, dimension, s.vectors(), s.int8(), s.ids(), s.personOf(), persons,
                    s.personCount(), s.count(), s.nextId()));
        }
    }

    /** A compacted copy of {@code s} without the samples {@code drop} selects, and without persons left empty. */
    private GallerySnapshot without(GallerySnapshot s, IntPredicate drop) {
        int n = s.count();
        float[] vectors = new float[n * dimension];
        long[] ids = new long[n];
        int[] personOf = new int[n];
        int[] remap = new int[s.personCount()];
        Arrays.fill(remap, -1);
        List<String> persons = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (drop.test(i)) {
                continue;
            }
            int p = s.personOf()[i];
            if (remap[p] < 0) {
                remap[p] = persons.size();
                persons.add(s.persons()[p]);
            }
            System.arraycopy(s.vectors(), i * dimension, vectors, kept * dimension, dimension);
            ids[kept] = s.ids()[i];
            personOf[kept] = remap[p];
            kept++;
        }
        return new GallerySnapshot(modelId, dimension, vectors, null, ids, personOf,
                persons.toArray(String[]::new), persons.size(), kept, s.nextId()).withStorage(options.storage());
    }

    @Override
    public List<String> persons() {
        GallerySnapshot s = current();
        String[] names = Arrays.copyOf(s.persons(), s.personCount());
        Arrays.sort(names);
        return List.of(names);
    }

    @Override
    public List<Sample> samples(String person) {
        GallerySnapshot s = current();
        int p = s.indexOfPerson(person);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; p >= 0 && i < s.count(); i++) {
            if (s.personOf()[i] == p) {
                float[] v = Arrays.copyOfRange(s.vectors(), i * dimension, (i + 1) * dimension);
                out.add(new Sample(s.ids()[i], person, Embedding.of(modelId, v)));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public int personCount() {
        return current().personCount();
    }

    @Override
    public int sampleCount() {
        return current().count();
    }

    @Override
    public List<Candidate> search(Embedding query, int k, Aggregation aggregation, Metric metric) {
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(metric, "metric");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        query.requireCompatible(modelId, dimension);
        return search.search(current(), query.normalized().toArray(), k, aggregation, metric);
    }

    private GallerySnapshot current() {
        GallerySnapshot s = snapshot;
        if (s == null) {
            throw new IllegalStateException("This gallery is closed");
        }
        return s;
    }

    /**
     * Writes the gallery atomically: after a crash at any moment the file holds the old or the new gallery.
     *
     * @throws GalleryException if it cannot be written; the old file is then unchanged
     */
    public void save(Path file) {
        AtomicFiles.write(file, GalleryFormat.encode(current()));
    }

    /**
     * Replaces the content with that of a gallery file, all or nothing.
     *
     * @throws GalleryException if the file is damaged, of a newer format, or of another model or dimension; the
     *                          content is then unchanged
     */
    public void load(Path file) {
        current();
        GallerySnapshot loaded = read(file);
        if (!loaded.modelId().equals(modelId) || loaded.dimension() != dimension) {
            throw new GalleryException("Gallery " + file + " holds embeddings of model '" + loaded.modelId() + "' ("
                    + loaded.dimension() + "-d), but this database is for '" + modelId + "' (" + dimension
                    + "-d). Re-enrol the people with the current model.");
        }
        GallerySnapshot stored = loaded.withStorage(options.storage());
        synchronized (writeLock) {
            publish(stored);
        }
    }

    static GallerySnapshot read(Path file) {
        try {
            return GalleryFormat.decode(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new GalleryException("Gallery file not found: " + file, e);
        } catch (IOException e) {
            throw new GalleryException("Cannot read gallery " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireName(String person) {
        if (person == null || person.isBlank()) {
            throw new IllegalArgumentException("A person's name must not be blank");
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            snapshot = null;
        }
    }

    @Override
    public String toString() {
        GallerySnapshot s = snapshot;
        if (s == null) {
            return "InMemoryFaceDatabase[" + modelId + ", closed]";
        }
        return "InMemoryFaceDatabase[" + modelId + ", " + s.personCount() + " persons, " + s.count() + " samples, "
                + options.storage() + ", " + search.kernel().name() + " kernel]";
    }
}
