# source: https://github.com/OlafenwaMoses/ImageAI/issues/400
# reported: With keras 2.3.1 / TensorFlow 2.0 the tf.compat.v1.Session example from the TF 2.0 docs (a = 5.0, b = 6.0, c = a * b, sess.run(c)) fails with "RuntimeError: The Session graph is empty. Add operations to the graph before calling run()".
# observed (TF 2.21): a, b and c are eager tensors, the session graph is empty, and sess.run(c) raises RuntimeError at line 22; the tape gradient dc/da before it is real.
import tensorflow as tf


def build():
    # Build a graph.
    a = tf.constant(5.0)
    b = tf.constant(6.0)
    with tf.GradientTape() as tape:
        tape.watch(a)
        c = a * b
    dc_da = tape.gradient(c, a)
    return c, dc_da


c, dc_da = build()
# Launch the graph in a session.
sess = tf.compat.v1.Session()
# Evaluate the tensor `c`.
print(sess.run(c))  # expect: TFG007
print(dc_da)
