# refused: typing is allowed, but get_type_hints evaluates annotation strings as code.
import typing
import tensorflow as tf

def f(a: "print(open('/tmp/tflint-grad-hostile-canary', 'w'))"):
    return a

hints = typing.get_type_hints(f)
x = tf.constant([float(len(hints))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
