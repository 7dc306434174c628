// ARGS:
// ERROR: 5:16: 'moe.dispatch' op counts of source rank 0 sum to 12 rows, but must equal tokens x top-k = 4 x 2 = 8
// counts whose rows do not sum to tokens x top-k
func.func @f(%x: tensor<4x8xbf16>, %ids: tensor<4x2xi32>, %p: tensor<4x2xf32>, %w: tensor<2x8x8xbf16>) {
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0, counts = dense<3> : tensor<2x4xi32>} : tensor<4x8xbf16>, tensor<4x2xi32> -> tensor<?x8xbf16>
  return
}
