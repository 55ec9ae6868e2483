# A TF1 function is wrapped with compat.v1.wrap_function and its graph run in a v1.Session
# given positionally with the target: ops and fetches all live in that graph.
# Attacks: tf.compat.v1 sessions (imported as `from tensorflow.compat import v1`) with graphs.
import tensorflow as tf
from tensorflow.compat import v1


def build(x):
    y = tf.reduce_sum(tf.exp(x))
    return v1.gradients(y, x)[0]


wrapped = v1.wrap_function(build, [tf.TensorSpec([2], tf.float32)])
with v1.Session("", wrapped.graph) as sess:
    print(sess.run(wrapped.outputs[0], {wrapped.inputs[0].name: [0.0, 1.0]}))
