package dev.faceid.api.gallery;

/**
 * One immutable state of an in-memory gallery. Arrays may be longer than {@code count}: enrolment appends into the
 * spare capacity and publishes a new snapshot with a larger count, so readers of older snapshots, which never
 * look past their own count, are unaffected. Anything else (removal, rename) builds fresh arrays.
 *
 * @param vectors  {@code count x dimension} unit vectors, row-major, in one contiguous block
 * @param ids      sample ids
 * @param personOf index into {@code persons} for each sample
 * @param persons  names; every index is used by at least one sample
 */
record GallerySnapshot(String modelId, int dimension, float[] vectors, long[] ids, int[] personOf,
                       String[] persons, int count, long nextId) {

    static GallerySnapshot empty(String modelId, int dimension) {
        return new GallerySnapshot(modelId, dimension, new float[0], new long[0], new int[0], new String[0], 0, 1);
    }

    int indexOfPerson(String name) {
        for (int i = 0; i < persons.length; i++) {
            if (persons[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
