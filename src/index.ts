/** hpmoe public API. */
export {};
