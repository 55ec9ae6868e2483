# source: https://github.com/OlafenwaMoses/ImageAI/issues/400
# reported: The TF 2.0 docs' Session example fails with "The Session graph is empty"; the poster's working variant builds the constants and the product inside `with tf.compat.v1.Session() as ses:` and runs them there.
# observed (TF 2.21): inside the with-block the session's graph is the default graph, so a, b, c and tf.gradients(c, a) are graph ops and ses.run returns [30.0, 6.0]; no error.
import tensorflow as tf

# Launch the graph in a session.
with tf.compat.v1.Session() as ses:

    # Build a graph.
    a = tf.constant(5.0)
    b = tf.constant(6.0)
    c = a * b
    dc_da = tf.gradients(c, a)[0]

    # Evaluate the tensor `c`.
    print(ses.run([c, dc_da]))
