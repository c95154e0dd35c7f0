#ifndef TRESOR_CSQLITE_SHIM_H
#define TRESOR_CSQLITE_SHIM_H
#include <sqlite3.h>

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
#endif
