# Parameters live in a dict; the loss uses only two of them but the gradient is asked  # known-miss: FN line 13: the sources params["w"], params["gamma"] are subscripts of a dict display: sources the model cannot name get no verdict
# for a third as well.
import tensorflow as tf

params = {
    "w": tf.Variable(1.0),
    "b": tf.Variable(0.0),
    "gamma": tf.Variable(0.3),
}
x = tf.constant([1.0, 2.0])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum((params["w"] * x + params["b"]) ** 2)
g_w, g_gamma = tape.gradient(loss, [params["w"], params["gamma"]])  # expect: TFG011
print(g_w, g_gamma)
