# Losses grouped per task in a dict of lists; one list got a (stale) decay term before the
# tape; the task loss is appended inside the tape through the dict.
import tensorflow as tf

w = tf.Variable([0.5, -1.0])
x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
main = []
main.append(1e-3 * tf.reduce_sum(tf.square(w)))  # the decay term, logged with the step losses
groups = {"main": main}
with tf.GradientTape() as tape:
    groups["main"].append(tf.reduce_mean(tf.square(tf.linalg.matvec(x, w))))
    total = tf.add_n(main)
print(tape.gradient(total, w))
