# Gradient-norm logging in a while loop; the source is an integer tensor so the
# gradient is None and tf.norm of it raises.
import tensorflow as tf

counts = tf.constant([1, 2, 3])
i = 0
while i < 1:
    with tf.GradientTape() as tape:
        tape.watch(counts)
        energy = tf.reduce_sum(counts * counts)
    g = tape.gradient(energy, counts)  # expect: TFG010
    print("grad norm", tf.norm(g))  # expect: TFG004
    i += 1
