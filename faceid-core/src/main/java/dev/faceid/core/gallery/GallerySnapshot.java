package dev.faceid.core.gallery;

/**
 * One immutable state of an in-memory gallery. Arrays may be longer than {@code count} (and {@code persons} longer
 * than {@code personCount}): enrolment appends into the spare capacity and publishes a new snapshot with a larger
 * count, so readers of older snapshots, which never look past their own counts, are unaffected. Anything else
 * (removal, rename) builds fresh arrays. Thread-safe in that sense.
 *
 * @param vectors     {@code count x dimension} unit vectors, row-major, in one contiguous block
 * @param int8        the int8 copy of {@code vectors}, or null when the gallery stores floats only
 * @param ids         sample ids
 * @param personOf    index into {@code persons} for each sample
 * @param persons     names; every index below {@code personCount} is used by at least one sample
 * @param personCount how many entries of {@code persons} are in use
 */
record GallerySnapshot(String modelId, int dimension, float[] vectors, Int8Codes int8, long[] ids, int[] personOf,
                       String[] persons, int personCount, int count, long nextId) {

    static GallerySnapshot empty(String modelId, int dimension) {
        return new GallerySnapshot(modelId, dimension, new float[0], null, new long[0], new int[0], new String[0], 0,
                0, 1);
    }

    /** This snapshot with int8 codes derived from its vectors, or without them. */
    GallerySnapshot withStorage(GalleryOptions.Storage storage) {
        Int8Codes codes = storage == GalleryOptions.Storage.INT8
                ? Int8Codes.of(vectors, count, dimension, ids.length)
                : null;
        return new GallerySnapshot(modelId, dimension, vectors, codes, ids, personOf, persons, personCount, count,
                nextId);
    }

    int indexOfPerson(String name) {
        for (int i = 0; i < personCount; i++) {
            if (persons[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
