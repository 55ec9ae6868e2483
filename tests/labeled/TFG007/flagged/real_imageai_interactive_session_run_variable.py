# source: https://github.com/OlafenwaMoses/ImageAI/issues/410
# reported: With TensorFlow 2.0, creating a tf.compat.v1.InteractiveSession, a random_uniform tensor and a Variable from it, then sess.run(var1), fails with "The Session graph is empty. Add operations to the graph before calling run()".
# observed (TF 2.21): the tensor and the Variable are eager, the session's graph has no ops, and sess.run raises RuntimeError at line 15; the tape gradient before it is real.
import tensorflow as tf

sess = tf.compat.v1.InteractiveSession()
my_tensor = tf.compat.v1.random_uniform((5, 5), 0, 2)
var1 = tf.Variable(initial_value=my_tensor)

with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.square(var1 - 1.0))
grad = tape.gradient(loss, var1)

print(grad.shape)
print(sess.run(var1))  # expect: TFG007
