# Correctly left alone: integer labels index a one-hot; the loss is differentiated w.r.t. float logits.
# TensorFlow 2.21 returns softmax - one_hot. (every gradient is real and non-zero)
import tensorflow as tf

labels = tf.constant([0, 2, 1])
logits = tf.Variable(tf.zeros((3, 3)))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
g = tape.gradient(loss, logits)
