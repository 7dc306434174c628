// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: custom op 'func.bogus' is unknown
// custom-form op unknown to a registered dialect (func is registered in both tools)
func.bogus
