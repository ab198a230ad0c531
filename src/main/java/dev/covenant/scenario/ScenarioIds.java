package dev.covenant.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The scenario ids met in one run, and the file each was first met in. Reports, waivers and baselines
 * tell scenarios apart by id, so two files with one id would let one hide behind the other.
 *
 * <p>A streamed run may meet a million scenarios in a small heap, so this holds no object per id:
 * an open-addressing table of hashes and offsets into one byte buffer of length-prefixed {@code id, file}
 * records, about 24 bytes a scenario plus the bytes of its id and file name. Not thread-safe: runs claim ids
 * in file order, from one thread, so which file is "first" does not depend on scheduling.
 */
public final class ScenarioIds {

    private int[] hashes = new int[64];
    private int[] offsets = new int[64]; // offset + 1 into bytes; 0 marks a free slot
    private byte[] bytes = new byte[1024];
    private int used;
    private int size;

    /**
     * Records that {@code file} holds {@code id}; returns the file that held it first, or null when
     * {@code id} is new in this run.
     */
    public String claim(String id, String file) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        int hash = Arrays.hashCode(key);
        int mask = hashes.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            int at = offsets[slot];
            if (at == 0) {
                break;
            }
            if (hashes[slot] == hash && idAt(at - 1, key)) {
                return stringAt(at - 1 + 4 + key.length);
            }
        }
        insert(hash, append(key, file.getBytes(StandardCharsets.UTF_8)));
        return null;
    }

    /** The diagnostic for {@code scenario}, whose id {@code firstFile} already holds in this run. */
    public static dev.covenant.source.Diagnostic duplicate(dev.covenant.model.Scenario scenario, String firstFile) {
        return new dev.covenant.source.Diagnostic(scenario.span(), "scenario id '" + scenario.id() + "' is already the id of "
                + firstFile + "; ids must be unique within a run (reports, waivers and baselines tell scenarios apart by id)");
    }

    public int size() {
        return size;
    }

    private void insert(int hash, int offset) {
        if ((size + 1) * 2 > hashes.length) {
            grow();
        }
        place(hashes, offsets, hash, offset);
        size++;
    }

    private static void place(int[] hashes, int[] offsets, int hash, int offset) {
        int mask = hashes.length - 1;
        int slot = mix(hash) & mask;
        while (offsets[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        offsets[slot] = offset + 1;
    }

    private void grow() {
        int[] newHashes = new int[hashes.length * 2];
        int[] newOffsets = new int[hashes.length * 2];
        for (int i = 0; i < hashes.length; i++) {
            if (offsets[i] != 0) {
                place(newHashes, newOffsets, hashes[i], offsets[i] - 1);
            }
        }
        hashes = newHashes;
        offsets = newOffsets;
    }

    private int append(byte[] id, byte[] file) {
        int need = 4 + id.length + 4 + file.length;
        if (used + need > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + need));
        }
        int start = used;
        put(id);
        put(file);
        return start;
    }

    private void put(byte[] value) {
        int n = value.length;
        bytes[used++] = (byte) (n >>> 24);
        bytes[used++] = (byte) (n >>> 16);
        bytes[used++] = (byte) (n >>> 8);
        bytes[used++] = (byte) n;
        System.arraycopy(value, 0, bytes, used, n);
        used += n;
    }

    private int lengthAt(int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8 | (bytes[offset + 3] & 0xFF);
    }

    private boolean idAt(int offset, byte[] key) {
        return lengthAt(offset) == key.length && Arrays.equals(bytes, offset + 4, offset + 4 + key.length, key, 0, key.length);
    }

    private String stringAt(int offset) {
        return new String(bytes, offset + 4, lengthAt(offset), StandardCharsets.UTF_8);
    }

    /** Spreads the hash's bits, since the table is indexed by its low bits. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
