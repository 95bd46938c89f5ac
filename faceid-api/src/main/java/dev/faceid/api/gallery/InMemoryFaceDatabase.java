package dev.faceid.api.gallery;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.error.GalleryException;
import dev.faceid.api.match.Aggregation;
import dev.faceid.api.match.Candidate;
import dev.faceid.api.match.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link FaceDatabase}: every embedding in one contiguous {@code float[]}, so a search is a straight
 * pass over memory.
 *
 * <p>Thread-safe. Readers take no lock: they read the current immutable {@link GallerySnapshot}. Writers are
 * serialised and publish a new snapshot, so a search always sees one consistent moment of the gallery.
 */
final class InMemoryFaceDatabase implements FaceDatabase {

    private final String modelId;
    private final int dimension;
    private final Object writeLock = new Object();
    private volatile GallerySnapshot snapshot;

    InMemoryFaceDatabase(String modelId, int dimension) {
        this(GallerySnapshot.empty(modelId, dimension));
    }

    InMemoryFaceDatabase(GallerySnapshot initial) {
        this.modelId = initial.modelId();
        this.dimension = initial.dimension();
        this.snapshot = initial;
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
            GallerySnapshot s = snapshot;
            int n = s.count();
            float[] vectors = s.vectors();
            long[] ids = s.ids();
            int[] personOf = s.personOf();
            if (n == ids.length) {
                int cap = Math.max(16, n + (n >> 1));
                vectors = Arrays.copyOf(vectors, cap * dimension);
                ids = Arrays.copyOf(ids, cap);
                personOf = Arrays.copyOf(personOf, cap);
            }
            String[] persons = s.persons();
            int p = s.indexOfPerson(person);
            if (p < 0) {
                p = persons.length;
                persons = Arrays.copyOf(persons, p + 1);
                persons[p] = person;
            }
            long id = s.nextId();
            unit.copyTo(vectors, n * dimension);
            ids[n] = id;
            personOf[n] = p;
            snapshot = new GallerySnapshot(modelId, dimension, vectors, ids, personOf, persons, n + 1, id + 1);
            return id;
        }
    }

    @Override
    public boolean removeSample(long sampleId) {
        synchronized (writeLock) {
            GallerySnapshot s = snapshot;
            int before = s.count();
            GallerySnapshot after = without(s, i -> s.ids()[i] == sampleId);
            snapshot = after;
            return after.count() < before;
        }
    }

    @Override
    public int removePerson(String person) {
        synchronized (writeLock) {
            GallerySnapshot s = snapshot;
            int p = s.indexOfPerson(person);
            if (p < 0) {
                return 0;
            }
            GallerySnapshot after = without(s, i -> s.personOf()[i] == p);
            snapshot = after;
            return s.count() - after.count();
        }
    }

    @Override
    public void rename(String from, String to) {
        requireName(to);
        synchronized (writeLock) {
            GallerySnapshot s = snapshot;
            int p = s.indexOfPerson(from);
            if (p < 0) {
                throw new IllegalArgumentException("'" + from + "' is not enrolled");
            }
            if (s.indexOfPerson(to) >= 0) {
                throw new IllegalArgumentException("'" + to + "' is already enrolled; remove it first");
            }
            String[] persons = s.persons().clone();
            persons[p] = to;
            snapshot = new GallerySnapshot(modelId, dimension, s.vectors(), s.ids(), s.personOf(), persons,
                    s.count(), s.nextId());
        }
    }

    /** A compacted copy of {@code s} without the samples {@code drop} selects, and without persons left empty. */
    private GallerySnapshot without(GallerySnapshot s, java.util.function.IntPredicate drop) {
        int n = s.count();
        float[] vectors = new float[n * dimension];
        long[] ids = new long[n];
        int[] personOf = new int[n];
        int[] remap = new int[s.persons().length];
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
        return new GallerySnapshot(modelId, dimension, vectors, ids, personOf, persons.toArray(String[]::new),
                kept, s.nextId());
    }

    @Override
    public List<String> persons() {
        String[] names = snapshot.persons().clone();
        Arrays.sort(names);
        return List.of(names);
    }

    @Override
    public List<Sample> samples(String person) {
        GallerySnapshot s = snapshot;
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
        return snapshot.persons().length;
    }

    @Override
    public int sampleCount() {
        return snapshot.count();
    }

    @Override
    public List<Candidate> search(Embedding query, int k, Aggregation aggregation, Metric metric) {
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(metric, "metric");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        query.requireCompatible(modelId, dimension);
        float[] q = query.normalized().toArray();
        GallerySnapshot s = snapshot;
        int persons = s.persons().length;
        double[] acc = new double[persons];
        int[] counts = new int[persons];
        if (aggregation == Aggregation.NEAREST) {
            Arrays.fill(acc, Double.NEGATIVE_INFINITY);
        }
        float[] v = s.vectors();
        int[] personOf = s.personOf();
        for (int i = 0; i < s.count(); i++) {
            double dot = DotProduct.dot(q, v, i * dimension, dimension);
            int p = personOf[i];
            if (aggregation == Aggregation.NEAREST) {
                acc[p] = Math.max(acc[p], dot);
            } else {
                acc[p] += metric.fromDot(dot);
                counts[p]++;
            }
        }
        List<Candidate> all = new ArrayList<>(persons);
        for (int p = 0; p < persons; p++) {
            double d = aggregation == Aggregation.NEAREST ? metric.fromDot(acc[p]) : acc[p] / counts[p];
            all.add(new Candidate(s.persons()[p], d));
        }
        all.sort(Comparator.comparingDouble(Candidate::distance).thenComparing(Candidate::person));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    @Override
    public void save(Path file) {
        AtomicFiles.write(file, GalleryFormat.encode(snapshot));
    }

    @Override
    public void load(Path file) {
        GallerySnapshot loaded = read(file);
        if (!loaded.modelId().equals(modelId) || loaded.dimension() != dimension) {
            throw new GalleryException("Gallery " + file + " holds embeddings of model '" + loaded.modelId() + "' ("
                    + loaded.dimension() + "-d), but this database is for '" + modelId + "' (" + dimension
                    + "-d). Re-enrol the people with the current model.");
        }
        synchronized (writeLock) {
            snapshot = loaded;
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
    public String toString() {
        return "InMemoryFaceDatabase[" + modelId + ", " + personCount() + " persons, " + sampleCount() + " samples]";
    }
}
