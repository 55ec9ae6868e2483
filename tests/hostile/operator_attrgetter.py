# refused: operator is allowed, but attrgetter reads an attribute named by a string built at
# run time, past the gate's reading of names.
import operator
import tensorflow as tf

def f():
    return 1.0

name = "_" * 2 + "globals" + "_" * 2
leak = operator.attrgetter(name)(f)
x = tf.constant([float(len(leak))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
