/** 0: success. 1: the user's input is wrong (the message says how). 2: the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_USAGE = 2;
