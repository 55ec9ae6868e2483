# A steady-state model that ignores time; the jacobian with respect to [x, t] has
# None for t.
import tensorflow as tf

x = tf.Variable(tf.linspace(0.0, 1.0, 4))
t = tf.Variable(tf.zeros([4]))
with tf.GradientTape() as tape:
    u = tf.sin(3.0 * x)
jx, jt = tape.jacobian(u, [x, t])  # expect: TFG011
print(jx.shape, jt)
