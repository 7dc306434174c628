// Pins: a blob with 16-byte alignment.
"x.a"() {r = dense_resource<b16> : tensor<2xf32>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      b16: "0x100000000000803F00000040"
    }
  }
#-}
