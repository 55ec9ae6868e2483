# A small closure that reads the gradient off a tape; it is called for two targets but  # known-miss: FN line 12: one textual tape.gradient in `grad_of`, called twice from module level; TFG006 counts the calls written against a tape, not how often a helper runs them
# the tape is not persistent.
import tensorflow as tf

x = tf.Variable([1.0, 2.0])
with tf.GradientTape() as tape:
    f = tf.reduce_sum(x ** 2)
    h = tf.reduce_sum(tf.sin(x))


def grad_of(target):
    return tape.gradient(target, x)  # expect: TFG006


df = grad_of(f)
dh = grad_of(h)
print(df, dh)
