/** Exit code for an unexpected internal error (sysexits.h EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/** Exit code after a second Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;
