// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: Dialect `foo' not found for custom op 'foo.bar'
// custom-form op of a dialect that does not exist
foo.bar
