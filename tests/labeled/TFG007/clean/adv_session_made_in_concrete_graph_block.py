# The session is created inside `with concrete.graph.as_default()`, so it runs that traced
# graph; it is only used after the block, with the graph's own input fed.
# Attacks: tf.compat.v1 sessions with graphs — a Session.run outside any graph block in eager code.
import tensorflow as tf
from tensorflow.compat import v1


@tf.function
def energy(x):
    return tf.reduce_sum(x ** 2 + tf.sin(x))


concrete = energy.get_concrete_function(tf.TensorSpec([3], tf.float32))
with concrete.graph.as_default():
    x_in = concrete.inputs[0]
    force = v1.gradients(concrete.outputs[0], x_in)[0]
    sess = v1.Session()
print(sess.run(force, {x_in.name: [0.0, 1.0, 2.0]}))
sess.close()
