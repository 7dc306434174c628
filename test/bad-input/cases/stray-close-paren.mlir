// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: expected operation name in quotes
// a ')' where an operation should start
)
