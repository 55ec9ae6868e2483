# u does not depend on t at all, so there is no recorded path from t to u and the
# tape returns None rather than zeros.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
t = tf.reshape(tf.linspace(0.0, 0.5, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    tape.watch(t)
    u = tf.tanh(2.0 * x)
u_t = tape.gradient(u, t)  # expect: TFG011

print("du/dt:", u_t)
