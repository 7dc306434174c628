// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: custom op 'arith.bogus' is unknown
// custom-form op unknown to a registered dialect
arith.bogus
