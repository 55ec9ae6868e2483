# Per-example Jacobians for two outputs from a single non-persistent tape.
import tensorflow as tf

x = tf.random.normal([4, 2])
with tf.GradientTape() as tape:
    tape.watch(x)
    a = tf.sin(x)
    b = tf.cos(x)
ja = tape.batch_jacobian(a, x)
jb = tape.batch_jacobian(b, x)  # expect: TFG006
print(ja, jb)
