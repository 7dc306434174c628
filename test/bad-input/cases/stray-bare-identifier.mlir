// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: custom op 'foo' is unknown (tried 'builtin.foo' as well)
// a bare word at top level is read as a custom op name
foo
