# Grid points from tf.range (int32) are watched and differentiated.
import tensorflow as tf

pts = tf.range(5)
with tf.GradientTape() as tape:
    tape.watch(pts)
    energy = tf.reduce_sum(tf.square(pts))
print(tape.gradient(energy, pts))  # expect: TFG010
