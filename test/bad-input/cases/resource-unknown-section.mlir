// ARGS: --allow-unregistered-dialect
// ERROR: 5:3: unknown key 'foo_section' in file metadata dictionary
// unknown key in the metadata block
{-#
  foo_section: {}
#-}
