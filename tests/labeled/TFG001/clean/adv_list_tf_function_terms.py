# Loss terms wrapped in tf.function before the tape, called inside it.
import tensorflow as tf

w = tf.Variable([1.0, 2.0])
terms = []
terms.append(tf.function(lambda: tf.reduce_sum(w ** 2)))
terms.append(tf.function(lambda: tf.reduce_sum(tf.sin(w))))
with tf.GradientTape() as tape:
    loss = terms[0]() + terms[1]()
print(tape.gradient(loss, w))
