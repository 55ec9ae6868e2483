# Casting to an integer dtype and back inside the tape, e.g. to emulate quantization.
import tensorflow as tf

a = tf.Variable([1.7, -0.4])
with tf.GradientTape() as tape:
    q = tf.cast(tf.cast(a * 4.0, tf.int32), tf.float32) / 4.0
    loss = tf.reduce_sum(q * q)
da = tape.gradient(loss, a)  # expect: TFG009
print(da)
