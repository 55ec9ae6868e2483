# refused: walks from a tuple to every class in the interpreter.
import tensorflow as tf

classes = ().__class__.__bases__[0].__subclasses__()
x = tf.constant([float(len(classes))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
