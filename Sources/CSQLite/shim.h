#ifndef TRESOR_CSQLITE_SHIM_H
#define TRESOR_CSQLITE_SHIM_H
#include <sqlite3.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/// SQLITE_TRANSIENT is a macro Swift cannot import; expose it as a function.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// Non-variadic wrapper for sqlite3_db_config with an int argument.
static inline int csqlite_db_config_int(sqlite3 *db, int op, int value, int *result) {
    return sqlite3_db_config(db, op, value, result);
}
/// Non-variadic wrapper for sqlite3_config(SQLITE_CONFIG_MEMSTATUS, on): valid only before the
/// library initialises (the first connection).
static inline int csqlite_config_memstatus(int on) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, on);
}

/// The WAL-index header of a database in WAL mode: the first 48 bytes of its `-shm` file, which
/// SQLite rewrites at every commit (https://www.sqlite.org/walformat.html, "The WAL-Index
/// Header"). Kept twice, at offsets 0 and 48; a reader that finds both copies equal has a
/// consistent header.
typedef struct {
    unsigned char bytes[48];
} csqlite_wal_index_header;

/// Maps the start of the shared-memory file at `path` read-only, or returns NULL (no such file, too
/// small, or mmap refused). `*length` receives the mapped length for `csqlite_shm_unmap`.
static inline const void *csqlite_shm_map(const char *path, size_t *length) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    struct stat info;
    if (fstat(fd, &info) != 0 || info.st_size < 136) {
        close(fd);
        return NULL;
    }
    size_t size = info.st_size < 4096 ? (size_t)info.st_size : 4096;
    void *map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
    close(fd);
    if (map == MAP_FAILED) return NULL;
    *length = size;
    return map;
}

/// Unmaps what `csqlite_shm_map` mapped.
static inline void csqlite_shm_unmap(const void *map, size_t length) {
    munmap((void *)map, length);
}

/// Copies the WAL-index header out of a mapped `-shm` file the way SQLite's readers do: the first
/// copy, a memory barrier, the second copy. Returns 1 when both copies agree, the header is
/// initialised and its version is the one this format describes (3007000); 0 otherwise (a writer
/// is mid-update, or the format is unknown), in which case the caller must not rely on it.
static inline int csqlite_wal_index_header_read(const void *map, csqlite_wal_index_header *out) {
    const volatile unsigned char *base = (const volatile unsigned char *)map;
    unsigned char first[48], second[48];
    for (int i = 0; i < 48; i++) first[i] = base[i];
    __sync_synchronize();
    for (int i = 0; i < 48; i++) second[i] = base[48 + i];
    if (memcmp(first, second, 48) != 0) return 0;
    unsigned int version;
    memcpy(&version, first, 4);
    if (version != 3007000 || first[12] != 1) return 0;
    memcpy(out->bytes, first, 48);
    return 1;
}
#endif
