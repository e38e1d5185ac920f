/** Station and facility codes: letters, digits, `_ . -`, starting with a letter or digit, at most 64 characters. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** A station's file code (the `<FACILITY>_<STATION>` part of its file names) or an alias of it: at most 128 characters. */
export const FILE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
