// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: attribute names with a '.' are reserved for dialect-defined names
// alias names with '.' are reserved for dialects
#foo.bar = 1
